package io.imagestreams.stream.service.imports;

import static org.assertj.core.api.Assertions.assertThat;

import io.imagestreams.api.image.Image;
import io.imagestreams.api.image.ImageDefaults;
import io.imagestreams.api.image.ImageImportSpec;
import io.imagestreams.api.image.ImageImportStatus;
import io.imagestreams.api.image.ImageStream;
import io.imagestreams.api.image.ImageStreamImport;
import io.imagestreams.api.image.ImageStreamImportStatus;
import io.imagestreams.api.image.RepositoryImportSpec;
import io.imagestreams.api.image.RepositoryImportStatus;
import io.imagestreams.api.image.TagEvent;
import io.imagestreams.api.image.TagReference;
import io.imagestreams.api.json.ImageApiJson;
import io.imagestreams.api.meta.Status;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How one ImageStreamImport's results land in its stream, before anything is stored. */
class ImportRecorderTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    private static final String A = "sha256:" + "a".repeat(64);

    @Test
    void aLookupWithoutTargetTagChangesNothing() {
        // given
        ImageStreamImport isi = ImageDefaults.apply(ImageStreamImport.of("demo", "app", true)
                .withImage(ImageImportSpec.fromDockerImage("quay.io/acme/app@" + A)));
        ImageStream stream = ImageStream.of("demo", "app");
        ImageStream before = ImageApiJson.deepCopy(stream);

        // when
        List<ImageImportStatus> imported = ImportRecorder.record(isi.getSpec(), answer(success("quay.io/acme/app", null)), stream, 1, NOW);

        // then
        assertThat(imported).isEmpty();
        assertThat(stream).isEqualTo(before);
    }

    @Test
    void oneImageImportedIntoTwoTagsIsOneEventEachAndTwoImagesToStore() {
        // given
        ImageStreamImport isi = ImageDefaults.apply(ImageStreamImport.of("demo", "app", true)
                .withImage(ImageImportSpec.fromDockerImage("quay.io/acme/app:v1"))
                .withImage(ImageImportSpec.fromDockerImage("quay.io/acme/app:v1").to("stable")));
        ImageStream stream = ImageStream.of("demo", "app");

        // when
        List<ImageImportStatus> imported = ImportRecorder.record(isi.getSpec(),
                answer(success("quay.io/acme/app", "v1"), success("quay.io/acme/app", "v1")), stream, 1, NOW);

        // then
        assertThat(imported).hasSize(2);
        assertThat(stream.getSpec().getTags()).extracting(TagReference::getName).containsExactlyInAnyOrder("v1", "stable");
        assertThat(stream.getSpec().findTag("stable").orElseThrow().getFrom().getName()).isEqualTo("quay.io/acme/app:v1");
        assertThat(stream.getStatus().getTags()).allSatisfy(history ->
                assertThat(history.getItems()).containsExactly(TagEvent.of(NOW, "quay.io/acme/app@" + A, A, 1)));
    }

    @Test
    void aRepositoryTagPointsItsSpecTagAtTheTagAndAFailedOneGetsNoSpecTag() {
        // given
        ImageStreamImport isi = ImageStreamImport.of("demo", "lib", true);
        isi.getSpec().setRepository(RepositoryImportSpec.fromDockerImage("quay.io/acme/lib"));
        ImageDefaults.apply(isi);
        RepositoryImportStatus repository = new RepositoryImportStatus();
        repository.getImages().add(success("quay.io/acme/lib", "1.0"));
        ImageImportStatus failed = ImageImportStatus.failed(Status.notFound("image.openshift.io", "dockerimage", "quay.io/acme/lib:2.0"));
        failed.setTag("2.0");
        repository.getImages().add(failed);
        ImageStreamImportStatus answer = new ImageStreamImportStatus();
        answer.setRepository(repository);
        ImageStream stream = ImageStream.of("demo", "lib");

        // when
        ImportRecorder.record(isi.getSpec(), answer, stream, 1, NOW);

        // then
        assertThat(stream.getSpec().getTags()).extracting(TagReference::getName).containsExactly("1.0");
        assertThat(stream.getSpec().findTag("1.0").orElseThrow().getFrom().getName()).isEqualTo("quay.io/acme/lib:1.0");
        assertThat(stream.getStatus().getTags()).filteredOn(history -> history.getTag().equals("2.0"))
                .singleElement().satisfies(history -> {
                    assertThat(history.getItems()).isEmpty();
                    assertThat(history.getConditions()).singleElement()
                            .satisfies(condition -> assertThat(condition.getReason()).isEqualTo("NotFound"));
                });
    }

    private static ImageImportStatus success(String repository, String tag) {
        return ImageImportStatus.succeeded(Image.named(A).withDockerImageReference(repository + "@" + A), tag);
    }

    private static ImageStreamImportStatus answer(ImageImportStatus... results) {
        ImageStreamImportStatus status = new ImageStreamImportStatus();
        status.setImages(List.of(results));
        return status;
    }
}
