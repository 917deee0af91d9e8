package io.imagestreams.stream.rest.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.openshift.api.model.ImageStream;
import io.fabric8.openshift.api.model.ImageStreamBuilder;
import io.fabric8.openshift.client.OpenShiftClient;
import io.imagestreams.stream.repository.WatchEventRepository;
import io.imagestreams.testsupport.KafkaResource;
import io.imagestreams.testsupport.PostgresResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** fabric8's openshift-client watches and informs on image streams unchanged, over WebSocket and over HTTP. */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = "database", value = "streams"), parallel = true)
@WithTestResource(value = KafkaResource.class, parallel = true)
class OpenShiftClientWatchTest {

    private static final Duration EVENT_WAIT = Duration.ofSeconds(15);

    @TestHTTPResource("/")
    URL server;

    @Inject
    WatchEventRepository watchEvents;

    @Inject
    Pool pool;

    private KubernetesClient kubernetes;

    @AfterEach
    void close() {
        if (kubernetes != null) {
            kubernetes.close();
        }
    }

    @ParameterizedTest(name = "onlyHttpWatches={0}")
    @ValueSource(booleans = {false, true})
    void watcherSeesAddedModifiedAndDeleted(boolean onlyHttpWatches) {
        // given
        OpenShiftClient openshift = connect(onlyHttpWatches);
        String ns = WatchTest.namespace();
        RecordingWatcher watcher = new RecordingWatcher();

        // when
        try (Watch ignored = openshift.imageStreams().inNamespace(ns).watch(watcher)) {
            openshift.imageStreams().inNamespace(ns).resource(stream("php")).create();
            label(openshift, ns, "php", "tier", "web");
            openshift.imageStreams().inNamespace(ns).withName("php").delete();

            // then
            await().atMost(EVENT_WAIT).until(() -> watcher.events.size() == 3);
            assertThat(watcher.events).extracting(Event::action)
                    .containsExactly(Watcher.Action.ADDED, Watcher.Action.MODIFIED, Watcher.Action.DELETED);
            assertThat(watcher.events).extracting(e -> e.stream().getMetadata().getName()).containsOnly("php");
            assertThat(watcher.events.get(1).stream().getMetadata().getLabels()).containsEntry("tier", "web");
            assertThat(watcher.events).extracting(e -> Long.parseLong(e.stream().getMetadata().getResourceVersion())).isSorted();
        }
    }

    @Test
    void watchOfOneStreamByNameSeesOnlyThatStream() {
        // given
        OpenShiftClient openshift = connect(false);
        String ns = WatchTest.namespace();
        RecordingWatcher watcher = new RecordingWatcher();

        // when
        try (Watch ignored = openshift.imageStreams().inNamespace(ns).withName("one").watch(watcher)) {
            openshift.imageStreams().inNamespace(ns).resource(stream("two")).create();
            openshift.imageStreams().inNamespace(ns).resource(stream("one")).create();

            // then
            await().atMost(EVENT_WAIT).until(() -> watcher.events.size() == 1);
            assertThat(watcher.events.get(0).stream().getMetadata().getName()).isEqualTo("one");
        }
    }

    @Test
    void watchFromATrimmedVersionClosesWithHttpGone() {
        // given
        OpenShiftClient openshift = connect(false);
        String ns = WatchTest.namespace();
        String old = openshift.imageStreams().inNamespace(ns).resource(stream("php")).create().getMetadata().getResourceVersion();
        label(openshift, ns, "php", "v", "2");
        watchEvents.deleteBefore(pool, OffsetDateTime.now().plusMinutes(1)).await().atMost(Duration.ofSeconds(10));
        label(openshift, ns, "php", "v", "3");
        RecordingWatcher watcher = new RecordingWatcher();

        // when
        try (Watch ignored = openshift.imageStreams().inNamespace(ns).withResourceVersion(old).watch(watcher)) {

            // then
            await().atMost(EVENT_WAIT).until(() -> watcher.closedWith.get() != null);
            assertThat(watcher.closedWith.get().isHttpGone()).isTrue();
            assertThat(watcher.events).isEmpty();
        }
    }

    @Test
    void informerKeepsItsCacheInStepWithTheServer() {
        // given
        OpenShiftClient openshift = connect(false);
        String ns = WatchTest.namespace();
        openshift.imageStreams().inNamespace(ns).resource(stream("existing")).create();
        List<String> seen = new CopyOnWriteArrayList<>();

        // when
        try (SharedIndexInformer<ImageStream> informer = openshift.imageStreams().inNamespace(ns).inform(new ResourceEventHandler<>() {
            @Override
            public void onAdd(ImageStream stream) {
                seen.add("add " + stream.getMetadata().getName());
            }

            @Override
            public void onUpdate(ImageStream before, ImageStream after) {
                seen.add("update " + after.getMetadata().getName());
            }

            @Override
            public void onDelete(ImageStream stream, boolean finalStateUnknown) {
                seen.add("delete " + stream.getMetadata().getName());
            }
        })) {
            await().atMost(EVENT_WAIT).until(() -> seen.contains("add existing"));
            openshift.imageStreams().inNamespace(ns).resource(stream("php")).create();
            label(openshift, ns, "php", "tier", "web");
            openshift.imageStreams().inNamespace(ns).withName("existing").delete();

            // then
            await().atMost(EVENT_WAIT).until(() -> seen.size() == 4);
            assertThat(seen).containsExactly("add existing", "add php", "update php", "delete existing");
            assertThat(informer.getStore().list()).extracting(is -> is.getMetadata().getName()).containsExactly("php");
            assertThat(informer.getStore().getByKey(ns + "/php").getMetadata().getLabels()).containsEntry("tier", "web");
        }
    }

    private OpenShiftClient connect(boolean onlyHttpWatches) {
        // Config.empty(): never read the machine's kubeconfig or service account
        Config config = new ConfigBuilder(Config.empty()).withMasterUrl(server.toString()).withNamespace("default")
                .withRequestRetryBackoffLimit(0).withOnlyHttpWatches(onlyHttpWatches).build();
        kubernetes = new KubernetesClientBuilder().withConfig(config).build();
        return kubernetes.adapt(OpenShiftClient.class);
    }

    /** A read-modify-write update, as controllers do it (PUT with the resourceVersion read). */
    private static void label(OpenShiftClient openshift, String ns, String name, String key, String value) {
        ImageStream current = openshift.imageStreams().inNamespace(ns).withName(name).get();
        openshift.imageStreams().inNamespace(ns)
                .resource(new ImageStreamBuilder(current).editMetadata().addToLabels(key, value).endMetadata().build()).update();
    }

    private static ImageStream stream(String name) {
        return new ImageStreamBuilder().withNewMetadata().withName(name).endMetadata().withNewSpec().endSpec().build();
    }

    private record Event(Watcher.Action action, ImageStream stream) {
    }

    private static final class RecordingWatcher implements Watcher<ImageStream> {

        final List<Event> events = new CopyOnWriteArrayList<>();
        final AtomicReference<WatcherException> closedWith = new AtomicReference<>();

        @Override
        public void eventReceived(Action action, ImageStream stream) {
            events.add(new Event(action, stream));
        }

        @Override
        public void onClose(WatcherException cause) {
            closedWith.set(cause);
        }
    }
}
