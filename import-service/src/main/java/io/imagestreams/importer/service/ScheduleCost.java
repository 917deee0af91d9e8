package io.imagestreams.importer.service;

import io.imagestreams.api.json.GoDuration;
import io.imagestreams.api.json.Rfc3339;
import io.imagestreams.importer.client.ImportOptions;
import io.imagestreams.importer.client.RegistryAuth;
import io.imagestreams.importer.client.RegistryBudget;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What the scheduled tags cost in registry requests per hour, computed from the stored schedules: one conditional
 * manifest {@code HEAD} per check (an unchanged digest ends it), the GETs a changed digest costs, the token
 * requests the token cache cannot spare, the global per-minute cap, and what OpenShift's scheduled import would
 * spend for the same tags. A pure function of its inputs, so a what-if interval changes nothing.
 */
public final class ScheduleCost {

    /** OpenShift imports scheduled tags at most this often ({@code scheduledImageImportMinimumIntervalSeconds}). */
    public static final Duration OPENSHIFT_MINIMUM_INTERVAL = Duration.ofMinutes(15);
    /** A bearer token's lifetime when the registry has issued none yet: Docker Hub's {@code expires_in}. */
    public static final Duration TYPICAL_TOKEN_LIFETIME = Duration.ofSeconds(300);

    private static final double SECONDS_PER_HOUR = 3600.0;

    /** What the schedule knows of a tag's source. */
    public enum Kind {
        /** An image manifest. */
        Image,
        /** A manifest list or OCI index. */
        ManifestList,
        /** Not imported or checked since it was tracked: counted as an image. */
        Unknown
    }

    /**
     * Scheduled tags that cost alike.
     *
     * @param registry       the registry as the schedule spells it ({@code docker.io} for Docker Hub)
     * @param children       for a manifest list, how many children it named at its last import; null if not counted
     * @param ownCredentials whether the namespace holds pull credentials for the registry (its tokens are its own;
     *                       namespaces without share anonymous tokens)
     * @param interval       the tags' own check interval, null for the default. Stored schedules have none today
     *                       (every tag follows {@code imagestreams.schedules.interval}, as OpenShift's interval is
     *                       cluster-wide); the computation takes one so that mixing intervals needs no change here.
     * @param count          how many tags
     */
    public record TagGroup(String namespace, String registry, String repository, String importMode, Kind kind,
            Integer children, boolean ownCredentials, Duration interval, long count) {
    }

    /**
     * What this service has learned about a registry from its answers.
     *
     * @param authority where its requests go ({@code registry-1.docker.io} for {@code docker.io})
     * @param dockerHub whether it is Docker Hub, whose pull limit counts manifest GETs, never HEADs
     */
    public record Learned(String authority, boolean dockerHub, Optional<RegistryAuth> auth,
            Optional<RegistryBudget> budget) {
    }

    /**
     * @param defaultInterval    {@code imagestreams.schedules.interval}
     * @param previewInterval    a default interval to preview instead (tags without their own), if asked
     * @param maxChecksPerMinute {@code imagestreams.schedules.max-checks-per-minute}
     * @param enabled            {@code imagestreams.schedules.enabled}
     */
    public record Settings(Duration defaultInterval, Optional<Duration> previewInterval, int maxChecksPerMinute,
            boolean enabled, Instant now) {
    }

    // ---- the answer ----

    /** A rate before and after the per-minute cap (and with scheduled checks off: 0). */
    public record Rate(double projected, double effective) {
    }

    /**
     * @param maxChecksPerHour the cap per hour
     * @param checksPerHour    checks due per hour over every namespace (the cap is global), and how many start
     * @param slowdown         how many times later than its interval every tag is checked (1 within the cap)
     */
    public record Cap(int maxChecksPerMinute, double maxChecksPerHour, Rate checksPerHour, boolean exceeded,
            double slowdown) {
    }

    /** Tags checked at one interval; {@code effective}: how often they are checked under the cap. */
    public record IntervalUse(String interval, String effective, long tags) {
    }

