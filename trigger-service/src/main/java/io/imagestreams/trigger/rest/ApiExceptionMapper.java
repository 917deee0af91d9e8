package io.imagestreams.trigger.rest;

import io.imagestreams.trigger.service.ApiException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every API error as {@code {"error": "...", "field": "..."}} (field only when one is at fault). */
public class ApiExceptionMapper {

    @ServerExceptionMapper
    public Response map(ApiException e) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", e.getMessage());
        if (e.field() != null) {
            body.put("field", e.field());
        }
        return Response.status(e.status()).type(MediaType.APPLICATION_JSON).entity(body).build();
    }
}
