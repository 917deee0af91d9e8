package io.imagestreams.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.imagestreams.launcher.Component;
import io.imagestreams.testsupport.registry.DockerRegistryServer;
import io.imagestreams.testsupport.registry.DockerRegistryServer.NotificationEndpoint;
import io.imagestreams.testsupport.registry.ImageSpec;
import io.imagestreams.testsupport.registry.PushedImage;
import io.imagestreams.testsupport.registry.RegistryPusher;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Imports end to end on the packaged suite and the real broker, from a real registry (Debian's docker-registry)
 * whose push notifications go to the suite's import-service: {@code oc import-image}'s ImageStreamImport, a
 * scheduled tag imported on creation, a push that moves the stream within seconds, and a restart of the suite
 * that keeps the schedule and imports nothing twice.
 */
@TestMethodOrder(OrderAnnotation.class)
class RegistryImportIT {

    private static final Duration IMPORT = Duration.ofSeconds(60);
    private static final String NS = "imports";

    private static PackagedSuite suite;
    private static DockerRegistryServer registry;
    private static RegistryPusher pusher;
    private static ImageStreamApi api;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void startSuiteAndRegistry() {
        suite = PackagedSuite.prepare("registry-import-it");
        suite.up();
        api = new ImageStreamApi(suite.serviceUri(Component.STREAM_SERVICE, "/"));
        registry = DockerRegistryServer.builder().notifications(NotificationEndpoint.to(
                suite.serviceUri(Component.IMPORT_SERVICE, "/api/v1/registry-events"),
                Map.of("Authorization", "Bearer " + notificationSecret()))).start();
        pusher = new RegistryPusher(registry.url());
    }

    @AfterAll
    static void stop() {
        if (registry != null) {
            registry.close();
        }
        if (suite != null) {
            suite.close();
        }
    }

    @Test
    @Order(1)
    void importImageCreatesTheStreamFromTheRegistry() {
        // given
        PushedImage pushed = pusher.push("team/tool", "1.0", ImageSpec.linux("amd64"));

        // when: what `oc import-image tool:1.0 --from=<registry>/team/tool:1.0 --confirm --insecure` sends
        JsonNode isi = api.importImages(NS, """
                {"kind": "ImageStreamImport", "apiVersion": "image.openshift.io/v1", "metadata": {"name": "tool"},
                 "spec": {"import": true, "images": [{"from": {"kind": "DockerImage", "name": "%s/team/tool:1.0"},
                   "to": {"name": "1.0"}, "importPolicy": {"insecure": true}}]}, "status": {}}"""
                .formatted(registry.hostPort()));

        // then
        assertThat(isi.at("/status/images/0/status/status").asText()).as(isi.toString()).isEqualTo("Success");
        assertThat(isi.at("/status/images/0/image/metadata/name").asText()).isEqualTo(pushed.digest());
        JsonNode stream = api.getStream(NS, "tool");
        assertThat(stream.at("/status/tags/0/items/0/image").asText()).isEqualTo(pushed.digest());
        assertThat(stream.at("/status/tags/0/items/0/dockerImageReference").asText())
                .isEqualTo(registry.hostPort() + "/team/tool@" + pushed.digest());
    }

    @Test
    @Order(2)
    void aScheduledTagIsImportedAndFollowsPushes() {
        // given
        PushedImage first = pusher.push("team/web", "stable", ImageSpec.linux("amd64"));

        // when: a stream whose tag imports it on a schedule
        api.createStream(NS, """
                {"apiVersion": "image.openshift.io/v1", "kind": "ImageStream", "metadata": {"name": "web"},
                 "spec": {"tags": [{"name": "stable", "from": {"kind": "DockerImage", "name": "%s/team/web:stable"},
                   "importPolicy": {"scheduled": true, "insecure": true}}]}}""".formatted(registry.hostPort()));

        // then: imported through image-import-requests and image-import-results
        awaitHead("web", first.digest());

        // when: a new image is pushed under the tag (the next scheduled check is 15 minutes away)
        PushedImage second = pusher.push("team/web", "stable", ImageSpec.linux("amd64").withLabels(Map.of("build", "2")));

        // then: the registry's notification moves the stream
        awaitHead("web", second.digest());
        assertThat(history("web")).containsExactly(second.digest(), first.digest());
    }

    @Test
    @Order(3)
    void aRestartKeepsTheScheduleAndImportsNothingTwice() {
        // when
        assertThat(suite.suite("down").exitCode()).isZero();
        suite.up();

        // then: the tag is still scheduled, with the digest it last saw
        JsonNode schedule = importService("/api/v1/schedules/" + NS + "/web/stable", "GET");
        assertThat(schedule.path("scheduled").asBoolean()).isTrue();
        assertThat(schedule.path("lastDigest").asText()).isEqualTo(history("web").get(0));
        long checksBefore = schedule.path("checks").asLong();

        // when: checked again with nothing pushed
        importService("/api/v1/schedules/" + NS + "/web/stable/check", "POST");

        // then: unchanged, and the history did not grow
        await().atMost(IMPORT).untilAsserted(() -> {
            JsonNode after = importService("/api/v1/schedules/" + NS + "/web/stable", "GET");
            assertThat(after.path("checks").asLong()).isGreaterThan(checksBefore);
            assertThat(after.path("lastResult").asText()).isEqualTo("Unchanged");
        });
        assertThat(history("web")).hasSize(2);
    }

    private static void awaitHead(String stream, String digest) {
        await().atMost(IMPORT).untilAsserted(() -> assertThat(history(stream)).first().isEqualTo(digest));
    }

    private static List<String> history(String stream) {
        JsonNode items = api.getStream(NS, stream).at("/status/tags/0/items");
        return items.findValuesAsText("image");
    }

    private static JsonNode importService(String path, String method) {
        HttpRequest request = HttpRequest.newBuilder(suite.serviceUri(Component.IMPORT_SERVICE, path))
                .timeout(Duration.ofSeconds(10)).method(method, HttpRequest.BodyPublishers.noBody()).build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isBetween(200, 299);
            return EventRecord.JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The secret the launcher made for this suite's data folder and gave import-service. */
    private static String notificationSecret() {
        Properties secrets = new Properties();
        try (Reader reader = Files.newBufferedReader(suite.dataDir().resolve("secrets.properties"))) {
            secrets.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return secrets.getProperty("notifications-secret");
    }
}
