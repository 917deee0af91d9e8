package io.imagestreams.api.meta;

/** Go's {@code %q} for strings, which Kubernetes uses to quote names and values in messages. */
public final class GoQuote {

    private GoQuote() {
    }

    public static String quote(String value) {
        StringBuilder out = new StringBuilder(value.length() + 2).append('"');
        value.codePoints().forEach(cp -> appendEscaped(out, cp));
        return out.append('"').toString();
    }

    private static void appendEscaped(StringBuilder out, int cp) {
        switch (cp) {
            case '"' -> out.append("\\\"");
            case '\\' -> out.append("\\\\");
            case 0x07 -> out.append("\\a");
            case '\b' -> out.append("\\b");
            case '\f' -> out.append("\\f");
            case '\n' -> out.append("\\n");
            case '\r' -> out.append("\\r");
            case '\t' -> out.append("\\t");
            case 0x0b -> out.append("\\v");
            default -> {
                if (cp < 0x80 && Character.isISOControl(cp)) {
                    out.append(String.format("\\x%02x", cp));
                } else if (Character.isISOControl(cp)) {
                    out.append(String.format("\\u%04x", cp));
                } else {
                    out.appendCodePoint(cp);
                }
            }
        }
    }
}
