package io.imagestreams.stream.rest;

import io.imagestreams.api.meta.Status;
import io.imagestreams.api.meta.StatusException;
import io.imagestreams.stream.rest.table.Table;
import io.imagestreams.stream.rest.table.TableNegotiation;
import io.imagestreams.stream.rest.table.TableOptions;
import io.imagestreams.stream.rest.table.TableVersion;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import java.util.function.Function;

/**
 * Answers a read with the object itself or, when the client asks for it in Accept (as kubectl does), with the
 * server-side Table that {@code kubectl get} prints. {@code Vary: Accept} keeps caches from mixing the two.
 */
final class Representations {

    private Representations() {
    }

    static Response render(String accept, String includeObject, Object object, Function<TableOptions, Table> table) {
        Optional<TableVersion> version = TableNegotiation.requestedTable(accept);
        if (version.isEmpty()) {
            return Response.ok(object, MediaType.APPLICATION_JSON_TYPE).header(HttpHeaders.VARY, HttpHeaders.ACCEPT).build();
        }
        TableOptions options;
        try {
            options = TableOptions.of(version.get(), includeObject);
        } catch (IllegalArgumentException e) {
            throw new StatusException(Status.badRequest(e.getMessage()));
        }
        return Response.ok(table.apply(options)).type(version.get().contentType()).header(HttpHeaders.VARY, HttpHeaders.ACCEPT).build();
    }
}
