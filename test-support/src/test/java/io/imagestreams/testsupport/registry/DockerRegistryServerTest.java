package io.imagestreams.testsupport.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

class DockerRegistryServerTest {

    @Test
    void sendsPushNotificationsWithTheConfiguredHeaders() throws Exception {
        // given a receiver for the registry's event envelopes
        List<String> bodies = new CopyOnWriteArrayList<>();
        List<String> authorizations = new CopyOnWriteArrayList<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/events", exchange -> {
            authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
            bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        receiver.start();
        URI url = URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + "/events");
        try (DockerRegistryServer registry = DockerRegistryServer.builder()
                .notifications(DockerRegistryServer.NotificationEndpoint.to(url, Map.of("Authorization", "Bearer s3cret")))
                .start()) {

            // when
            PushedImage pushed = new RegistryPusher(registry.url()).push("events/app", "1", ImageSpec.linux("amd64"));

            // then
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(events(bodies))
                    .anySatisfy(event -> {
                        assertThat(event.path("action").asText()).isEqualTo("push");
                        assertThat(event.path("target").path("repository").asText()).isEqualTo("events/app");
                        assertThat(event.path("target").path("digest").asText()).isEqualTo(pushed.digest());
                        assertThat(event.path("target").path("tag").asText()).isEqualTo("1");
                    }));
            assertThat(authorizations).containsOnly("Bearer s3cret");
        } finally {
            receiver.stop(0);
        }
    }

    private static List<JsonNode> events(List<String> bodies) throws Exception {
        List<JsonNode> events = new ArrayList<>();
        for (String body : bodies) {
            new ObjectMapper().readTree(body).path("events").forEach(events::add);
        }
        return events;
    }

    @Test
    void servesHttpsWithASelfSignedCertificateOnlyItsOwnClientsTrust() throws Exception {
        try (DockerRegistryServer registry = DockerRegistryServer.builder().tls().start()) {
            // when
            PushedImage pushed = registry.pusher().push("tls/app", "1", ImageSpec.linux("amd64"));

            // then
            assertThat(registry.url().getScheme()).isEqualTo("https");
            assertThat(registry.pusher().digestOf("tls/app", "1")).contains(pushed.digest());
            HttpClient verifying = HttpClient.newHttpClient();
            assertThatThrownBy(() -> verifying.send(HttpRequest.newBuilder(registry.url().resolve("/v2/")).build(),
                    HttpResponse.BodyHandlers.discarding())).isInstanceOf(SSLHandshakeException.class);
            HttpResponse<String> plain = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://" + registry.hostPort() + "/v2/")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(plain.statusCode()).isEqualTo(400);
        }
    }

    @Test
    void tokenAuthGrantsPushToTheUserAndPullToAnyone() {
        // given
        try (TokenServer tokens = TokenServer.builder().user("bob", "pw").grant("shared/*", "bob", "pull", "push")
                .grant("shared/*", TokenServer.ANYONE, "pull").start();
                DockerRegistryServer registry = DockerRegistryServer.builder().tokenAuth(tokens).start()) {

            // when
            PushedImage pushed = new RegistryPusher(registry.url(), "bob", "pw").push("shared/app", "1",
                    ImageSpec.linux("amd64"));

            // then
            assertThat(new RegistryPusher(registry.url()).digestOf("shared/app", "1")).contains(pushed.digest());
            assertThat(tokens.requests()).extracting(TokenServer.TokenRequest::user).contains("bob", "");
        }
    }
}
