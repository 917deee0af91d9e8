package io.imagestreams.stream.rest.table;

import java.util.Optional;

/**
 * Decides from an {@code Accept} header whether the client wants a {@code meta.k8s.io} Table. kubectl sends
 * {@code application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,}
 * {@code application/json}.
 * Ranges are tried in preference order: the first JSON Table range names the version; a plain JSON range
 * ({@code application/json}, {@code application/*}, {@code *}{@code /*}) ranked first means the plain object.
 * Ranges this server cannot produce (protobuf, YAML, {@code as=PartialObjectMetadataList}, unknown Table
 * versions) are skipped, as the API server skips them.
 */
public final class TableNegotiation {

    private TableNegotiation() {
    }

    /** The Table version asked for, or empty when the plain object should be served. */
    public static Optional<TableVersion> requestedTable(String acceptHeader) {
        for (MediaRange range : AcceptHeader.parse(acceptHeader)) {
            if (!range.acceptable() || !range.admits("application", "json")) {
                continue;
            }
            String as = range.parameter("as");
            if (as == null) {
                return Optional.empty();
            }
            TableVersion version = TableVersion.of(range.parameter("v"));
            if ("Table".equals(as) && TableVersion.GROUP.equals(range.parameter("g")) && version != null) {
                return Optional.of(version);
            }
        }
        return Optional.empty();
    }
}
