package io.imagestreams.importer.service;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The order OpenShift imports a repository's tags in ({@code PrioritizeTags}): {@code latest} first; then minor
 * versions ({@code 5.1}, {@code v5.1}, {@code v5.1-rc1}) newest first; then full semantic versions
 * ({@code 5.1.3}, {@code v5.1.3-other}) newest first; then every other tag in byte order. A {@code --all} import
 * brings the first ones up to its cap.
 */
public final class TagPriority {

    private static final Pattern MINOR = Pattern.compile("^(\\d+)\\.(\\d+)$");
    private static final Pattern MINOR_WITH_SUFFIX = Pattern.compile("^(\\d+\\.\\d+)-\\w+$");
    private static final Pattern SEMVER = Pattern.compile(
            "^(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(?:-([0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*))?(?:\\+[0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*)?$");

    private enum Rank { LATEST, MINOR, FULL, OTHER }

    private record Prioritized(String tag, Rank rank, SemVer version, String prefix) {
    }

    private static final Comparator<Prioritized> ORDER = (a, b) -> {
        if (a.rank != b.rank) {
            return a.rank.compareTo(b.rank);
        }
        if (a.rank == Rank.OTHER || a.rank == Rank.LATEST) {
            return a.tag.compareTo(b.tag);
        }
        int byVersion = b.version.compareTo(a.version);
        return byVersion != 0 ? byVersion : a.prefix.compareTo(b.prefix);
    };

    private TagPriority() {
    }

    /** {@code tags} in import order, as a new list. */
    public static List<String> sort(List<String> tags) {
        List<Prioritized> prioritized = new ArrayList<>(tags.size());
        tags.forEach(tag -> prioritized.add(prioritize(tag)));
        prioritized.sort(ORDER);
        return prioritized.stream().map(Prioritized::tag).toList();
    }

    private static Prioritized prioritize(String tag) {
        if (tag.equals("latest")) {
            return new Prioritized(tag, Rank.LATEST, null, "");
        }
        String prefix = tag.startsWith("v") ? "v" : "";
        String version = tag.substring(prefix.length());
        SemVer full = SemVer.parse(version);
        if (full != null) {
            return new Prioritized(tag, Rank.FULL, full, prefix);
        }
        if (MINOR.matcher(version).matches()) {
            SemVer minor = SemVer.parse(version + ".0");
            if (minor != null) {
                return new Prioritized(tag, Rank.MINOR, minor, prefix);
            }
        }
        Matcher suffixed = MINOR_WITH_SUFFIX.matcher(version);
        if (suffixed.matches()) {
            SemVer minor = SemVer.parse(version.replaceFirst(Pattern.quote(suffixed.group(1)), suffixed.group(1) + ".0"));
            if (minor != null) {
                return new Prioritized(tag, Rank.MINOR, minor, prefix);
            }
        }
        return new Prioritized(tag, Rank.OTHER, null, prefix);
    }

    /** Semantic Versioning 2.0.0 precedence; build metadata is ignored. */
    private record SemVer(long major, long minor, long patch, List<String> preRelease) implements Comparable<SemVer> {

        static SemVer parse(String text) {
            Matcher m = SEMVER.matcher(text);
            if (!m.matches()) {
                return null;
            }
            List<String> pre = m.group(4) == null ? List.of() : List.of(m.group(4).split("\\."));
            for (String identifier : pre) {
                if (identifier.matches("\\d+") && identifier.length() > 1 && identifier.startsWith("0")) {
                    return null;
                }
            }
            try {
                return new SemVer(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), Long.parseLong(m.group(3)), pre);
            } catch (NumberFormatException tooLarge) {
                return null;
            }
        }

        @Override
        public int compareTo(SemVer other) {
            int c = Long.compare(major, other.major);
            if (c == 0) {
                c = Long.compare(minor, other.minor);
            }
            if (c == 0) {
                c = Long.compare(patch, other.patch);
            }
            if (c != 0) {
                return c;
            }
            if (preRelease.isEmpty() || other.preRelease.isEmpty()) {
                // a release ranks above its pre-releases
                return Boolean.compare(preRelease.isEmpty(), other.preRelease.isEmpty());
            }
            for (int i = 0; i < Math.min(preRelease.size(), other.preRelease.size()); i++) {
                c = compareIdentifier(preRelease.get(i), other.preRelease.get(i));
                if (c != 0) {
                    return c;
                }
            }
            return Integer.compare(preRelease.size(), other.preRelease.size());
        }

        private static int compareIdentifier(String a, String b) {
            boolean numericA = a.chars().allMatch(Character::isDigit);
            boolean numericB = b.chars().allMatch(Character::isDigit);
            if (numericA && numericB) {
                return a.length() != b.length() ? Integer.compare(a.length(), b.length()) : a.compareTo(b);
            }
            if (numericA != numericB) {
                return numericA ? -1 : 1;
            }
            return a.compareTo(b);
        }
    }
}
