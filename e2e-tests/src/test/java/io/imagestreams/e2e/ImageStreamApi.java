package io.imagestreams.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * stream-service's {@code image.openshift.io/v1} API over plain HTTP, as kubectl or curl use it. Each write must
 * answer within {@link #WRITE_TIMEOUT}: none waits for Kafka (events go through the outbox).
 */
final class ImageStreamApi {

    static final Duration WRITE_TIMEOUT = Duration.ofSeconds(10);
    private static final String API = "/apis/image.openshift.io/v1";

    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    ImageStreamApi(URI base) {
        this.base = base;
    }

    /** POST an ImageStream; returns the created object. */
    JsonNode createStream(String namespace, String imageStreamJson) {
        return write("POST", API + "/namespaces/" + namespace + "/imagestreams", "application/json", imageStreamJson, 201);
    }

    /** POST an ImageStreamMapping: the image with {@code digest} becomes the head of {@code stream:tag}. */
    void map(String namespace, String stream, String tag, String digest, String dockerImageReference) {
        String mapping = """
                {"apiVersion":"image.openshift.io/v1","kind":"ImageStreamMapping","metadata":{"name":"%s"},"tag":"%s",
                 "image":{"metadata":{"name":"%s"},"dockerImageReference":"%s"}}"""
                .formatted(stream, tag, digest, dockerImageReference);
        JsonNode status = write("POST", API + "/namespaces/" + namespace + "/imagestreammappings", "application/json", mapping, 201);
        assertThat(status.path("status").asText()).as(status.toString()).isEqualTo("Success");
    }

    /** PATCH an ImageStream with a JSON merge patch; returns the patched object. */
    JsonNode mergePatchStream(String namespace, String stream, String patch) {
        return write("PATCH", API + "/namespaces/" + namespace + "/imagestreams/" + stream, "application/merge-patch+json", patch, 200);
    }

    void deleteStream(String namespace, String stream) {
        write("DELETE", API + "/namespaces/" + namespace + "/imagestreams/" + stream, null, null, 200);
    }

    void deleteTag(String namespace, String stream, String tag) {
        write("DELETE", API + "/namespaces/" + namespace + "/imagestreamtags/" + stream + ":" + tag, null, null, 200);
    }

    /** GET an ImageStream. */
    JsonNode getStream(String namespace, String stream) {
        return write("GET", API + "/namespaces/" + namespace + "/imagestreams/" + stream, null, null, 200);
    }

    /** POST an ImageStreamImport ({@code oc import-image}); returns it with its status. */
    JsonNode importImages(String namespace, String imageStreamImportJson) {
        return write("POST", API + "/namespaces/" + namespace + "/imagestreamimports", "application/json",
                imageStreamImportJson, 201);
    }

    /** GET {@code /q/health/ready}, waiting at most {@code timeout} for the answer. */
    HttpResponse<String> readiness(Duration timeout) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/q/health/ready")).timeout(timeout).GET().build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** GET {@code /q/health/ready} without waiting for the answer. */
    CompletableFuture<HttpResponse<String>> readinessAsync(Duration timeout) {
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/q/health/ready")).timeout(timeout).GET().build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode write(String method, String path, String contentType, String body, int expectedStatus) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(WRITE_TIMEOUT)
                .header("Accept", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError(method + " " + path + " did not answer within " + WRITE_TIMEOUT.toSeconds() + " s: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        assertThat(response.statusCode()).as(method + " " + path + " answered " + response.body()).isEqualTo(expectedStatus);
        try {
            return EventRecord.JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError(method + " " + path + " answered no JSON: " + response.body(), e);
        }
    }
}
