package io.imagestreams.importer.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.imagestreams.api.event.EventTypes;
import io.imagestreams.api.event.ImportPolicy;
import io.imagestreams.api.event.ImportRequested;
import io.imagestreams.api.event.ImportTag;
import io.imagestreams.api.event.StreamCreated;
import io.imagestreams.api.event.StreamUpdated;
import io.imagestreams.importer.messaging.ImportRequestsConsumer;
import io.imagestreams.importer.messaging.ImportResultsPublisher;
import io.imagestreams.importer.messaging.StreamEventsConsumer;
import io.imagestreams.importer.messaging.TestEvents;
import io.imagestreams.testsupport.KafkaResource;
import io.imagestreams.testsupport.MongoResource;
import io.imagestreams.testsupport.registry.DockerRegistryServer;
import io.imagestreams.testsupport.registry.DockerRegistryServer.NotificationEndpoint;
import io.imagestreams.testsupport.registry.ImageSpec;
import io.imagestreams.testsupport.registry.PushedImage;
import io.imagestreams.testsupport.registry.PushedIndex;
import io.imagestreams.testsupport.registry.RecordingProxy;
import io.imagestreams.testsupport.registry.RegistryPusher;
import io.imagestreams.testsupport.registry.WebServer;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * import-service's flows against a real registry (Debian's docker-registry, distribution 2.8) with images pushed
 * over the registry API: lookups (single-arch, multi-arch, whole repository), credentials, the asynchronous import
 * of a request, scheduled checks (one HEAD when nothing changed) and push notifications.
 */
