package io.imagestreams.prune.rest;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.logging.Logger;

/** The service's one error shape: {@code {"error": "...", "field": "..."}}, never a Java type or stack trace. */
@Provider
public class ApiExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(ApiExceptionMapper.class);

    @Override
    public Response toResponse(Throwable exception) {
        if (exception instanceof ApiException api) {
            return body(api.status(), api.getMessage(), api.field());
        }
        if (exception instanceof WebApplicationException web) {
            int status = web.getResponse().getStatus();
            return body(status, status == 404 ? "not found" : status == 405 ? "method not allowed"
                    : status == 415 ? "unsupported media type" : "request not accepted", null);
        }
        LOG.error("request failed", exception);
        return body(500, "internal error", null);
    }

    static Response body(int status, String message, String field) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("error", message);
        if (field != null) {
            error.put("field", field);
        }
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(error).build();
    }
}
