package io.imagestreams.prune.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.imagestreams.api.event.DeleteImages;
import io.imagestreams.api.event.EventTypes;
import io.imagestreams.api.event.ImageDeleted;
import io.imagestreams.api.event.ImageRef;
import io.imagestreams.api.event.PruneRevisions;
import io.imagestreams.api.event.TagUpdated;
import io.imagestreams.api.json.ImageApiJson;
import io.imagestreams.prune.messaging.PruneCommandSender;
import io.imagestreams.prune.service.Housekeeping;
import io.imagestreams.prune.testing.ManagedRegistryResource;
import io.imagestreams.prune.testing.ManagedRegistryResource.ManagedRegistry;
import io.imagestreams.prune.testing.Runs;
import io.imagestreams.prune.testing.StreamEventsFeed;
import io.imagestreams.prune.testing.TestClock;
import io.imagestreams.testsupport.KafkaResource;
import io.imagestreams.testsupport.PostgresResource;
import io.imagestreams.testsupport.registry.DockerRegistryServer;
import io.imagestreams.testsupport.registry.ImageSpec;
import io.imagestreams.testsupport.registry.PushedImage;
import io.imagestreams.testsupport.registry.RecordingProxy;
import io.imagestreams.testsupport.registry.RecordingProxy.ProxiedResponse;
import io.imagestreams.testsupport.registry.RegistryPusher;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import io.smallrye.reactive.messaging.memory.InMemorySink;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The registry clean-up against a real registry with deletes enabled: once a confirmed run's undo window has
 * closed and stream-service deleted its images, their manifests are deleted from the managed registry; a manifest
 * already gone counts as deleted, an error is reported on its image and leaves the others alone.
 */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = "database", value = "prune"), parallel = true)
@WithTestResource(value = KafkaResource.class, parallel = true)
@WithTestResource(value = ManagedRegistryResource.class, parallel = true)
class RegistryCleanupTest {

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = ImageApiJson.newObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(15);

    @ManagedRegistry
    DockerRegistryServer registry;

    @ManagedRegistry
    RecordingProxy proxy;

    @Inject
    @Any
    InMemoryConnector connector;

    @Inject
    TestClock clock;

    @Inject
    Housekeeping housekeeping;

    @AfterEach
    void realTime() {
        clock.reset();
        proxy.reset();
    }

    @Test
    void confirmedRemovalsDeleteTheirManifestsOnceTheUndoWindowHasClosed() {
        // given four images pushed to the managed registry and tagged one after the other
        String ns = "registry-" + UUID.randomUUID().toString().substring(0, 8);
        String repository = "team/app-" + UUID.randomUUID().toString().substring(0, 8);
        RegistryPusher pusher = new RegistryPusher(registry.url());
        List<PushedImage> pushed = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            pushed.add(pusher.push(repository, "build-" + i, ImageSpec.linux("amd64")));
        }
        StreamEventsFeed feed = new StreamEventsFeed(connector);
        Instant created = Instant.now().minus(Duration.ofDays(3));
        ImageRef previous = null;
        for (int i = 0; i < pushed.size(); i++) {
            String pullSpec = proxy.hostPort() + "/" + repository + "@" + pushed.get(i).digest();
            ImageRef image = new ImageRef(pushed.get(i).digest(), pullSpec, pullSpec, pushed.get(i).size(), null, created.plusSeconds(i));
            feed.send(new TagUpdated(ns, "app", "v1", i + 1, image, previous));
            previous = image;
        }
        PushedImage alreadyGone = pushed.get(0);
        PushedImage failing = pushed.get(1);
        PushedImage deleted = pushed.get(2);
        PushedImage current = pushed.get(3);
        await().atMost(WAIT).until(() -> Runs.items(Runs.awaitState(Runs.start("""
                {"namespace":"%s"}""".formatted(ns)), "Succeeded").getString("id")).size() == 4);

        // when a confirmed run over all namespaces keeps only the current entry, and stream-service applies it
        String id = Runs.start("""
                {"keepTagRevisions":1,"keepYoungerThan":"0s","confirm":true}""");
        InMemorySink<String> commands = connector.sink(PruneCommandSender.CHANNEL);
        await().atMost(WAIT).until(() -> !commandsOf(commands, EventTypes.PRUNE_REVISIONS, id).isEmpty());
        for (Message<String> message : commandsOf(commands, EventTypes.PRUNE_REVISIONS, id)) {
            PruneRevisions prune = read(message, PruneRevisions.class);
            feed.historyPruned(id, prune.namespace(), prune.stream(), prune.entries());
        }
        JsonPath run = Runs.awaitState(id, "Succeeded");
        assertThat(run.getInt("counts.planned.manifests")).isEqualTo(3);

