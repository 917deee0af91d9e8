package io.imagestreams.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.imagestreams.launcher.Component;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The suite as its README's "Tokens and roles" runs it: started with {@code IMAGESTREAMS_AUTH_MODE=jwt}, the image
 * API takes the tokens {@code ./suite token} prints and checks their grants.
 */
class AuthIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void theImageApiTakesTheSuitesTokensAndChecksTheirGrants() throws Exception {
        try (PackagedSuite suite = PackagedSuite.prepare("auth-it").withEnvironment("IMAGESTREAMS_AUTH_MODE", "jwt")) {
            suite.up();
            String ns = "e2e-auth-" + UUID.randomUUID().toString().substring(0, 8);
            URI streams = suite.serviceUri(Component.STREAM_SERVICE, "/apis/image.openshift.io/v1/namespaces/" + ns + "/imagestreams");
            String editor = token(suite, "--user", "alice", ns + ":edit");
            String viewer = token(suite, "--user", "vic", "--ttl", "10m", ns + ":view");
            String stream = "{\"apiVersion\":\"image.openshift.io/v1\",\"kind\":\"ImageStream\",\"metadata\":{\"name\":\"app\"}}";

            // without a token
            assertThat(send("GET", streams, null, null).statusCode()).isEqualTo(401);

            // an editor creates, a viewer reads but may not delete
            assertThat(send("POST", streams, editor, stream).statusCode()).isEqualTo(201);
            HttpResponse<String> read = send("GET", URI.create(streams + "/app"), viewer, null);
            assertThat(read.statusCode()).isEqualTo(200);
            assertThat(read.body()).contains("\"name\":\"app\"");
            HttpResponse<String> refused = send("DELETE", URI.create(streams + "/app"), viewer, null);
            assertThat(refused.statusCode()).isEqualTo(403);
            assertThat(refused.body()).contains("User \\\"vic\\\" cannot delete resource \\\"imagestreams\\\"");

            // the editor's grant stops at its namespace
            URI elsewhere = suite.serviceUri(Component.STREAM_SERVICE, "/apis/image.openshift.io/v1/namespaces/" + ns + "-other/imagestreams");
            assertThat(send("POST", elsewhere, editor, stream).statusCode()).isEqualTo(403);

            // health stays open for probes
            assertThat(send("GET", suite.serviceUri(Component.STREAM_SERVICE, "/q/health/ready"), null, null).statusCode()).isEqualTo(200);
        }
    }

    private static String token(PackagedSuite suite, String... args) {
        String[] command = new String[args.length + 1];
        command[0] = "token";
        System.arraycopy(args, 0, command, 1, args.length);
        PackagedSuite.CommandResult result = suite.suite(command);
        assertThat(result.exitCode()).as("./suite token:\n" + result.output()).isZero();
        List<String> lines = result.output().lines().filter(line -> !line.isBlank()).toList();
        String token = lines.get(lines.size() - 1).trim();
        assertThat(token).matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");
        return token;
    }

    private static HttpResponse<String> send(String method, URI uri, String token, String json) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
