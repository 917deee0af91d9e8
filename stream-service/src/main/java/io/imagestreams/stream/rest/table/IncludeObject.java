package io.imagestreams.stream.rest.table;

/**
 * What each Table row carries in {@code object}, from the {@code includeObject} query parameter: the
 * object's metadata as a {@code PartialObjectMetadata} (the default), the whole object, or nothing.
 */
public enum IncludeObject {
    NONE("None"),
    METADATA("Metadata"),
    OBJECT("Object");

    private final String queryValue;

    IncludeObject(String queryValue) {
        this.queryValue = queryValue;
    }

    public String queryValue() {
        return queryValue;
    }

    /**
     * Reads {@code ?includeObject=}; absent or empty means {@link #METADATA}.
     *
     * @throws IllegalArgumentException for any other value, with the API server's message (answer 400 Bad Request)
     */
    public static IncludeObject fromQueryParameter(String value) {
        if (value == null || value.isEmpty()) {
            return METADATA;
        }
        for (IncludeObject candidate : values()) {
            if (candidate.queryValue.equals(value)) {
                return candidate;
            }
        }
        throw new IllegalArgumentException("unrecognized includeObject value: \"" + value + "\"");
    }
}
