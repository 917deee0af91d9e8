package io.imagestreams.stream.rest.patch;

import java.util.ArrayList;
import java.util.List;

/**
 * An RFC 6901 JSON Pointer, decoded once into its reference tokens. Escapes are checked: only {@code ~0} and
 * {@code ~1} exist, and {@code ~01} decodes to {@code ~1}, not {@code /}, because {@code ~0} is decoded last.
 *
 * @param text   the pointer as written, for messages
 * @param tokens the decoded reference tokens; empty for the whole document
 */
record JsonPointer(String text, List<String> tokens) {

    JsonPointer {
        tokens = List.copyOf(tokens);
    }

    /**
     * @throws io.imagestreams.api.meta.StatusException {@code 400} for a pointer that is not RFC 6901 syntax
     */
    static JsonPointer parse(String text) {
        if (text.isEmpty()) {
            return new JsonPointer(text, List.of());
        }
        if (text.charAt(0) != '/') {
            throw PatchErrors.badRequest("invalid JSON pointer \"" + text + "\": it must be empty or start with \"/\"");
        }
        List<String> tokens = new ArrayList<>();
        for (String raw : text.substring(1).split("/", -1)) {
            tokens.add(unescape(raw, text));
        }
        return new JsonPointer(text, tokens);
    }

    boolean isRoot() {
        return tokens.isEmpty();
    }

    /** The pointer to the container of this location; only called on non-root pointers. */
    JsonPointer parent() {
        int cut = text.lastIndexOf('/');
        return new JsonPointer(text.substring(0, cut), tokens.subList(0, tokens.size() - 1));
    }

    /** The last reference token: the member name or array index within the parent. */
    String last() {
        return tokens.get(tokens.size() - 1);
    }

    /** {@code true} when {@code other} points strictly inside this location (RFC 6902 forbids moving into a child). */
    boolean isProperPrefixOf(JsonPointer other) {
        return tokens.size() < other.tokens.size() && other.tokens.subList(0, tokens.size()).equals(tokens);
    }

    @Override
    public String toString() {
        return text;
    }

    private static String unescape(String raw, String pointer) {
        int tilde = raw.indexOf('~');
        if (tilde < 0) {
            return raw;
        }
        StringBuilder token = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c != '~') {
                token.append(c);
                continue;
            }
            char next = i + 1 < raw.length() ? raw.charAt(i + 1) : 0;
            if (next != '0' && next != '1') {
                throw PatchErrors.badRequest("invalid JSON pointer \"" + pointer
                        + "\": \"~\" must be followed by \"0\" or \"1\"");
            }
            // one left-to-right pass never re-reads a decoded "~", which is what the RFC's "~1 first, then ~0" ensures
            token.append(next == '0' ? '~' : '/');
            i++;
        }
        return token.toString();
    }
}
