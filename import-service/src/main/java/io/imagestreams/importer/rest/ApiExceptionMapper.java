package io.imagestreams.importer.rest;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.imagestreams.importer.service.ApiException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.stream.Collectors;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The one place errors of import-service's own API become responses: {@code {"error": "...", "field": "..."}}
 * with the status the {@link ApiException} names, and 400 for bodies that are not the JSON an endpoint takes.
 * Never a Java class name or a stack trace.
 */
public class ApiExceptionMapper {

    /** The error body of every failed request. */
    public record ApiError(String error, String field) {
    }

    @ServerExceptionMapper
    public Response apiException(ApiException e) {
        return response(e.status(), e.getMessage(), e.field());
    }

    @ServerExceptionMapper
    public Response badJson(JsonProcessingException e) {
        String field = e instanceof JsonMappingException mapping ? path(mapping) : null;
        String message;
        if (e instanceof UnrecognizedPropertyException unknown) {
            message = "unknown field \"" + unknown.getPropertyName() + "\"";
        } else if (e instanceof JsonMappingException && field != null && !field.isEmpty()) {
            message = "field \"" + field + "\" has the wrong type or value";
        } else {
            message = "the body is not valid JSON";
        }
        return response(400, message, field == null || field.isEmpty() ? null : field);
    }

    // Quarkus REST has its own mappers for these Jackson types; naming them here makes ours win

    @ServerExceptionMapper
    public Response unreadableJson(JsonParseException e) {
        return badJson(e);
    }

    @ServerExceptionMapper
    public Response mismatchedJson(MismatchedInputException e) {
        return badJson(e);
    }

    @ServerExceptionMapper
    public Response unknownField(UnrecognizedPropertyException e) {
        return badJson(e);
    }

    @ServerExceptionMapper
    public Response wrongValue(InvalidFormatException e) {
        return badJson(e);
    }

    static Response response(int status, String message, String field) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(new ApiError(message, field)).build();
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(reference -> reference.getFieldName() != null ? reference.getFieldName() : "[" + reference.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }
}
