package io.imagestreams.importer.rest;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.imagestreams.api.image.ImageStreamImport;
import io.imagestreams.api.image.PlatformPreference;
import io.imagestreams.api.json.ImageApiJson;
import io.imagestreams.importer.service.ApiException;
import io.imagestreams.importer.service.LookupService;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * {@code POST /api/v1/lookups}: stream-service's synchronous import (DESIGN §8). Takes the validated
 * {@code ImageStreamImport}; answers its {@code ImageStreamImportStatus}, per image a Success with the Image or a
 * Failure with the reason. Runs on a worker thread: registry calls block.
 *
 * <p>Besides the ImageStreamImport's own fields the body may carry {@value PlatformPreference#LOOKUP_FIELD}: per
 * {@code spec.images[i]} the platform its target spec tag prefers ({@code {"preferArch": …, "preferOs": …}},
 * {@code {}} or {@code null} for none), as many entries as images. Without it no image has a preference.
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
        JsonNode platforms;
        try {
            JsonNode document = JSON.readTree(body);
            platforms = document instanceof ObjectNode object ? object.remove(PlatformPreference.LOOKUP_FIELD) : null;
            request = JSON.treeToValue(document, ImageStreamImport.class);
        } catch (Exception e) {
            throw ApiException.badRequest(null, "the body is not an ImageStreamImport: " + firstLine(e.getMessage()));
        }
        if (request == null || request.getSpec() == null) {
            throw ApiException.badRequest("spec", "an ImageStreamImport with a spec is required");
        }
        return JSON.writeValueAsString(lookups.lookup(request, platforms(platforms, request.getSpec().getImages().size())));
    }

    private static List<PlatformPreference> platforms(JsonNode field, int images) {
        if (field == null || field.isNull()) {
            return List.of();
        }
        if (!field.isArray() || field.size() != images) {
            throw ApiException.badRequest(PlatformPreference.LOOKUP_FIELD, PlatformPreference.LOOKUP_FIELD
                    + " must be a list with one entry per spec.images entry (" + images + ")");
        }
        List<PlatformPreference> platforms = new ArrayList<>(images);
        for (JsonNode entry : field) {
            if (entry.isNull()) {
                platforms.add(PlatformPreference.NONE);
            } else if (entry.isObject() && textOrNull(entry, "preferArch") && textOrNull(entry, "preferOs")) {
                platforms.add(new PlatformPreference(entry.path("preferArch").textValue(),
                        entry.path("preferOs").textValue()));
            } else {
                throw ApiException.badRequest(PlatformPreference.LOOKUP_FIELD, "each entry of "
                        + PlatformPreference.LOOKUP_FIELD + " is null or {\"preferArch\": string, \"preferOs\": string}");
            }
        }
        return platforms;
    }

    private static boolean textOrNull(JsonNode entry, String field) {
        JsonNode value = entry.get(field);
        return value == null || value.isNull() || value.isTextual();
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
