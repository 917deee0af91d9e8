package io.imagestreams.importer.rest;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.imagestreams.api.image.ImageStreamImport;
import io.imagestreams.api.json.ImageApiJson;
import io.imagestreams.importer.service.ApiException;
import io.imagestreams.importer.service.LookupService;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * {@code POST /api/v1/lookups}: stream-service's synchronous import (DESIGN §8). Takes the validated
 * {@code ImageStreamImport}; answers its {@code ImageStreamImportStatus}, per image a Success with the Image or a
 * Failure with the reason. Runs on a worker thread: registry calls block.
 */
@Path("/api/v1/lookups")
public class LookupResource {

    private static final ObjectMapper JSON = ImageApiJson.newObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final LookupService lookups;

    public LookupResource(LookupService lookups) {
        this.lookups = lookups;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Resolve the images of an ImageStreamImport at their registries (changes nothing)")
    public String lookup(String body) throws Exception {
        ImageStreamImport request;
        try {
            request = JSON.readValue(body, ImageStreamImport.class);
        } catch (Exception e) {
            throw ApiException.badRequest(null, "the body is not an ImageStreamImport: " + firstLine(e.getMessage()));
        }
        if (request == null || request.getSpec() == null) {
            throw ApiException.badRequest("spec", "an ImageStreamImport with a spec is required");
        }
        return JSON.writeValueAsString(lookups.lookup(request));
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int newline = message.indexOf('\n');
        String line = newline < 0 ? message : message.substring(0, newline);
        // Jackson names its own classes in some messages; the client needs the position, not those
        return line.replaceAll("\\(class [^)]*\\)", "").replaceAll("`[a-z]+(\\.[a-zA-Z$]+)+`", "value").trim();
    }
}