    /**
     * Requests one change of a tag's digest costs on top of its check: the manifest (or list) GET, the config blob
     * GET, and for a list the child {@code Legacy} picks (or every child with its config for
     * {@code PreserveOriginal}).
     *
     * @param children for a {@code PreserveOriginal} list, its children at the last import (null: not counted yet,
     *                 then costed as one)
     */
    public record ChangeCost(String kind, String importMode, Integer children, long tags, int requests) {
    }

    /**
     * Token requests per hour: a token serves every check of one repository (per credentials) until shortly before
     * it expires.
     *
     * @param auth            {@code bearer}, {@code basic} or {@code none} as the registry has asked since this
     *                        service started, or {@code unknown} before its first answer (then costed as bearer)
     * @param tokenService    the token service's host, once known
     * @param lifetimeSeconds the token lifetime the figure uses
     * @param lifetimeSource  {@code learned} (the registry's last token) or {@code typical} (300 s, none issued yet)
     * @param repositories    distinct (repository, credentials) pairs, each with its own token
     */
    public record Tokens(String auth, String tokenService, Long lifetimeSeconds, String lifetimeSource,
            long repositories, Rate requestsPerHour) {
    }

    /**
     * A rate budget the registry announced ({@code RateLimit-*}, {@code Retry-After}).
     *
     * @param counts             what the figures count against it
     * @param projectedPerWindow what the scheduled checks (and tokens from the same host) spend per window
     */
    public record Budget(String host, Long limit, Long windowSeconds, Long remaining, String resetAt,
            String blockedUntil, String learnedAt, String counts, Double projectedPerWindow) {
    }

    /**
     * @param requestsPerHour            manifest HEADs: one per check
     * @param perChangeOfEveryTag        what one change of every tag would cost on top
     * @param openShiftEquivalentPerHour a full import of every tag every {@code max(interval, 15m)}, tokens left out
     */
    public record RegistryCost(String registry, long scheduledTags, List<IntervalUse> intervals, Rate requestsPerHour,
            List<ChangeCost> perChange, long perChangeOfEveryTag, Tokens tokens, double openShiftEquivalentPerHour,
            Budget budget, List<String> warnings) {
    }

    /**
     * @param interval           the default interval the figures use (the preview's, if one was asked)
     * @param configuredInterval {@code imagestreams.schedules.interval}
     * @param preview            whether {@code interval} is a what-if
     * @param warnings           every warning: the cap's, then each registry's
     */
    public record Preview(String namespace, String interval, String configuredInterval, boolean preview,
            boolean enabled, long scheduledTags, Rate requestsPerHour, Rate tokenRequestsPerHour,
            double openShiftEquivalentPerHour, Cap cap, List<RegistryCost> registries, List<String> warnings) {
    }

    private ScheduleCost() {
    }

    /**
     * The cost of the scheduled tags of {@code namespace} (all when empty); the cap is weighed against the tags of
     * every namespace, as it is enforced.
     */
    public static Preview preview(List<TagGroup> all, Optional<String> namespace, Settings settings,
            Function<String, Learned> learned) {
        Duration defaultInterval = settings.previewInterval().orElse(settings.defaultInterval());
        Function<TagGroup, Duration> intervalOf = tags -> tags.interval() != null ? tags.interval() : defaultInterval;

        double allChecks = all.stream().mapToDouble(tags -> perHour(tags.count(), intervalOf.apply(tags))).sum();
        double maxPerHour = Math.max(1, settings.maxChecksPerMinute()) * 60.0;
        boolean exceeded = allChecks > maxPerHour;
        double slowdown = exceeded ? allChecks / maxPerHour : 1;
        // with scheduled checks off nothing is spent
        double running = settings.enabled() ? 1 : 0;
        Cap cap = new Cap(settings.maxChecksPerMinute(), maxPerHour,
                rate(allChecks, running * allChecks / slowdown), exceeded, round(slowdown));

        List<String> warnings = new ArrayList<>();
        if (!settings.enabled()) {
            warnings.add("scheduled checks are off (imagestreams.schedules.enabled=false): the effective figures are 0");
        }
        if (exceeded) {
            warnings.add(String.format(Locale.ROOT, "%s checks per hour are due but at most %s start"
                    + " (imagestreams.schedules.max-checks-per-minute=%d): every tag is checked about %s times later"
                    + " than its interval", number(allChecks), number(maxPerHour), settings.maxChecksPerMinute(),
                    number(slowdown)));
        }

        Map<String, List<TagGroup>> byRegistry = new TreeMap<>(all.stream()
                .filter(tags -> namespace.isEmpty() || namespace.get().equals(tags.namespace()))
                .collect(Collectors.groupingBy(TagGroup::registry)));
        List<RegistryCost> registries = new ArrayList<>();
        for (Map.Entry<String, List<TagGroup>> entry : byRegistry.entrySet()) {
            RegistryCost cost = registry(entry.getKey(), entry.getValue(), intervalOf, slowdown, running,
                    learned.apply(entry.getKey()), settings.now());
            registries.add(cost);
            warnings.addAll(cost.warnings());
        }
        return new Preview(namespace.orElse(null), GoDuration.formatSeconds(defaultInterval),
                GoDuration.formatSeconds(settings.defaultInterval()), settings.previewInterval().isPresent(),
                settings.enabled(), registries.stream().mapToLong(RegistryCost::scheduledTags).sum(),
                sum(registries, RegistryCost::requestsPerHour), sum(registries, cost -> cost.tokens().requestsPerHour()),
                round(registries.stream().mapToDouble(RegistryCost::openShiftEquivalentPerHour).sum()), cap, registries,
                warnings);
    }

