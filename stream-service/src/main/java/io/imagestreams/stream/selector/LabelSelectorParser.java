package io.imagestreams.stream.selector;

import io.imagestreams.stream.selector.LabelSelector.Operator;
import io.imagestreams.stream.selector.LabelSelector.Requirement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Recursive-descent parser for label selectors, following apimachinery's {@code labels.Parse}: identifiers are runs
 * of characters other than white space and {@code ! = ( ) ,}; {@code in} and {@code notin} are keywords only where
 * an operator is expected. Empty terms ({@code a=b,,c}) are skipped, as the list endpoint does.
 */
final class LabelSelectorParser {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?");
    private static final Pattern PREFIX = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
    private static final String SPECIAL = "!=(),";

    private final String input;
    private int position;

    LabelSelectorParser(String input) {
        this.input = input;
    }

    List<Requirement> parse() {
        List<Requirement> requirements = new ArrayList<>();
        while (true) {
            skipWhitespace();
            if (atEnd()) {
                return requirements;
            }
            if (peek() != ',') {
                requirements.add(requirement());
                skipWhitespace();
                if (atEnd()) {
                    return requirements;
                }
            }
            expect(",");
        }
    }

    private Requirement requirement() {
        if (tryConsume("!")) {
            return new Requirement(key(identifier()), Operator.DOES_NOT_EXIST, Set.of());
        }
        String key = key(identifier());
        skipWhitespace();
        if (atEnd() || peek() == ',') {
            return new Requirement(key, Operator.EXISTS, Set.of());
        }
        if (tryConsume("!=")) {
            return new Requirement(key, Operator.NOT_EQUALS, Set.of(value(optionalIdentifier())));
        }
        if (tryConsume("==") || tryConsume("=")) {
            return new Requirement(key, Operator.EQUALS, Set.of(value(optionalIdentifier())));
        }
        String keyword = optionalIdentifier();
        return switch (keyword) {
            case "in" -> new Requirement(key, Operator.IN, values());
            case "notin" -> new Requirement(key, Operator.NOT_IN, values());
            default -> throw error("found '" + keyword + "', expected: in, notin, =, ==, !=, ',' or end of string");
        };
    }

    /** {@code ( v1, v2 )}; {@code ()} is the set holding the empty value, as apimachinery reads it. */
    private Set<String> values() {
        skipWhitespace();
        expect("(");
        Set<String> values = new LinkedHashSet<>();
        while (true) {
            values.add(value(optionalIdentifier()));
            skipWhitespace();
            if (tryConsume(")")) {
                return values;
            }
            expect(",");
        }
    }

    private String identifier() {
        String identifier = optionalIdentifier();
        if (identifier.isEmpty()) {
            throw error("found '" + (atEnd() ? "" : String.valueOf(peek())) + "', expected: identifier");
        }
        return identifier;
    }

    private String optionalIdentifier() {
        skipWhitespace();
        int start = position;
        while (!atEnd() && !Character.isWhitespace(peek()) && SPECIAL.indexOf(peek()) < 0) {
            position++;
        }
        return input.substring(start, position);
    }

    private boolean tryConsume(String token) {
        skipWhitespace();
        if (input.startsWith(token, position)) {
            position += token.length();
            return true;
        }
        return false;
    }

    private void expect(String token) {
        if (!tryConsume(token)) {
            throw error("found '" + (atEnd() ? "" : String.valueOf(peek())) + "', expected: '" + token + "'");
        }
    }

    private void skipWhitespace() {
        while (!atEnd() && Character.isWhitespace(peek())) {
            position++;
        }
    }

    private boolean atEnd() {
        return position >= input.length();
    }

    private char peek() {
        return input.charAt(position);
    }

    private IllegalArgumentException error(String detail) {
        return new IllegalArgumentException("unable to parse requirement: " + detail);
    }

    /** A qualified name: an optional DNS subdomain prefix and {@code /}, then a name of at most 63 characters. */
    private static String key(String key) {
        int slash = key.indexOf('/');
        String prefix = slash < 0 ? null : key.substring(0, slash);
        String name = slash < 0 ? key : key.substring(slash + 1);
        boolean valid = name.length() <= 63 && NAME.matcher(name).matches()
                && (prefix == null || prefix.length() <= 253 && PREFIX.matcher(prefix).matches());
        if (!valid) {
            throw new IllegalArgumentException("unable to parse requirement: invalid label key \"" + key
                    + "\": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end"
                    + " with an alphanumeric character");
        }
        return key;
    }

    private static String value(String value) {
        if (!value.isEmpty() && (value.length() > 63 || !NAME.matcher(value).matches())) {
            throw new IllegalArgumentException("unable to parse requirement: invalid label value: \"" + value
                    + "\": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.',"
                    + " and must start and end with an alphanumeric character");
        }
        return value;
    }
}
