package io.imagestreams.stream.service.validation;

/**
 * A field path printed as Kubernetes' {@code field.Path} prints it: children joined by {@code .}, map keys and list
 * indexes in brackets without quotes ({@code spec.tags[latest].from.name}, {@code status.tags[t].items[0]}).
 * Immutable; the empty root lets validators of embedded objects share code with top-level ones.
 */
final class FieldPath {

    private static final FieldPath ROOT = new FieldPath("");

    private final String text;

    private FieldPath(String text) {
        this.text = text;
    }

    /** The empty path: its first child prints without a leading dot, as a nil {@code *field.Path} does. */
    static FieldPath root() {
        return ROOT;
    }

    static FieldPath of(String name, String... more) {
        return ROOT.child(name, more);
    }

    FieldPath child(String name, String... more) {
        StringBuilder out = new StringBuilder(text);
        appendChild(out, name);
        for (String next : more) {
            appendChild(out, next);
        }
        return new FieldPath(out.toString());
    }

    FieldPath key(String key) {
        return new FieldPath(text + "[" + key + "]");
    }

    FieldPath index(int index) {
        return new FieldPath(text + "[" + index + "]");
    }

    @Override
    public String toString() {
        return text;
    }

    private static void appendChild(StringBuilder out, String name) {
        if (!out.isEmpty()) {
            out.append('.');
        }
        out.append(name);
    }
}
