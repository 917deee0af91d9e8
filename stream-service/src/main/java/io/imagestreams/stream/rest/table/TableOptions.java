package io.imagestreams.stream.rest.table;

import java.util.Objects;

/**
 * How to render one Table response.
 *
 * @param version       the {@code meta.k8s.io} version the client asked for
 * @param includeObject what each row's {@code object} holds
 * @param noHeaders     leave out {@code columnDefinitions}; the API server does this for every watch event after
 *                      the first, so a watching kubectl keeps the headers it already printed
 */
public record TableOptions(TableVersion version, IncludeObject includeObject, boolean noHeaders) {

    public TableOptions {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(includeObject, "includeObject");
    }

    /**
     * Options for a list or get: headers included, {@code includeObject} read from its query parameter.
     *
     * @throws IllegalArgumentException if {@code includeObject} is not None, Metadata or Object
     */
    public static TableOptions of(TableVersion version, String includeObjectParameter) {
        return new TableOptions(version, IncludeObject.fromQueryParameter(includeObjectParameter), false);
    }

    /** The same options without column definitions, for watch events after the first. */
    public TableOptions withoutHeaders() {
        return new TableOptions(version, includeObject, true);
    }
}