    private static RegistryCost registry(String registry, List<TagGroup> tags, Function<TagGroup, Duration> intervalOf,
            double slowdown, double running, Learned learned, Instant now) {
        long count = tags.stream().mapToLong(TagGroup::count).sum();
        double checks = tags.stream().mapToDouble(t -> perHour(t.count(), intervalOf.apply(t))).sum();
        Rate requests = rate(checks, running * checks / slowdown);

        Map<Duration, Long> byInterval = new TreeMap<>(tags.stream()
                .collect(Collectors.groupingBy(intervalOf, Collectors.summingLong(TagGroup::count))));
        List<IntervalUse> intervals = byInterval.entrySet().stream()
                .map(e -> new IntervalUse(GoDuration.formatSeconds(e.getKey()),
                        running == 0 ? null : GoDuration.formatSeconds(scale(e.getKey(), slowdown)), e.getValue()))
                .toList();

        Map<List<Object>, ChangeCost> changes = new LinkedHashMap<>();
        for (TagGroup t : tags.stream().sorted(Comparator.comparing((TagGroup t) -> t.kind().ordinal())
                .thenComparing(t -> String.valueOf(t.importMode()))).toList()) {
            ChangeCost cost = changeCost(t);
            changes.merge(List.of(cost.kind(), String.valueOf(cost.importMode()), String.valueOf(cost.children())),
                    cost, (a, b) -> new ChangeCost(a.kind(), a.importMode(), a.children(), a.tags() + b.tags(),
                            a.requests()));
        }
        long everyTagOnce = changes.values().stream().mapToLong(c -> c.tags() * c.requests()).sum();

        double openShift = tags.stream().mapToDouble(t -> perHour(t.count(),
                max(intervalOf.apply(t), OPENSHIFT_MINIMUM_INTERVAL)) * fullImport(t)).sum();

        Tokens tokens = tokens(tags, intervalOf, slowdown, running, learned);
        Budget budget = learned.budget().map(b -> budget(b, learned, tokens, requests)).orElse(null);
        List<String> warnings = warnings(registry, learned, budget, requests, tokens, tags, now);
        return new RegistryCost(registry, count, intervals, requests, List.copyOf(changes.values()), everyTagOnce,
                tokens, round(openShift), budget, warnings);
    }

