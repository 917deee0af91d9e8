package io.imagestreams.api.image;

import static io.imagestreams.api.testing.Json.assertSameJson;
import static org.assertj.core.api.Assertions.assertThat;

import io.imagestreams.api.meta.LocalObjectReference;
import io.imagestreams.api.testing.Fixtures;
import io.imagestreams.api.testing.Json;
import org.junit.jupiter.api.Test;

class ImageDefaultsTest {

    @Test
    void defaultingAndOrderingTheCuratedStreamGivesWhatTheServerStores() {
        // given
        ImageStream stream = Json.read(Fixtures.read("ruby-imagestream.json"), ImageStream.class);

        // when
        TagOrder.normalize(ImageDefaults.apply(stream));

        // then
        assertSameJson(Json.write(stream), Fixtures.read("ruby-imagestream-defaulted.json"));
    }

    @Test
    void anEmptyReferencePolicyBecomesSourceAndAnEmptyImportModeLegacy() {
        // given
        ImageStream stream = ImageStream.of("demo", "app").withSpecTag(TagReference.named("latest"));

        // when
        ImageDefaults.apply(stream);

        // then
        TagReference tag = stream.getSpec().getTags().get(0);
        assertThat(tag.getReferencePolicy().getType()).isEqualTo(TagReferencePolicy.SOURCE);
        assertThat(tag.getImportPolicy().getImportMode()).isEqualTo(TagImportPolicy.LEGACY);
    }

    @Test
    void valuesAlreadySetAreKept() {
        // given
        TagReference tag = TagReference.named("latest")
                .withReferencePolicy(TagReferencePolicy.LOCAL)
                .withImportPolicy(TagImportPolicy.of(false, true, TagImportPolicy.PRESERVE_ORIGINAL));

        // when
        ImageDefaults.apply(tag, ImageDefaults.DEFAULT_IMPORT_MODE);

        // then
        assertThat(tag.getReferencePolicy().getType()).isEqualTo(TagReferencePolicy.LOCAL);
        assertThat(tag.getImportPolicy().getImportMode()).isEqualTo(TagImportPolicy.PRESERVE_ORIGINAL);
    }

    @Test
    void aClusterWideImportModeReplacesLegacyAsTheDefault() {
        // given
        ImageStream stream = ImageStream.of("demo", "app").withSpecTag(TagReference.named("latest"));

        // when
        ImageDefaults.apply(stream, TagImportPolicy.PRESERVE_ORIGINAL);

        // then
        assertThat(stream.getSpec().getTags().get(0).getImportPolicy().getImportMode())
                .isEqualTo(TagImportPolicy.PRESERVE_ORIGINAL);
    }

    @Test
    void anImportRequestGetsPolicyDefaultsAndTargetsFromItsTags() {
        // given
        ImageStreamImport request = Json.read(Fixtures.read("approved-apache-import-request.json"),
                ImageStreamImport.class);
        request.withImage(ImageImportSpec.fromDockerImage("quay.io/demo/app@sha256:" + "c".repeat(64)));
        request.withImage(ImageImportSpec.fromDockerImage("quay.io/demo/app:2.0").to("stable"));
        request.getSpec().setRepository(RepositoryImportSpec.fromDockerImage("quay.io/demo/app"));

        // when
        ImageDefaults.apply(request);

        // then
        assertThat(request.getSpec().getImages())
                .extracting(ImageImportSpec::getTo)
                .containsExactly(new LocalObjectReference("2.4"), null, new LocalObjectReference("stable"));
        assertThat(request.getSpec().getImages())
                .allSatisfy(image -> {
                    assertThat(image.getReferencePolicy().getType()).isEqualTo(TagReferencePolicy.SOURCE);
                    assertThat(image.getImportPolicy().getImportMode()).isEqualTo(TagImportPolicy.LEGACY);
                });
        assertThat(request.getSpec().getRepository().getReferencePolicy().getType())
                .isEqualTo(TagReferencePolicy.SOURCE);
        assertThat(request.getSpec().getRepository().getImportPolicy().getImportMode())
                .isEqualTo(TagImportPolicy.LEGACY);
    }

    @Test
    void anUnparsableImportSourceGetsNoTarget() {
        // given
        ImageStreamImport request = ImageStreamImport.of("demo", "app", true)
                .withImage(ImageImportSpec.fromDockerImage("Not A Pull Spec:1"));

        // when
        ImageDefaults.apply(request);

        // then
        assertThat(request.getSpec().getImages().get(0).getTo()).isNull();
    }

    @Test
    void theStreamInsideAnImportAnswerAndTheTagOfAnImageStreamTagAreDefaultedToo() {
        // given
        ImageStreamImport response = ImageStreamImport.of("demo", "app", true);
        response.getStatus().setImport(ImageStream.of("demo", "app").withSpecTag(TagReference.named("a")));
        ImageStreamTag istag = ImageStreamTag.of("demo", "app", "a");
        istag.setTag(TagReference.named("a"));
        ImageStreamTag pushOnly = ImageStreamTag.of("demo", "app", "b");

        // when
        ImageDefaults.apply(response);
        ImageDefaults.apply(new ImageStreamTagList(java.util.List.of(istag, pushOnly)));

        // then
        assertThat(response.getStatus().getImport().getSpec().getTags().get(0).getReferencePolicy().getType())
                .isEqualTo(TagReferencePolicy.SOURCE);
        assertThat(istag.getTag().getImportPolicy().getImportMode()).isEqualTo(TagImportPolicy.LEGACY);
        assertThat(pushOnly.getTag()).isNull();
    }
}
