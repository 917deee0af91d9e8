package io.imagestreams.infra;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Minimal {@code --key value} parser: the launcher is the only caller, so errors are terse. */
final class Args {

    private final Map<String, List<String>> values = new HashMap<>();

    Args(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --key value pairs, got: " + String.join(" ", args));
            }
            values.computeIfAbsent(args[i].substring(2), k -> new ArrayList<>()).add(args[++i]);
        }
    }

    String required(String key) {
        List<String> v = values.get(key);
        if (v == null) {
            throw new IllegalArgumentException("missing --" + key);
        }
        return v.get(v.size() - 1);
    }

    String optional(String key, String fallback) {
        List<String> v = values.get(key);
        return v == null ? fallback : v.get(v.size() - 1);
    }

    int port(String key, int fallback) {
        return Integer.parseInt(optional(key, Integer.toString(fallback)));
    }

    List<String> all(String key) {
        return values.getOrDefault(key, List.of());
    }
}
