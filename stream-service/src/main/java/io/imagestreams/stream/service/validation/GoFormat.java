package io.imagestreams.stream.service.validation;

import io.imagestreams.api.meta.GoQuote;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Go's renderings that OpenShift messages contain: {@code %q} quoting and {@code encoding/json} output, which
 * {@code field.Error} uses to print bad values that are neither strings nor numbers.
 */
final class GoFormat {

    private GoFormat() {
    }

    /** A bad value that {@link io.imagestreams.api.meta.FieldError} prints verbatim, without quotes. */
    record Verbatim(String text) {

        @Override
        public String toString() {
            return text;
        }
    }

    /** Go's {@code %q}: double quotes, backslash escapes for quotes, backslashes and control characters. */
    static String quote(String value) {
        return GoQuote.quote(value);
    }

    /** A JSON string as Go's {@code encoding/json} writes it, which also escapes {@code <}, {@code >} and {@code &}. */
    static String jsonString(String value) {
        StringBuilder out = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == '\u2028' || c == '\u2029') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /** A JSON array of {@code items}, each written by {@code element}, as {@code json.Marshal} writes a slice. */
    static <T> Verbatim jsonArray(List<T> items, Function<T, String> element) {
        return new Verbatim(items.stream().map(element).collect(Collectors.joining(",", "[", "]")));
    }
}