@QuarkusTest
@WithTestResource(value = MongoResource.class, parallel = true)
@WithTestResource(value = KafkaResource.class, parallel = true)
class RegistryImportsTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String SECRET = "test-notification-secret";

    static DockerRegistryServer registry;
    static RecordingProxy proxy;
    static DockerRegistryServer privateRegistry;

    @Inject
    @Any
    InMemoryConnector connector;

    @TestHTTPResource("/api/v1/registry-events")
    URL registryEvents;

    @BeforeAll
    static void startRegistries() {
        registry = DockerRegistryServer.start();
        proxy = RecordingProxy.start(registry.url());
        privateRegistry = DockerRegistryServer.builder().basicAuth(Map.of("puller", "pull-pass-1")).start();
    }

    @AfterAll
    static void stopRegistries() {
        if (proxy != null) {
            proxy.close();
        }
        if (registry != null) {
            registry.close();
        }
        if (privateRegistry != null) {
            privateRegistry.close();
        }
    }

    @Test
    void looksUpSingleAndMultiArchImages() {
        // given
        String repo = "team/app-" + suffix();
        RegistryPusher pusher = new RegistryPusher(registry.url());
        PushedImage single = pusher.push(repo, "v1", ImageSpec.linux("amd64"));
        PushedIndex multi = pusher.pushIndex(repo, "multi", List.of(ImageSpec.linux("amd64"), ImageSpec.linux("arm64")));
        String host = registry.hostPort();

        // when
        JsonPath answer = lookup(namespace(), List.of(
                image(host + "/" + repo + ":v1", "Legacy"),
                image(host + "/" + repo + ":multi", "Legacy"),
                image(host + "/" + repo + ":multi", "PreserveOriginal"),
                image(host + "/" + repo + ":missing", "Legacy")), null);

        // then
        assertThat(answer.getString("images[0].status.status")).isEqualTo("Success");
        assertThat(answer.getString("images[0].tag")).isEqualTo("v1");
        assertThat(answer.getString("images[0].image.metadata.name")).isEqualTo(single.digest());
        assertThat(answer.getString("images[0].image.dockerImageReference")).isEqualTo(host + "/" + repo + "@" + single.digest());
        assertThat(answer.getString("images[0].image.dockerImageMetadata.Architecture")).isEqualTo("amd64");
        assertThat(answer.getString("images[1].image.metadata.name")).isEqualTo(multi.child("linux", "amd64").digest());
        assertThat(answer.getString("images[2].image.metadata.name")).isEqualTo(multi.digest());
        assertThat(answer.getList("images[2].manifests.metadata.name")).containsExactlyInAnyOrder(
                multi.child("linux", "amd64").digest(), multi.child("linux", "arm64").digest());
        assertThat(answer.getString("images[3].status.status")).isEqualTo("Failure");
        assertThat(answer.getString("images[3].status.reason")).isEqualTo("NotFound");
        assertThat(answer.getString("images[3].status.message")).contains(repo + ":missing").contains("not found");
    }

    @Test
    void aLookupPicksTheChildTheTargetTagPrefers() {
        // given
        String repo = "team/prefer-" + suffix();
        PushedIndex multi = new RegistryPusher(registry.url()).pushIndex(repo, "multi",
                List.of(ImageSpec.linux("amd64"), ImageSpec.linux("arm64")));
        String tag = registry.hostPort() + "/" + repo + ":multi";
        String digest = registry.hostPort() + "/" + repo + "@" + multi.digest();

        // when: the target tags prefer arm64, nothing, s390x (no such child), and arm64 for an import by digest
        JsonPath answer = lookup(namespace(), List.of(image(tag, "Legacy"), image(tag, "Legacy"), image(tag, "Legacy"),
                image(digest, "Legacy")), null, """
                [{"preferArch": "arm64"}, null, {"preferArch": "s390x", "preferOs": "linux"}, {"preferArch": "arm64"}]""");

        // then
        String amd64 = multi.child("linux", "amd64").digest();
        String arm64 = multi.child("linux", "arm64").digest();
        assertThat(answer.getString("images[0].image.metadata.name")).isEqualTo(arm64);
        assertThat(answer.getString("images[0].image.dockerImageReference")).isEqualTo(registry.hostPort() + "/" + repo + "@" + arm64);
        assertThat(answer.getString("images[1].image.metadata.name")).isEqualTo(amd64);
        assertThat(answer.getString("images[2].image.metadata.name")).isEqualTo(amd64);
        // a digest names the list: no preference, as in OpenShift
        assertThat(answer.getString("images[3].image.metadata.name")).isEqualTo(amd64);
    }

    @Test
    void aHostThatIsNotARegistryFailsWithNotV2RegistryWhileARealRegistryImports() {
        // given: a web server answering 404, a web site answering its page, and an image on the real registry
        String repo = "team/real-" + suffix();
        PushedImage real = new RegistryPusher(registry.url()).push(repo, "v1", ImageSpec.linux("amd64"));
        try (WebServer notFound = WebServer.notFoundEverywhere(); WebServer site = WebServer.htmlEverywhere()) {
            String ns = namespace();

            // when
            JsonPath answer = lookup(ns, List.of(image(notFound.hostPort() + "/team/app:v1", "Legacy"),
                    image(site.hostPort() + "/team/app:v1", "Legacy"),
                    image(registry.hostPort() + "/" + repo + ":v1", "Legacy")), null);
            JsonPath repository = lookup(ns, List.of(), notFound.hostPort() + "/team/app");

            // then
            assertThat(answer.getString("images[0].status.status")).isEqualTo("Failure");
            assertThat(answer.getString("images[0].status.reason")).isEqualTo("NotV2Registry");
            assertThat(answer.getInt("images[0].status.code")).isEqualTo(403);
            assertThat(answer.getString("images[0].status.message"))
                    .startsWith("registry \"" + notFound.hostPort() + "\" does not support the v2 Registry API");
            assertThat(answer.getString("images[1].status.reason")).isEqualTo("NotV2Registry");
            assertThat(answer.getString("images[2].status.status")).isEqualTo("Success");
            assertThat(answer.getString("images[2].image.metadata.name")).isEqualTo(real.digest());
            assertThat(repository.getString("repository.status.reason")).isEqualTo("NotV2Registry");

            // when: the same host asked for by an import request
            TestEvents.send(connector, ImportRequestsConsumer.CHANNEL, new ImportRequested(ns, "app", List.of(new ImportTag("v1",
                    notFound.hostPort() + "/team/app:v1", 3, new ImportPolicy(true, false, "Legacy"), "Source"))));

            // then: the tag fails with the reason stream-service records in its ImportSuccess=False condition
            JsonPath failed = awaitResult(EventTypes.IMPORT_FAILED, ns, 1);
            assertThat(failed.getString("reason")).isEqualTo("NotV2Registry");
            assertThat(failed.getString("message")).contains("does not support the v2 Registry API");
            assertThat(failed.getLong("generation")).isEqualTo(3);
        }
    }

    @Test
    void anHttpsRegistryWhoseCertificateCannotBeVerifiedIsReadOnlyWhenTheTagOrTheRegistryIsInsecure() {
        try (DockerRegistryServer tls = DockerRegistryServer.builder().tls().start()) {
            // given
            String repo = "team/tls-" + suffix();
            PushedImage pushed = tls.pusher().push(repo, "v1", ImageSpec.linux("amd64"));
            String from = tls.hostPort() + "/" + repo + ":v1";
            String ns = namespace();

            // when: neither the tag nor the registry's settings say insecure
            JsonPath strict = lookup(ns, List.of(image(from, "Legacy", false)), null);
            TestEvents.send(connector, ImportRequestsConsumer.CHANNEL, new ImportRequested(ns, "app", List.of(new ImportTag("v1",
                    from, 2, new ImportPolicy(false, false, "Legacy"), "Source"))));

            // then: refused per image and per tag, naming the certificate problem
            assertThat(strict.getString("images[0].status.status")).isEqualTo("Failure");
            assertThat(strict.getString("images[0].status.reason")).isEqualTo("BadRequest");
            assertThat(strict.getInt("images[0].status.code")).isEqualTo(400);
            assertThat(strict.getString("images[0].status.message")).isEqualTo("the repository " + tls.hostPort() + "/" + repo
                    + " is served with a TLS certificate that cannot be verified (x509: certificate signed by unknown"
                    + " authority) and requires the insecure flag to import");
            JsonPath failed = awaitResult(EventTypes.IMPORT_FAILED, ns, 1);
            assertThat(failed.getString("reason")).isEqualTo("BadRequest");
            assertThat(failed.getString("message")).contains("x509: certificate signed by unknown authority");

            // when / then: the tag says insecure
            JsonPath byTag = lookup(ns, List.of(image(from, "Legacy", true)), null);
            assertThat(byTag.getString("images[0].status.status")).isEqualTo("Success");
            assertThat(byTag.getString("images[0].image.metadata.name")).isEqualTo(pushed.digest());

            // when / then: the registry is marked insecure, the tag is not
            given().contentType("application/json").body("{\"insecure\": true}").put("/api/v1/registries/" + tls.hostPort())
                    .then().statusCode(201);
            try {
                JsonPath byRegistry = lookup(ns, List.of(image(from, "Legacy", false)), null);
                assertThat(byRegistry.getString("images[0].status.status")).isEqualTo("Success");
                assertThat(byRegistry.getString("images[0].image.dockerImageReference"))
                        .isEqualTo(tls.hostPort() + "/" + repo + "@" + pushed.digest());
            } finally {
                given().delete("/api/v1/registries/" + tls.hostPort()).then().statusCode(204);
            }
        }
    }

    @Test
    void importsAWholeRepositoryInOpenShiftsOrderUpToTheCap() {
        // given: latest and 55 minor versions, more than the cap of 50
        String repo = "team/all-" + suffix();
        List<String> tags = new ArrayList<>(List.of("latest"));
        IntStream.range(0, 55).forEach(i -> tags.add("1." + i));
        new RegistryPusher(registry.url()).pushTags(repo, tags, ImageSpec.linux("amd64"));

        // when
        JsonPath answer = lookup(namespace(), List.of(), registry.hostPort() + "/" + repo);

        // then
        List<String> imported = answer.getList("repository.images.tag");
        assertThat(imported).hasSize(50);
        assertThat(imported.subList(0, 4)).containsExactly("latest", "1.54", "1.53", "1.52");
        assertThat(answer.getList("repository.additionalTags", String.class))
                .containsExactly("1.5", "1.4", "1.3", "1.2", "1.1", "1.0");
        assertThat(answer.getString("repository.status.status")).isEqualTo("Success");
    }

    @Test
    void aPrivateRepositoryNeedsTheNamespacesCredential() {
        // given
        String repo = "private/app-" + suffix();
        new RegistryPusher(privateRegistry.url(), "puller", "pull-pass-1").push(repo, "v1", ImageSpec.linux("amd64"));
        String ns = namespace();
        String from = privateRegistry.hostPort() + "/" + repo + ":v1";

        // when / then: without a credential
        JsonPath refused = lookup(ns, List.of(image(from, "Legacy")), null);
        assertThat(refused.getString("images[0].status.reason")).isEqualTo("Unauthorized");

        // when / then: with one
        String auth = Base64.getEncoder().encodeToString("puller:pull-pass-1".getBytes());
        given().contentType("application/json")
                .body("{\"auths\": {\"" + privateRegistry.hostPort() + "\": {\"auth\": \"" + auth + "\"}}}")
                .put("/api/v1/credentials/" + ns).then().statusCode(201);
        JsonPath allowed = lookup(ns, List.of(image(from, "Legacy")), null);
        assertThat(allowed.getString("images[0].status.status")).isEqualTo("Success");
    }

    @Test
    void aRateLimitedRegistryIsReportedPerImage() {
        // given: a registry of its own, so its rate budget does not hold up other tests
        String repo = "team/limited-" + suffix();
        new RegistryPusher(registry.url()).push(repo, "v1", ImageSpec.linux("amd64"));
        try (RecordingProxy limited = RecordingProxy.start(registry.url())) {
            limited.answerNext(1, RecordingProxy.tooManyRequests("120", Map.of("RateLimit-Remaining", "0")));

            // when
            JsonPath answer = lookup(namespace(), List.of(image(limited.hostPort() + "/" + repo + ":v1", "Legacy")), null);

            // then
            assertThat(answer.getString("images[0].status.reason")).isEqualTo("RateLimited");
            assertThat(answer.getInt("images[0].status.code")).isEqualTo(429);
        }
    }

    @Test
    void anImportRequestIsAnsweredWithTheImage() {
        // given
        String repo = "team/async-" + suffix();
        PushedImage pushed = new RegistryPusher(registry.url()).push(repo, "v1", ImageSpec.linux("amd64"));
        String ns = namespace();

        // when
        TestEvents.send(connector, ImportRequestsConsumer.CHANNEL, new ImportRequested(ns, "app", List.of(new ImportTag("v1",
                registry.hostPort() + "/" + repo + ":v1", 2, new ImportPolicy(true, false, "Legacy"), "Source"))));

        // then
        JsonPath result = awaitResult(EventTypes.IMPORT_SUCCEEDED, ns, 1);
        assertThat(result.getString("tag")).isEqualTo("v1");
        assertThat(result.getLong("generation")).isEqualTo(2);
        assertThat(result.getString("image.metadata.name")).isEqualTo(pushed.digest());
        assertThat(result.getString("dockerImageReference")).isEqualTo(registry.hostPort() + "/" + repo + "@" + pushed.digest());
        assertThat(result.getString("scheduledFrom")).isNull();
    }

    @Test
    void anImportRequestPicksTheChildTheTagPrefers() {
        // given
        String repo = "team/async-prefer-" + suffix();
        PushedIndex multi = new RegistryPusher(registry.url()).pushIndex(repo, "v1",
                List.of(ImageSpec.linux("amd64"), ImageSpec.linux("arm64")));
        String from = registry.hostPort() + "/" + repo + ":v1";
        String ns = namespace();
        ImportPolicy legacy = new ImportPolicy(true, false, "Legacy");

        // when
        TestEvents.send(connector, ImportRequestsConsumer.CHANNEL, new ImportRequested(ns, "app", List.of(
                new ImportTag("arm", from, 2, legacy, "Source", "arm64", null),
                new ImportTag("default", from, 2, legacy, "Source"),
                new ImportTag("unmatched", from, 2, legacy, "Source", "riscv64", "linux"))));

        // then
        List<JsonPath> results = IntStream.rangeClosed(1, 3).mapToObj(i -> awaitResult(EventTypes.IMPORT_SUCCEEDED, ns, i)).toList();
        assertThat(results).extracting(r -> r.getString("tag")).containsExactly("arm", "default", "unmatched");
        assertThat(results).extracting(r -> r.getString("image.metadata.name")).containsExactly(
                multi.child("linux", "arm64").digest(), multi.child("linux", "amd64").digest(),
                multi.child("linux", "amd64").digest());
        assertThat(results.get(0).getString("dockerImageReference"))
                .isEqualTo(registry.hostPort() + "/" + repo + "@" + multi.child("linux", "arm64").digest());
    }

    @Test
    void aScheduledTagImportsTheChildItPrefersAndANewPreferenceAtItsNextCheck() {
        // given: a scheduled tag that prefers arm64
        String repo = "team/sched-prefer-" + suffix();
        PushedIndex multi = new RegistryPusher(registry.url()).pushIndex(repo, "v1",
                List.of(ImageSpec.linux("amd64"), ImageSpec.linux("arm64")));
        String from = registry.hostPort() + "/" + repo + ":v1";
        String ns = namespace();
        TestEvents.send(connector, StreamEventsConsumer.CHANNEL, new StreamCreated(ns, "app", "uid", 1, List.of(
                TestEvents.dockerTag("v1", from, true, 1, "arm64", null))));
        awaitTracked(ns);
        given().get("/api/v1/schedules/" + ns + "/app/v1").then().body("preferArch", org.hamcrest.Matchers.equalTo("arm64"));

        // when
        checkNowAndAwait(ns, "Updated", 1);

        // then
        assertThat(awaitResult(EventTypes.IMPORT_SUCCEEDED, ns, 1).getString("image.metadata.name"))
                .isEqualTo(multi.child("linux", "arm64").digest());

        // when: the preference is removed (the list is unchanged) and the tag is checked again
        TestEvents.send(connector, StreamEventsConsumer.CHANNEL, new StreamUpdated(ns, "app", "uid", 2, List.of(
                TestEvents.dockerTag("v1", from, true, 1))));
        await().atMost(WAIT).untilAsserted(() -> given().get("/api/v1/schedules/" + ns + "/app/v1").then()
                .body("preferArch", org.hamcrest.Matchers.nullValue())
                .body("lastDigest", org.hamcrest.Matchers.nullValue()));
        checkNowAndAwait(ns, "Updated", 2);

        // then: the default platform's child is imported
        assertThat(awaitResult(EventTypes.IMPORT_SUCCEEDED, ns, 2).getString("image.metadata.name"))
                .isEqualTo(multi.child("linux", "amd64").digest());
    }

    @Test
    void anUnchangedScheduledTagCostsOneHeadAndANewDigestIsImported() {
        // given: a scheduled tag read through the recording proxy, checked once
        String repo = "team/sched-" + suffix();
        RegistryPusher pusher = new RegistryPusher(registry.url());
        pusher.push(repo, "v1", ImageSpec.linux("amd64"));
        String ns = namespace();
        TestEvents.send(connector, StreamEventsConsumer.CHANNEL, new StreamCreated(ns, "app", "uid", 1, List.of(
                TestEvents.dockerTag("v1", proxy.hostPort() + "/" + repo + ":v1", true, 1))));
        awaitTracked(ns);
        checkNowAndAwait(ns, "Updated", 1);
        assertThat(TestEvents.published(connector, ImportResultsPublisher.CHANNEL, EventTypes.IMPORT_SUCCEEDED, ns)).hasSize(1);

        // when: checked again with nothing pushed
        proxy.clearRequests();
        checkNowAndAwait(ns, "Unchanged", 2);

        // then: exactly one request, a manifest HEAD, and no event
        assertThat(proxy.requests().stream().filter(r -> r.path().contains("/" + repo + "/")))
                .singleElement().satisfies(r -> {
                    assertThat(r.method()).isEqualTo("HEAD");
                    assertThat(r.path()).isEqualTo("/v2/" + repo + "/manifests/v1");
                });
        assertThat(TestEvents.published(connector, ImportResultsPublisher.CHANNEL, EventTypes.IMPORT_SUCCEEDED, ns)).hasSize(1);

        // when: a new image is pushed under the tag
        PushedImage next = pusher.push(repo, "v1", ImageSpec.linux("amd64").withLabels(Map.of("build", "2")));
        checkNowAndAwait(ns, "Updated", 3);

        // then
        JsonPath result = awaitResult(EventTypes.IMPORT_SUCCEEDED, ns, 2);
        assertThat(result.getString("image.metadata.name")).isEqualTo(next.digest());
        // applies whatever generation this service had seen, while the tag still imports this pull spec
        assertThat(result.getString("scheduledFrom")).isEqualTo(proxy.hostPort() + "/" + repo + ":v1");
        given().get("/api/v1/schedules/" + ns + "/app/v1").then().statusCode(200)
                .body("lastDigest", org.hamcrest.Matchers.equalTo(next.digest()));
    }

    @Test
    void aPushNotificationChecksTheTagAtOnce() {
        // given: a registry that notifies this service, and a scheduled tag on it checked once
        try (DockerRegistryServer notifying = DockerRegistryServer.builder()
                .notifications(NotificationEndpoint.to(URI.create(registryEvents.toString()), Map.of("Authorization", "Bearer " + SECRET)))
                .start()) {
            String repo = "team/pushed-" + suffix();
            RegistryPusher pusher = new RegistryPusher(notifying.url());
            PushedImage first = pusher.push(repo, "v1", ImageSpec.linux("amd64"));
            String ns = namespace();
            TestEvents.send(connector, StreamEventsConsumer.CHANNEL, new StreamCreated(ns, "app", "uid", 1, List.of(
                    TestEvents.dockerTag("v1", notifying.hostPort() + "/" + repo + ":v1", true, 1))));
            awaitTracked(ns);
            // the first push's own notification may already have checked it
            given().post("/api/v1/schedules/" + ns + "/app/v1/check").then().statusCode(202);
            await().atMost(WAIT).untilAsserted(() -> given().get("/api/v1/schedules/" + ns + "/app/v1").then()
                    .body("lastDigest", org.hamcrest.Matchers.equalTo(first.digest())));

            // when: a new image is pushed (the schedule's next check is an hour away)
            PushedImage next = pusher.push(repo, "v1", ImageSpec.linux("amd64").withLabels(Map.of("build", "2")));

            // then: the notification makes the tag due and the new digest is imported
            JsonPath result = awaitResult(EventTypes.IMPORT_SUCCEEDED, ns, 2);
            assertThat(result.getString("image.metadata.name")).isEqualTo(next.digest());
        }
    }

    @Test
    void aNotificationIsTrustedForItsDigestEvenBeforeTheRegistryMovesTheTag() {
        // given: a scheduled tag checked once; a new image exists in the repository but the tag does not point at it
        // yet (distribution announces a push before it writes the tag)
        String repo = "team/early-" + suffix();
        RegistryPusher pusher = new RegistryPusher(registry.url());
        pusher.push(repo, "v1", ImageSpec.linux("amd64"));
        PushedImage announced = pusher.push(repo, "staging", ImageSpec.linux("amd64").withLabels(Map.of("build", "2")));
        String ns = namespace();
        TestEvents.send(connector, StreamEventsConsumer.CHANNEL, new StreamCreated(ns, "app", "uid", 1, List.of(
                TestEvents.dockerTag("v1", registry.hostPort() + "/" + repo + ":v1", true, 1))));
        awaitTracked(ns);
        checkNowAndAwait(ns, "Updated", 1);

        // when: the registry announces v1 → the new digest
        given().contentType("application/vnd.docker.distribution.events.v1+json").header("Authorization", "Bearer " + SECRET)
                .body("""
                        {"events": [{"action": "push", "target": {"mediaType": "%s", "digest": "%s", "repository": "%s",
                          "tag": "v1", "url": "http://%s/v2/%s/manifests/%s"}, "request": {"host": "%s"}}]}"""
                        .formatted(announced.mediaType(), announced.digest(), repo, registry.hostPort(), repo,
                                announced.digest(), registry.hostPort()))
                .post("/api/v1/registry-events").then().statusCode(200).body("tagsDue", org.hamcrest.Matchers.equalTo(1));

        // then: the announced image is imported, by digest
        JsonPath result = awaitResult(EventTypes.IMPORT_SUCCEEDED, ns, 2);
        assertThat(result.getString("image.metadata.name")).isEqualTo(announced.digest());
        assertThat(result.getString("dockerImageReference")).isEqualTo(registry.hostPort() + "/" + repo + "@" + announced.digest());
        assertThat(result.getString("scheduledFrom")).isEqualTo(registry.hostPort() + "/" + repo + ":v1");
    }

    private void awaitTracked(String ns) {
        await().atMost(WAIT).untilAsserted(() -> given().get("/api/v1/schedules/" + ns + "/app/v1").then().statusCode(200));
    }

    /** Asks for a check now and waits until the tag's {@code count}-th check has finished with {@code result}. */
    private void checkNowAndAwait(String ns, String result, int count) {
        given().post("/api/v1/schedules/" + ns + "/app/v1/check").then().statusCode(202);
        await().atMost(WAIT).untilAsserted(() -> {
            JsonPath schedule = given().get("/api/v1/schedules/" + ns + "/app/v1").then().extract().jsonPath();
            assertThat(schedule.getInt("checks")).as("checks of %s", ns).isEqualTo(count);
            assertThat(schedule.getString("lastResult")).as("check %d of %s (%s)", count, ns, schedule.getString("lastMessage"))
                    .isEqualTo(result);
        });
    }

    private JsonPath awaitResult(String type, String ns, int count) {
        List<Message<String>> results = new ArrayList<>();
        await().atMost(WAIT).untilAsserted(() -> {
            results.clear();
            results.addAll(TestEvents.published(connector, ImportResultsPublisher.CHANNEL, type, ns));
            assertThat(results).hasSizeGreaterThanOrEqualTo(count);
        });
        return JsonPath.from(results.get(count - 1).getPayload());
    }

    private static JsonPath lookup(String ns, List<String> images, String repository) {
        return lookup(ns, images, repository, null);
    }

    /** @param platformPreferences the JSON of the lookup's {@code platformPreferences}, or null for none */
    private static JsonPath lookup(String ns, List<String> images, String repository, String platformPreferences) {
        String body = """
                {"kind": "ImageStreamImport", "apiVersion": "image.openshift.io/v1",
                 "metadata": {"name": "app", "namespace": "%s"},
                 "spec": {"import": true, "images": [%s]%s},
                 "status": {}%s}""".formatted(ns, String.join(",", images), repository == null ? ""
                : ", \"repository\": {\"from\": {\"kind\": \"DockerImage\", \"name\": \"" + repository
                        + "\"}, \"importPolicy\": {\"insecure\": true}}",
                platformPreferences == null ? "" : ", \"platformPreferences\": " + platformPreferences);
        return given().contentType("application/json").body(body).post("/api/v1/lookups")
                .then().statusCode(200).extract().jsonPath();
    }

    private static String image(String from, String importMode) {
        return image(from, importMode, true);
    }

    private static String image(String from, String importMode, boolean insecure) {
        return """
                {"from": {"kind": "DockerImage", "name": "%s"}, "to": {"name": "t"},
                 "importPolicy": {"insecure": %s, "importMode": "%s"}}""".formatted(from, insecure, importMode);
    }

    private static String namespace() {
        return "ns-" + suffix();
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