    /** What a change of the tags' digest costs, and so what OpenShift's full import of them costs each time. */
    private static ChangeCost changeCost(TagGroup tags) {
        String mode = tags.importMode() == null ? ImportOptions.LEGACY : tags.importMode();
        return switch (tags.kind()) {
            // an image costs the same whatever the import mode
            case Image -> new ChangeCost(Kind.Image.name(), null, null, tags.count(), 2);
            case Unknown -> new ChangeCost(Kind.Unknown.name(), mode, null, tags.count(), 2);
            case ManifestList -> ImportOptions.PRESERVE_ORIGINAL.equals(mode)
                    ? new ChangeCost(Kind.ManifestList.name(), mode, tags.children(), tags.count(),
                            1 + 2 * Math.max(1, tags.children() == null ? 1 : tags.children()))
                    : new ChangeCost(Kind.ManifestList.name(), mode, null, tags.count(), 3);
        };
    }

    private static int fullImport(TagGroup tags) {
        return changeCost(tags).requests();
    }

    /** Docker Hub's pulls are manifest GETs: one per image, the list and its child(ren) for a list. */
    private static int manifestGets(TagGroup tags) {
        ChangeCost cost = changeCost(tags);
        return switch (tags.kind()) {
            case Image, Unknown -> 1;
            case ManifestList -> ImportOptions.PRESERVE_ORIGINAL.equals(cost.importMode())
                    ? (cost.requests() + 1) / 2 : 2;
        };
    }

    private static Tokens tokens(List<TagGroup> tags, Function<TagGroup, Duration> intervalOf, double slowdown, double running,
            Learned learned) {
        Optional<RegistryAuth> auth = learned.auth();
        String scheme = auth.map(a -> a.scheme().name().toLowerCase(Locale.ROOT)).orElse("unknown");
        Map<List<String>, Double> checksByToken = new TreeMap<>(Comparator.comparing(Object::toString));
        for (TagGroup t : tags) {
            List<String> key = List.of(String.valueOf(t.repository()), t.ownCredentials() ? t.namespace() : "");
            checksByToken.merge(key, perHour(t.count(), intervalOf.apply(t)), Double::sum);
        }
        if (auth.isPresent() && auth.get().scheme() != RegistryAuth.Scheme.BEARER) {
            return new Tokens(scheme, null, null, null, 0, rate(0, 0));
        }
        Optional<Duration> learnedLifetime = auth.flatMap(RegistryAuth::learnedTokenLifetime);
        Duration lifetime = learnedLifetime.orElse(TYPICAL_TOKEN_LIFETIME);
        Duration reuse = RegistryAuth.tokenReuse(lifetime);
        double projected = checksByToken.values().stream().mapToDouble(checks -> tokensPerHour(checks, reuse)).sum();
        double effective = running * checksByToken.values().stream()
                .mapToDouble(checks -> tokensPerHour(checks / slowdown, reuse)).sum();
        return new Tokens(scheme, auth.map(RegistryAuth::tokenService).orElse(null), lifetime.toSeconds(),
                learnedLifetime.isPresent() ? "learned" : "typical", checksByToken.size(), rate(projected, effective));
    }

    /**
     * Token requests per hour for checks of one repository spread evenly, {@code checks} per hour: a check finds
     * the token of an earlier one while that token is within {@code reuse}.
     */
    static double tokensPerHour(double checks, Duration reuse) {
        if (checks <= 0) {
            return 0;
        }
        double reuseSeconds = reuse.toMillis() / 1000.0;
        if (reuseSeconds <= 0) {
            return checks;
        }
        double spacing = SECONDS_PER_HOUR / checks;
        // the checks a token serves: the one that fetched it and those within its reuse
        double served = Math.max(1, Math.ceil(reuseSeconds / spacing - 1e-9));
        return checks / served;
    }

    private static Budget budget(RegistryBudget budget, Learned learned, Tokens tokens, Rate requests) {
        Double perWindow = null;
        if (budget.window() != null) {
            perWindow = round(counted(learned, tokens, requests) * budget.window().toSeconds() / SECONDS_PER_HOUR);
        }
        String counts = learned.dockerHub() ? "manifest GETs (Docker Hub does not count HEADs)"
                : sameHost(learned, tokens) ? "every request, token requests included" : "every request to the registry";
        return new Budget(budget.registry(), boxed(budget.limit()),
                budget.window() == null ? null : budget.window().toSeconds(), boxed(budget.remaining()),
                time(budget.resetAt()), time(budget.blockedUntil()), time(budget.updatedAt()), counts, perWindow);
    }

