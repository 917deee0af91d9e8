package io.imagestreams.stream.rest.table;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Parses an HTTP {@code Accept} header into {@link MediaRange}s, most preferred first. The order is the one
 * the Kubernetes API server negotiates with (goautoneg): higher {@code q} first, then concrete types before
 * wildcards, then ranges with more parameters; ties keep the client's order. So
 * {@code application/json, application/json;as=Table;v=v1;g=meta.k8s.io} asks for a Table, as on a real server.
 */
public final class AcceptHeader {

    private static final Comparator<MediaRange> PREFERENCE = Comparator
            .comparingDouble(MediaRange::quality).reversed()
            .thenComparing(range -> "*".equals(range.type()))
            .thenComparing(range -> "*".equals(range.subtype()))
            .thenComparing(range -> -range.parameters().size());

    private AcceptHeader() {
    }

    /** The ranges of {@code header}, most preferred first; empty for a missing or blank header. */
    public static List<MediaRange> parse(String header) {
        List<MediaRange> ranges = new ArrayList<>();
        if (header == null) {
            return ranges;
        }
        for (String clause : split(header, ',')) {
            MediaRange range = parseRange(clause);
            if (range != null) {
                ranges.add(range);
            }
        }
        ranges.sort(PREFERENCE);
        return ranges;
    }

    private static MediaRange parseRange(String clause) {
        List<String> parts = split(clause, ';');
        String fullType = parts.get(0).trim().toLowerCase(Locale.ROOT);
        if (fullType.isEmpty()) {
            return null;
        }
        // Old Java clients send a bare "*"; it means "*/*".
        int slash = fullType.indexOf('/');
        String type = slash < 0 ? fullType : fullType.substring(0, slash).trim();
        String subtype = slash < 0 ? "*" : fullType.substring(slash + 1).trim();
        double quality = 1.0;
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String parameter : parts.subList(1, parts.size())) {
            int equals = parameter.indexOf('=');
            if (equals < 0) {
                continue;
            }
            String name = parameter.substring(0, equals).trim().toLowerCase(Locale.ROOT);
            String value = unquote(parameter.substring(equals + 1).trim());
            if ("q".equals(name)) {
                quality = quality(value);
            } else if (!name.isEmpty()) {
                parameters.put(name, value);
            }
        }
        return new MediaRange(type, subtype, parameters, quality);
    }

    /** An unreadable q-value counts as 0, as in goautoneg: the range is then not acceptable. */
    private static double quality(String value) {
        try {
            double quality = Double.parseDouble(value);
            return Double.isFinite(quality) ? Math.max(0, Math.min(1, quality)) : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** Splits on {@code separator} outside double-quoted strings. */
    private static List<String> split(String text, char separator) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == '\\' && quoted && i + 1 < text.length()) {
                current.append(c);
                c = text.charAt(++i);
            } else if (c == separator && !quoted) {
                parts.add(current.toString());
                current.setLength(0);
                continue;
            }
            current.append(c);
        }
        parts.add(current.toString());
        return parts;
    }

    private static String unquote(String value) {
        if (value.length() < 2 || value.charAt(0) != '"' || value.charAt(value.length() - 1) != '"') {
            return value;
        }
        StringBuilder unquoted = new StringBuilder();
        for (int i = 1; i < value.length() - 1; i++) {
            char c = value.charAt(i);
            if (c == '\\' && i + 1 < value.length() - 1) {
                c = value.charAt(++i);
            }
            unquoted.append(c);
        }
        return unquoted.toString();
    }
}
