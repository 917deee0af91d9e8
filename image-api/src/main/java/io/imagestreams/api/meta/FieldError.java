package io.imagestreams.api.meta;

import java.util.Collection;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One validation error on a field, worded as Kubernetes {@code field.Error} words it, e.g.
 * {@code spec.tags[latest].from.name: Required value}.
 *
 * @param type     what is wrong
 * @param field    the field path, e.g. {@code spec.tags[latest].from.name}
 * @param badValue the offending value, shown for types that show one ({@code null} prints as {@code null})
 * @param detail   extra explanation appended after the value, or {@code null}
 */
public record FieldError(FieldErrorType type, String field, Object badValue, String detail) {

    public FieldError {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(field, "field");
    }

    public static FieldError required(String field) {
        return new FieldError(FieldErrorType.REQUIRED, field, "", null);
    }

    public static FieldError required(String field, String detail) {
        return new FieldError(FieldErrorType.REQUIRED, field, "", detail);
    }

    public static FieldError invalid(String field, Object value, String detail) {
        return new FieldError(FieldErrorType.INVALID, field, value, detail);
    }

    public static FieldError notFound(String field, Object value) {
        return new FieldError(FieldErrorType.NOT_FOUND, field, value, null);
    }

    public static FieldError duplicate(String field, Object value) {
        return new FieldError(FieldErrorType.DUPLICATE, field, value, null);
    }

    public static FieldError forbidden(String field, String detail) {
        return new FieldError(FieldErrorType.FORBIDDEN, field, "", detail);
    }

    public static FieldError notSupported(String field, Object value, Collection<String> supportedValues) {
        String detail = supportedValues.isEmpty() ? null
                : "supported values: " + supportedValues.stream().map(GoQuote::quote).collect(Collectors.joining(", "));
        return new FieldError(FieldErrorType.NOT_SUPPORTED, field, value, detail);
    }

    public static FieldError tooMany(String field, int actual, int max) {
        return new FieldError(FieldErrorType.TOO_MANY, field, actual, "must have at most " + max + (max == 1 ? " item" : " items"));
    }

    public static FieldError tooLong(String field, int maxBytes) {
        return new FieldError(FieldErrorType.TOO_LONG, field, null, "may not be more than " + maxBytes + (maxBytes == 1 ? " byte" : " bytes"));
    }

    public static FieldError internal(String field, String detail) {
        return new FieldError(FieldErrorType.INTERNAL, field, "", detail);
    }

    /** The message without the field path, e.g. {@code Invalid value: "x": must be lowercase}. */
    public String errorBody() {
        StringBuilder body = new StringBuilder(type.text());
        if (!type.omitsValue()) {
            body.append(": ").append(formatValue(badValue));
        }
        if (detail != null && !detail.isEmpty()) {
            body.append(": ").append(detail);
        }
        return body.toString();
    }

    /** The cause as it appears in {@code Status.details.causes}. */
    public StatusCause toCause() {
        return new StatusCause(type.causeType(), errorBody(), field);
    }

    /** {@code <field>: <body>}, as Go's {@code field.Error.Error()}. */
    @Override
    public String toString() {
        return field + ": " + errorBody();
    }

    private static String formatValue(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof String text) {
            return GoQuote.quote(text);
        }
        return String.valueOf(value);
    }
}
