package io.imagestreams.stream.repository;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Kubernetes label and field selectors translated to SQL over the image_stream row, so filtering happens in
 * the database and {@code limit}/{@code continue} paging stays exact.
 */
public final class Selectors {

    private static final Pattern SET_REQUIREMENT = Pattern.compile("^\\s*(\\S+)\\s+(in|notin)\\s*\\(([^)]*)\\)\\s*$");
    private static final Pattern KEY = Pattern.compile("([a-zA-Z0-9]([-a-zA-Z0-9.]*[a-zA-Z0-9])?/)?[a-zA-Z0-9]([-a-zA-Z0-9_.]*[a-zA-Z0-9])?");
    private static final Pattern VALUE = Pattern.compile("(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?");

    private Selectors() {
    }

    /** Parses a label selector; throws {@link IllegalArgumentException} with Kubernetes-like wording when malformed. */
    public static SqlCondition labels(String selector) {
        List<SqlCondition> conditions = new ArrayList<>();
        for (String requirement : splitTopLevel(selector)) {
            if (requirement.isBlank()) {
                continue;
            }
            conditions.add(labelRequirement(requirement.trim()));
        }
        return SqlCondition.all(conditions);
    }

    /** Parses a field selector over {@code metadata.name} and {@code metadata.namespace}. */
    public static SqlCondition fields(String selector) {
        List<SqlCondition> conditions = new ArrayList<>();
        for (String requirement : selector.split(",")) {
            String r = requirement.trim();
            if (r.isEmpty()) {
                continue;
            }
            boolean negated = r.contains("!=");
            String[] parts = negated ? r.split("!=", 2) : r.split("==?", 2);
            if (parts.length != 2) {
                throw new IllegalArgumentException("invalid selector: '" + selector + "'; can't understand '" + r + "'");
            }
            String column = switch (parts[0].trim()) {
                case "metadata.name" -> "name";
                case "metadata.namespace" -> "namespace";
                default -> throw new IllegalArgumentException("field label not supported: " + parts[0].trim());
            };
            String value = parts[1].trim();
            conditions.add(params -> {
                params.add(value);
                return column + (negated ? " <> $" : " = $") + params.size();
            });
        }
        return SqlCondition.all(conditions);
    }

    private static SqlCondition labelRequirement(String requirement) {
        Matcher set = SET_REQUIREMENT.matcher(requirement);
        if (set.matches()) {
            String key = key(set.group(1));
            List<String> values = new ArrayList<>();
            for (String v : set.group(3).split(",")) {
                values.add(value(v.trim()));
            }
            boolean in = set.group(2).equals("in");
            return params -> {
                params.add(key);
                int k = params.size();
                params.add(values.toArray(String[]::new));
                int vs = params.size();
                return in ? "(labels ->> $" + k + ") = any($" + vs + ")"
                        : "((labels ->> $" + k + ") is null or not ((labels ->> $" + k + ") = any($" + vs + ")))";
            };
        }
        if (requirement.startsWith("!")) {
            String key = key(requirement.substring(1).trim());
            return params -> {
                params.add(key);
                return "not coalesce(labels ? $" + params.size() + ", false)";
            };
        }
        int ne = requirement.indexOf("!=");
        int eq = requirement.indexOf('=');
        if (ne < 0 && eq < 0) {
            String key = key(requirement);
            return params -> {
                params.add(key);
                return "coalesce(labels ? $" + params.size() + ", false)";
            };
        }
        boolean negated = ne >= 0;
        String key = key(requirement.substring(0, negated ? ne : eq).trim());
        String rest = requirement.substring(negated ? ne + 2 : eq + 1);
        if (!negated && rest.startsWith("=")) {
            rest = rest.substring(1);
        }
        String value = value(rest.trim());
        return params -> {
            params.add(key);
            int k = params.size();
            params.add(value);
            return negated ? "(labels ->> $" + k + ") is distinct from $" + params.size()
                    : "(labels ->> $" + k + ") = $" + params.size();
        };
    }

    private static String key(String key) {
        if (!KEY.matcher(key).matches() || key.length() > 317) {
            throw new IllegalArgumentException("unable to parse requirement: invalid label key \"" + key
                    + "\": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character");
        }
        return key;
    }

    private static String value(String value) {
        if (!VALUE.matcher(value).matches() || value.length() > 63) {
            throw new IllegalArgumentException("unable to parse requirement: invalid label value: \"" + value
                    + "\": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character");
        }
        return value;
    }

    /** Splits on commas outside parentheses ({@code a in (x,y),b} has two requirements). */
    private static List<String> splitTopLevel(String selector) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < selector.length(); i++) {
            char c = selector.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == ',' && depth == 0) {
                parts.add(selector.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(selector.substring(start));
        return parts;
    }
}
