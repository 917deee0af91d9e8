package io.imagestreams.stream.rest;

import io.imagestreams.api.meta.Status;
import io.imagestreams.api.meta.StatusException;
import io.quarkus.logging.Log;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The one place where failures become Kubernetes {@code Status} bodies. Unexpected errors are logged here and
 * answered as InternalError without exception types or stack traces.
 */
public class StatusExceptionMapper {

    @ServerExceptionMapper
    public Response statusException(StatusException e) {
        return render(e.status());
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        Status status = Status.badRequest("the server could not find the requested resource");
        status.setReason("NotFound");
        status.setCode(404);
        return render(status);
    }

    @ServerExceptionMapper
    public Response notAllowed(NotAllowedException e) {
        Status status = Status.badRequest("the server does not allow this method on the requested resource");
        status.setReason("MethodNotAllowed");
        status.setCode(405);
        return render(status);
    }

    @ServerExceptionMapper
    public Response unsupportedMediaType(NotSupportedException e) {
        Status status = Status.badRequest("the body of the request was in an unknown format - accepted media types include: "
                + RequestBodies.ACCEPTED);
        status.setReason("UnsupportedMediaType");
        status.setCode(415);
        return render(status);
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        int code = e.getResponse().getStatus();
        if (code >= 500) {
            Log.error("request failed", e);
            return render(Status.internalError("the server could not handle the request"));
        }
        Status status = Status.badRequest(e.getMessage() == null ? "bad request" : e.getMessage());
        status.setCode(code);
        status.setReason(code == 413 ? "RequestEntityTooLarge" : code == 406 ? "NotAcceptable" : "BadRequest");
        return render(status);
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        Log.error("request failed", e);
        return render(Status.internalError("the server could not handle the request"));
    }

    static Response render(Status status) {
        return Response.status(status.getCode()).type(MediaType.APPLICATION_JSON_TYPE).entity(status).build();
    }
}
