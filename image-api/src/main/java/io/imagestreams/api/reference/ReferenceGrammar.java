package io.imagestreams.api.reference;

import io.imagestreams.api.reference.InvalidImageReferenceException.Reason;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The docker/distribution reference grammar as library-go vendors it:
 * <pre>
 * reference  := name [ ":" tag ] [ "@" digest ]
 * name       := [ host [ ":" port ] "/" ] component ( "/" component )*
 * component  := [a-z0-9]+ ( ( "." | "_" | "__" | "-"* ) [a-z0-9]+ )*
 * host       := label ( "." label )* | "[" ipv6 "]"
 * tag        := [\w][\w.-]{0,127}
 * digest     := [A-Za-z][A-Za-z0-9]*([-_+.][A-Za-z][A-Za-z0-9]*)* ":" [0-9a-fA-F]{32,}
 * </pre>
 * Checked by hand rather than with one regular expression: the component rule nests an optional separator
 * inside a repetition, which makes Java's backtracking matcher exponential on inputs that fail.
 */
final class ReferenceGrammar {

    private static final Pattern TAG = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}");
    private static final Pattern DIGEST =
            Pattern.compile("[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}");

    private ReferenceGrammar() {
    }

    /** The parts of a reference that matched the grammar; {@code tag} and {@code digest} may be {@code null}. */
    record Match(String name, String tag, String digest) {
    }

    static Match match(String spec) {
        String problem = problemWith(spec);
        if (problem == null) {
            return split(spec);
        }
        if (problemWith(spec.toLowerCase(Locale.ROOT)) == null) {
            throw new InvalidImageReferenceException(spec, Reason.NAME_CONTAINS_UPPERCASE, quote(spec));
        }
        throw new InvalidImageReferenceException(spec, Reason.INVALID_FORMAT, problem + " in " + quote(spec));
    }

    static boolean isTag(String tag) {
        return TAG.matcher(tag).matches();
    }

    static boolean isDigest(String digest) {
        return DIGEST.matcher(digest).matches();
    }

    /** A registry: a host name with optional port, or an IPv6 address in brackets with optional port. */
    static boolean isHost(String host) {
        if (host.startsWith("[")) {
            int close = host.indexOf(']');
            if (close < 2 || !host.substring(1, close).chars().allMatch(c -> isHex(c) || c == ':')) {
                return false;
            }
            String rest = host.substring(close + 1);
            return rest.isEmpty() || rest.charAt(0) == ':' && isDigits(rest.substring(1));
        }
        int colon = host.indexOf(':');
        if (colon >= 0 && !isDigits(host.substring(colon + 1))) {
            return false;
        }
        String name = colon < 0 ? host : host.substring(0, colon);
        for (String label : name.split("\\.", -1)) {
            if (!isHostLabel(label)) {
                return false;
            }
        }
        return true;
    }

    /** Why {@code spec} does not match the grammar, or {@code null} if it does. */
    private static String problemWith(String spec) {
        String rest = spec;
        int at = spec.indexOf('@');
        if (at >= 0) {
            String digest = spec.substring(at + 1);
            if (digest.isEmpty()) {
                return "\"@\" is not followed by a digest";
            }
            if (!isDigest(digest)) {
                return "digest " + quote(digest) + " is not <algorithm>:<at least 32 hex digits>";
            }
            rest = spec.substring(0, at);
        }
        int colon = rest.lastIndexOf(':');
        if (colon > rest.lastIndexOf('/')) {
            String tag = rest.substring(colon + 1);
            if (tag.isEmpty()) {
                return "\":\" is not followed by a tag";
            }
            if (!isTag(tag)) {
                return "tag " + quote(tag) + " is not 1 to 128 letters, digits, '_', '.' or '-' starting with a"
                        + " letter, digit or '_'";
            }
            rest = rest.substring(0, colon);
        }
        return problemWithName(rest);
    }

    private static String problemWithName(String name) {
        if (name.isEmpty()) {
            return "the repository name is empty";
        }
        int scheme = name.indexOf("://");
        if (scheme >= 0) {
            return "a URL scheme (" + quote(name.substring(0, scheme + 3)) + ") is not part of a pull spec";
        }
        String[] components = name.split("/", -1);
        int first = 0;
        if (components.length > 1 && !isComponent(components[0])) {
            if (!isHost(components[0])) {
                return looksLikeHost(components[0])
                        ? "registry " + quote(components[0]) + " is not a host name or [IPv6 address], with an"
                                + " optional :port"
                        : problemWithComponent(components[0]);
            }
            first = 1;
        }
        for (int i = first; i < components.length; i++) {
            if (!isComponent(components[i])) {
                return problemWithComponent(components[i]);
            }
        }
        return null;
    }

    private static String problemWithComponent(String component) {
        if (component.isEmpty()) {
            return "empty path component (a leading, trailing or doubled \"/\")";
        }
        return "path component " + quote(component) + " is not lowercase letters and digits separated by one"
                + " '.', '_', '__' or a run of '-'";
    }

    private static boolean isComponent(String component) {
        int length = component.length();
        if (length == 0 || !isLowerAlnum(component.charAt(0)) || !isLowerAlnum(component.charAt(length - 1))) {
            return false;
        }
        int i = 0;
        while (i < length) {
            if (isLowerAlnum(component.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            while (i < length && !isLowerAlnum(component.charAt(i))) {
                i++;
            }
            if (!isSeparator(component.substring(start, i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isSeparator(String run) {
        return run.equals(".") || run.equals("_") || run.equals("__") || run.chars().allMatch(c -> c == '-');
    }

    private static boolean isHostLabel(String label) {
        int length = label.length();
        if (length == 0 || !isAlnum(label.charAt(0)) || !isAlnum(label.charAt(length - 1))) {
            return false;
        }
        return label.chars().allMatch(c -> isAlnum(c) || c == '-');
    }

    private static boolean looksLikeHost(String component) {
        return component.contains(".") || component.contains(":") || component.startsWith("[");
    }

    private static Match split(String spec) {
        String rest = spec;
        String digest = null;
        int at = spec.indexOf('@');
        if (at >= 0) {
            digest = spec.substring(at + 1);
            rest = spec.substring(0, at);
        }
        String tag = null;
        int colon = rest.lastIndexOf(':');
        if (colon > rest.lastIndexOf('/')) {
            tag = rest.substring(colon + 1);
            rest = rest.substring(0, colon);
        }
        return new Match(rest, tag, digest);
    }

    private static boolean isDigits(String text) {
        return !text.isEmpty() && text.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    private static boolean isLowerAlnum(int c) {
        return c >= 'a' && c <= 'z' || c >= '0' && c <= '9';
    }

    private static boolean isAlnum(int c) {
        return isLowerAlnum(c) || c >= 'A' && c <= 'Z';
    }

    private static boolean isHex(int c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
    }

    static String quote(String text) {
        return "\"" + text + "\"";
    }
}
