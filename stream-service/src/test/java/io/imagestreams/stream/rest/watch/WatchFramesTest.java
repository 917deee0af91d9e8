package io.imagestreams.stream.rest.watch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.imagestreams.api.json.ImageApiJson;
import io.imagestreams.api.meta.Status;
import org.junit.jupiter.api.Test;

/** The watch wire format: one WatchEvent JSON object per line, exactly as the API server writes it. */
class WatchFramesTest {

    private static final ObjectMapper MAPPER = ImageApiJson.newObjectMapper();

    @Test
    void framesAnEventAsOneJsonObjectAndANewline() {
        String frame = WatchFrames.event("ADDED", "{\"kind\":\"ImageStream\"}");

        assertThat(frame).isEqualTo("{\"type\":\"ADDED\",\"object\":{\"kind\":\"ImageStream\"}}\n");
    }

    @Test
    void framesABookmarkWithOnlyTheResourceVersion() throws Exception {
        assertThat(WatchFrames.bookmark(42, false)).isEqualTo("{\"type\":\"BOOKMARK\",\"object\":{\"kind\":\"ImageStream\","
                + "\"apiVersion\":\"image.openshift.io/v1\",\"metadata\":{\"resourceVersion\":\"42\",\"creationTimestamp\":null}}}\n");
        JsonNode end = MAPPER.readTree(WatchFrames.bookmark(42, true));
        assertThat(end.path("object").path("metadata").path("annotations").path("k8s.io/initial-events-end").asText()).isEqualTo("true");
    }

    @Test
    void framesAnExpiredErrorAsTheApiServerDoes() {
        String frame = WatchFrames.error(MAPPER, Status.expired("too old resource version: 1 (5)"));

        assertThat(frame).isEqualTo("{\"type\":\"ERROR\",\"object\":{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},"
                + "\"status\":\"Failure\",\"message\":\"too old resource version: 1 (5)\",\"reason\":\"Expired\",\"code\":410}}\n");
    }
}
