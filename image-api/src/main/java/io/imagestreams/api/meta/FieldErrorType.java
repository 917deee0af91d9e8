package io.imagestreams.api.meta;

/**
 * Kubernetes {@code field.ErrorType}: the text used in messages and the cause {@code reason} it maps to.
 */
public enum FieldErrorType {
    NOT_FOUND("Not found", "FieldValueNotFound"),
    REQUIRED("Required value", "FieldValueRequired"),
    DUPLICATE("Duplicate value", "FieldValueDuplicate"),
    INVALID("Invalid value", "FieldValueInvalid"),
    NOT_SUPPORTED("Unsupported value", "FieldValueNotSupported"),
    FORBIDDEN("Forbidden", "FieldValueForbidden"),
    TOO_LONG("Too long", "FieldValueTooLong"),
    TOO_MANY("Too many", "FieldValueTooMany"),
    INTERNAL("Internal error", "InternalError");

    private final String text;
    private final String causeType;

    FieldErrorType(String text, String causeType) {
        this.text = text;
        this.causeType = causeType;
    }

    /** As printed in messages, e.g. {@code Required value}. */
    public String text() {
        return text;
    }

    /** As written in {@code details.causes[].reason}, e.g. {@code FieldValueRequired}. */
    public String causeType() {
        return causeType;
    }

    /** Types whose message never shows the offending value (as in {@code field.Error.ErrorBody}). */
    boolean omitsValue() {
        return this == REQUIRED || this == FORBIDDEN || this == INTERNAL || this == TOO_LONG;
    }
}
