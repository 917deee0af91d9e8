package io.imagestreams.importer.service;

/**
 * An answer other than success for import-service's own API: the HTTP status, a message for the user and, for bad
 * input, the field at fault. The only exception the REST layer renders (as {@code {"error", "field"}}).
 */
public class ApiException extends RuntimeException {

    private final int status;
    private final String field;

    public ApiException(int status, String message, String field) {
        super(message, null, false, false);
        this.status = status;
        this.field = field;
    }

    public static ApiException badRequest(String field, String message) {
        return new ApiException(400, message, field);
    }

    public static ApiException notFound(String message) {
        return new ApiException(404, message, null);
    }

    public int status() {
        return status;
    }

    /** The JSON path of the bad field, e.g. {@code auths["quay.io"].auth}; null when no field is at fault. */
    public String field() {
        return field;
    }
}