    /** What the checks spend per hour against the registry's budget (effective rate). */
    private static double counted(Learned learned, Tokens tokens, Rate requests) {
        if (learned.dockerHub()) {
            // a check is a HEAD, which Docker Hub does not count; only changes (manifest GETs) do
            return 0;
        }
        return requests.effective() + (sameHost(learned, tokens) ? tokens.requestsPerHour().effective() : 0);
    }

    private static boolean sameHost(Learned learned, Tokens tokens) {
        return tokens.tokenService() != null && tokens.tokenService().equals(learned.authority());
    }

    private static List<String> warnings(String registry, Learned learned, Budget budget, Rate requests, Tokens tokens,
            List<TagGroup> tags, Instant now) {
        List<String> warnings = new ArrayList<>();
        Optional<RegistryBudget> learnedBudget = learned.budget();
        if (learnedBudget.isEmpty()) {
            return warnings;
        }
        RegistryBudget b = learnedBudget.get();
        if (b.isBlockedAt(now)) {
            warnings.add(registry + ": the registry asked to wait until " + time(b.blockedUntil())
                    + " (Retry-After); checks of its tags fail as RateLimited until then");
        }
        if (learned.dockerHub()) {
            long gets = tags.stream().mapToLong(t -> t.count() * manifestGets(t)).sum();
            if (b.remaining().isPresent() && b.remaining().getAsLong() < gets) {
                warnings.add(registry + ": Docker Hub counts manifest GETs, not HEADs, so checks cost nothing against"
                        + " its limit, but one change of every scheduled tag costs " + gets + " manifest GETs and "
                        + b.remaining().getAsLong() + " remain" + (b.resetAt() == null ? "" : " until " + time(b.resetAt())));
            }
            return warnings;
        }
        double perHour = counted(learned, tokens, requests);
        if (b.limit().isPresent() && budget.projectedPerWindow() != null
                && budget.projectedPerWindow() > b.limit().getAsLong()) {
            warnings.add(registry + ": about " + Math.round(budget.projectedPerWindow()) + " requests per "
                    + GoDuration.formatSeconds(b.window()) + " exceed the limit of " + b.limit().getAsLong()
                    + " the registry announced (RateLimit-Limit)");
        }
        if (b.remaining().isPresent() && b.resetAt() != null && b.resetAt().isAfter(now) && perHour > 0) {
            double untilReset = perHour * Duration.between(now, b.resetAt()).toSeconds() / SECONDS_PER_HOUR;
            long remaining = b.remaining().getAsLong();
            if (untilReset > remaining) {
                Instant runsOut = now.plusSeconds((long) (remaining / perHour * SECONDS_PER_HOUR));
                warnings.add(registry + ": " + remaining + " requests remain until " + time(b.resetAt()) + " but about "
                        + Math.round(untilReset) + " are due by then: they run out about " + time(runsOut));
            }
        }
        return warnings;
    }

    // ---- arithmetic ----

    private static double perHour(long tags, Duration interval) {
        double seconds = interval.toMillis() / 1000.0;
        return seconds <= 0 ? 0 : tags * SECONDS_PER_HOUR / seconds;
    }

    private static Duration scale(Duration interval, double factor) {
        return Duration.ofMillis(Math.round(interval.toMillis() * factor));
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static Rate rate(double projected, double effective) {
        return new Rate(round(projected), round(effective));
    }

    private static Rate sum(List<RegistryCost> registries, Function<RegistryCost, Rate> rate) {
        return rate(registries.stream().mapToDouble(r -> rate.apply(r).projected()).sum(),
                registries.stream().mapToDouble(r -> rate.apply(r).effective()).sum());
    }

    static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    /** A figure for a message: whole numbers without decimals, else two. */
    private static String number(double value) {
        double rounded = round(value);
        return rounded == Math.rint(rounded) ? String.valueOf((long) rounded)
                : String.format(Locale.ROOT, "%.2f", rounded);
    }

    private static Long boxed(OptionalLong value) {
        return value.isPresent() ? value.getAsLong() : null;
    }

    private static String time(Instant instant) {
        return instant == null ? null : Rfc3339.format(instant);
    }
}
