package io.imagestreams.api.event;

import static io.imagestreams.api.testing.Json.assertSameJson;
import static org.assertj.core.api.Assertions.assertThat;

import io.imagestreams.api.image.Image;
import io.imagestreams.api.image.ImageAnnotations;
import io.imagestreams.api.image.ImageLayer;
import io.imagestreams.api.image.PlatformPreference;
import io.imagestreams.api.image.TagImportPolicy;
import io.imagestreams.api.image.TagReference;
import io.imagestreams.api.testing.Json;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class EventPayloadJsonTest {

    private static final String OLD = "sha256:e8b78ce0bc74a96bef4676126522717f3612e715d18888b1c8c9dbbfb9fa89c8";
    private static final String NEW = "sha256:1ff68d2e3445091561a258c94c33d73655c44f90fa408a91eeb74f496268f402";
    private static final Instant CREATED = Instant.parse("2026-11-22T10:00:00Z");

    static Stream<EventPayload> samples() {
        List<SpecTag> tags = List.of(
                SpecTag.of(TagReference.named("7.1").fromDockerImage("docker.io/centos/php-71-centos7:latest")
                        .withGeneration(2L)
                        .withImportPolicy(TagImportPolicy.of(false, true, TagImportPolicy.LEGACY))
                        .withReferencePolicy("Source")),
                SpecTag.of(TagReference.named("latest").fromImageStreamTag("7.1").withReferencePolicy("Local")),
                SpecTag.of(TagReference.named("arm").fromDockerImage("docker.io/centos/php-71-centos7:latest")
                        .withAnnotation(ImageAnnotations.IMPORTER_PREFER_ARCH, "arm64")));
        HistoryEntry entry = new HistoryEntry("7.1", 3, OLD, "docker.io/centos/php-71-centos7@" + OLD, CREATED, 1);
        Image image = Image.named(NEW).withDockerImageReference("docker.io/centos/php-71-centos7@" + NEW);
        image.setDockerImageLayers(List.of(new ImageLayer("sha256:" + "1".repeat(64), 1024,
                "application/vnd.oci.image.layer.v1.tar+gzip")));
        return Stream.of(
                new StreamCreated("openshift", "php", "36ad7e18", 1, tags),
                new StreamUpdated("openshift", "php", "36ad7e18", 2, tags),
                new StreamDeleted("openshift", "php", "36ad7e18", 3, List.of()),
                new TagUpdated("openshift", "php", "7.1", 2,
                        new ImageRef(NEW, "docker.io/centos/php-71-centos7@" + NEW,
                                "image-registry.openshift-image-registry.svc:5000/openshift/php@" + NEW, 441976279L,
                                null, CREATED),
                        new ImageRef(OLD, "docker.io/centos/php-71-centos7@" + OLD,
                                "docker.io/centos/php-71-centos7@" + OLD, null, List.of("sha256:" + "2".repeat(64)), CREATED.minusSeconds(60))),
                new TagUpdated("openshift", "php", "7.1", 2,
                        new ImageRef(NEW, "docker.io/centos/php-71-centos7@" + NEW, "docker.io/centos/php-71-centos7@" + NEW, null, null,
                                CREATED),
                        new ImageRef(NEW, "docker.io/centos/php-71-centos7@" + NEW, "docker.io/centos/php-71-centos7@" + NEW, null, null,
                                CREATED),
                        List.of(entry)),
                new TagDeleted("openshift", "php", "5.5", 4),
                new HistoryPruned("run-1", "openshift", "php", List.of(entry)),
                new HistoryRestored("run-1", "openshift", "php", List.of(entry)),
                new ImageDeleted(OLD, "run-1"),
                new ImportRequested("openshift", "php", List.of(new ImportTag("7.1",
                        "docker.io/centos/php-71-centos7:latest", 2, new ImportPolicy(true, false, "PreserveOriginal"),
                        "Local"), new ImportTag("arm", "docker.io/centos/php-71-centos7:latest", 2,
                        new ImportPolicy(false, false, "Legacy"), "Source", "arm64", "linux"))),
                new ImportSucceeded("openshift", "php", "7.1", 2, image, "docker.io/centos/php-71-centos7@" + NEW,
                        List.of(Image.named("sha256:" + "3".repeat(64)))),
                new ImportFailed("openshift", "php", "7.1", 2, "NotFound",
                        "dockerimage.image.openshift.io \"docker.io/centos/php-71-centos7:latest\" not found"),
                new PruneRevisions("run-1", "openshift", "php", "7.1", List.of(entry)),
                new RestoreRevisions("run-1", "openshift", "php", List.of(entry)),
                new DeleteImages("run-1", List.of(OLD)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void everyEventRoundTripsThroughTheSharedMapper(EventPayload payload) {
        // when
        EventPayload read = Json.read(Json.write(payload), payload.getClass());

        // then
        assertThat(read).isEqualTo(payload);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void everyEventTypeIsRoutedToItsPayloadClassAndTopic(EventPayload payload) {
        // when / then
        assertThat(EventTypes.payloadClass(payload.eventType())).contains(payload.getClass());
        assertThat(EventTypes.topic(payload.eventType())).isPresent();
        assertThat(payload.eventType()).matches("io\\.imagestreams\\.[a-z]+\\.[a-z]+\\.v1");
    }

    @Test
    void theSamplesCoverEveryPayloadType() {
        // when
        Set<Class<?>> sampled = samples().map(Object::getClass).collect(Collectors.toSet());

        // then
        assertThat(sampled).containsExactlyInAnyOrderElementsOf(Arrays.asList(EventPayload.class.getPermittedSubclasses()));
    }

    @Test
    void nullFieldsAreLeftOut() {
        // given
        TagUpdated firstImage = new TagUpdated("demo", "app", "latest", 1,
                new ImageRef(NEW, "quay.io/demo/app@" + NEW, "quay.io/demo/app@" + NEW, null, null, null), null);

        // when
        String json = Json.write(firstImage);

        // then
        assertSameJson(json, """
                {"namespace":"demo","stream":"app","tag":"latest","generation":1,
                 "image":{"digest":"%1$s","dockerImageReference":"quay.io/demo/app@%1$s",
                          "pullSpec":"quay.io/demo/app@%1$s"}}
                """.formatted(NEW));
    }

    @Test
    void historyEntriesWriteTheirTimeAsRfc3339() {
        // given
        HistoryEntry entry = new HistoryEntry("7.1", 0, NEW, "r@" + NEW, Instant.parse("2026-11-22T10:00:00.5Z"), 2);

        // when / then
        assertSameJson(Json.write(entry), """
                {"tag":"7.1","position":0,"image":"%1$s","dockerImageReference":"r@%1$s",
                 "created":"2026-11-22T10:00:00Z","generation":2}
                """.formatted(NEW));
    }

    @Test
    void aSpecTagCarriesItsSourceAndBothPolicies() {
        // given
        SpecTag tag = SpecTag.of(TagReference.named("prod").fromImageStreamImage("app@" + NEW)
                .withImportPolicy(TagImportPolicy.of(false, false, "Legacy")).withReferencePolicy("Source"));

        // when / then
        assertSameJson(Json.write(tag), """
                {"name":"prod","from":{"kind":"ImageStreamImage","name":"app@%s"},"reference":false,
                 "importPolicy":{"insecure":false,"scheduled":false,"importMode":"Legacy"},"referencePolicy":"Source"}
                """.formatted(NEW));
    }

    @Test
    void aSpecTagCarriesThePlatformItsAnnotationsPrefer() {
        // given
        SpecTag tag = SpecTag.of(TagReference.named("arm").fromDockerImage("quay.io/acme/app:1")
                .withAnnotation(ImageAnnotations.IMPORTER_PREFER_ARCH, "arm64")
                .withAnnotation(ImageAnnotations.IMPORTER_PREFER_OS, " ")
                .withAnnotation("team", "platform")
                .withImportPolicy(TagImportPolicy.of(false, true, "Legacy")).withReferencePolicy("Source"));

        // when / then: a blank part is unset, other annotations stay out of the event
        assertSameJson(Json.write(tag), """
                {"name":"arm","from":{"kind":"DockerImage","name":"quay.io/acme/app:1"},"reference":false,
                 "importPolicy":{"insecure":false,"scheduled":true,"importMode":"Legacy"},"referencePolicy":"Source",
                 "preferArch":"arm64"}
                """);
        assertThat(tag.platformPreference()).isEqualTo(new PlatformPreference("arm64", null));
    }

    @Test
    void eventsWithoutPlatformPreferenceReadAsBefore() {
        // given: an ImportRequested and a SpecTag written before the preference fields existed
        String request = """
                {"namespace":"demo","stream":"app","tags":[{"tag":"v1","from":"quay.io/acme/app:1","generation":2,
                 "importPolicy":{"insecure":false,"scheduled":false,"importMode":"Legacy"},"referencePolicy":"Source"}]}""";

        // when
        ImportRequested read = Json.read(request, ImportRequested.class);

        // then
        assertThat(read.tags()).containsExactly(new ImportTag("v1", "quay.io/acme/app:1", 2,
                new ImportPolicy(false, false, "Legacy"), "Source"));
        assertThat(read.tags().get(0).platformPreference().isEmpty()).isTrue();
        assertThat(Json.write(read)).doesNotContain("prefer");
    }

    @Test
    void fieldsAddedByANewerProducerAreIgnored() {
        // given
        String json = "{\"namespace\":\"demo\",\"stream\":\"app\",\"tag\":\"t\",\"generation\":1,\"addedLater\":[1]}";

        // when
        TagDeleted read = Json.read(json, TagDeleted.class);

        // then
        assertThat(read).isEqualTo(new TagDeleted("demo", "app", "t", 1));
    }

    @Test
    void streamEventsAreKeyedByNamespaceAndStream() {
        // when / then
        assertThat(new TagDeleted("demo", "app", "t", 1).partitionKey()).isEqualTo("demo/app");
        assertThat(new StreamCreated("demo", "app", "u", 1, null).partitionKey()).isEqualTo("demo/app");
        assertThat(new ImageDeleted(OLD, null).partitionKey()).isEqualTo(OLD);
        assertThat(new DeleteImages("run-7", List.of()).partitionKey()).isEqualTo("run-7");
    }

    @Test
    void listsInEventsAreImmutableCopies() {
        // given
        List<String> digests = new java.util.ArrayList<>(List.of(OLD));

        // when
        DeleteImages command = new DeleteImages("run-1", digests);
        digests.add(NEW);

        // then
        assertThat(command.digests()).containsExactly(OLD);
    }
}