        // then nothing is deleted from the registry while the run can be undone
        housekeeping.runOnce().await().atMost(WAIT);
        assertThat(proxy.requests("DELETE", ".*")).isEmpty();

        // when the window has closed and stream-service deleted the images
        clock.advance(Duration.ofHours(25));
        pusher.deleteManifest(repository, alreadyGone.digest());
        proxy.answerMatching("DELETE", "/manifests/" + failing.digest() + "$", 1, ProxiedResponse.of(500,
                Map.of("Content-Type", "application/json"), "{\"errors\":[{\"code\":\"UNKNOWN\"}]}".getBytes(StandardCharsets.UTF_8)));
        housekeeping.runOnce().await().atMost(WAIT);
        await().atMost(WAIT).until(() -> !commandsOf(commands, EventTypes.PRUNE_DELETE_IMAGES, id).isEmpty());
        DeleteImages delete = read(commandsOf(commands, EventTypes.PRUNE_DELETE_IMAGES, id).get(0), DeleteImages.class);
        assertThat(delete.digests()).containsExactlyInAnyOrder(alreadyGone.digest(), failing.digest(), deleted.digest());
        delete.digests().forEach(digest -> feed.send(new ImageDeleted(digest, id)));
        await().atMost(WAIT).until(() -> Runs.get(id).getInt("counts.applied.images") == 3);
        housekeeping.runOnce().await().atMost(WAIT);

        // then one DELETE per manifest, a 404 counts as deleted, and the failure is reported on its image
        assertThat(proxy.requests("DELETE", "/v2/" + repository + "/manifests/sha256:[0-9a-f]{64}$"))
                .extracting(RecordingProxy.RecordedRequest::status).containsExactlyInAnyOrder(404, 500, 202);
        JsonPath done = Runs.get(id);
        assertThat(done.getInt("counts.applied.manifests")).isEqualTo(2);
        assertThat(imageDeletion(done, alreadyGone.digest())).containsEntry("registry", "Deleted").containsEntry("repository", repository);
        assertThat(imageDeletion(done, deleted.digest())).containsEntry("registry", "Deleted");
        assertThat(imageDeletion(done, failing.digest())).containsEntry("registry", "Failed")
                .containsEntry("registryError", "the registry answered 500");

        // and the registry: the deleted manifest is gone, the failed one and the current image are still there
        assertThat(pusher.digestOf(repository, deleted.digest())).isEmpty();
        assertThat(pusher.digestOf(repository, alreadyGone.digest())).isEmpty();
        assertThat(pusher.digestOf(repository, failing.digest())).contains(failing.digest());
        assertThat(pusher.digestOf(repository, current.digest())).contains(current.digest());

        // and a later round tries nothing again
        proxy.clearRequests();
        housekeeping.runOnce().await().atMost(WAIT);
        assertThat(proxy.requests("DELETE", ".*")).isEmpty();
    }

    private static Map<String, Object> imageDeletion(JsonPath run, String digest) {
        List<Map<String, Object>> deletions = run.getList("imageDeletions");
        return deletions.stream().filter(d -> digest.equals(d.get("image"))).findFirst()
                .orElseThrow(() -> new AssertionError("no image deletion of " + digest + " in " + deletions));
    }

    private static List<Message<String>> commandsOf(InMemorySink<String> sink, String type, String runId) {
        List<Message<String>> found = new ArrayList<>();
        for (Message<String> message : new ArrayList<>(sink.received())) {
            String messageType = message.getMetadata(OutgoingCloudEventMetadata.class).map(OutgoingCloudEventMetadata::getType).orElse("");
            if (type.equals(messageType) && runId.equals(JsonPath.from(message.getPayload()).getString("runId"))) {
                found.add(message);
            }
        }
        return found;
    }

    private static <T> T read(Message<String> message, Class<T> type) {
        try {
            return JSON.readValue(message.getPayload(), type);
        } catch (Exception e) {
            throw new AssertionError("unreadable command " + message.getPayload(), e);
        }
    }
}
