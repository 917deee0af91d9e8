package io.imagestreams.stream.rest.discovery;

import io.imagestreams.stream.rest.table.AcceptHeader;
import io.imagestreams.stream.rest.table.MediaRange;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * {@code GET /openapi/v2} in JSON or gnostic protobuf, negotiated as kube-openapi does (the first acceptable
 * clause wins, no header means JSON, nothing acceptable is 406). {@code /openapi/v3} is deliberately not served:
 * kubectl then falls back to this document. Kept apart from Quarkus' own {@code /q/openapi}.
 */
@Path("/openapi/v2")
public class OpenApiResource {

    @GET
    public Response document(@HeaderParam(HttpHeaders.ACCEPT) String accept) {
        List<MediaRange> ranges = AcceptHeader.parse(accept == null || accept.isBlank() ? "*/*" : accept);
        for (MediaRange range : ranges) {
            if (!range.acceptable()) {
                continue;
            }
            if (range.admits("application", "json")) {
                return DiscoveryResponses.negotiated(OpenApiV2Document.json(), MediaType.APPLICATION_JSON);
            }
            if (range.admits("application", OpenApiV2Document.PROTOBUF_SUBTYPE_REQUESTED)
                    || range.admits("application", OpenApiV2Document.PROTOBUF_SUBTYPE)) {
                return DiscoveryResponses.negotiated(OpenApiV2Document.protobuf(),
                        OpenApiV2Document.PROTOBUF_CONTENT_TYPE);
            }
        }
        return Response.notAcceptable(List.of()).header(HttpHeaders.VARY, HttpHeaders.ACCEPT).build();
    }
}
