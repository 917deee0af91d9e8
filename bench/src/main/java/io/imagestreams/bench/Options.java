package io.imagestreams.bench;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@code --name value} pairs after the command word; a missing option takes its default. */
final class Options {

    private final Map<String, String> values = new HashMap<>();

    Options(List<String> arguments) {
        for (int i = 0; i < arguments.size(); i += 2) {
            String name = arguments.get(i);
            if (!name.startsWith("--") || i + 1 >= arguments.size()) {
                throw new UsageException("expected '--name value' pairs, got '" + String.join(" ", arguments) + "'");
            }
            values.put(name.substring(2), arguments.get(i + 1));
        }
    }

    String text(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    String required(String name) {
        String value = values.get(name);
        if (value == null || value.isBlank()) {
            throw new UsageException("--" + name + " is required");
        }
        return value;
    }

    boolean has(String name) {
        String value = values.get(name);
        return value != null && !value.isBlank();
    }

    int integer(String name, int fallback) {
        String value = values.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            int number = Integer.parseInt(value.trim());
            if (number > 0) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below with the option's name
        }
        throw new UsageException("--" + name + " must be a positive whole number, not '" + value + "'");
    }

    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }
}
