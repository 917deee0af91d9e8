package io.imagestreams.api.image;

import static io.imagestreams.api.testing.Json.assertSameJson;
import static org.assertj.core.api.Assertions.assertThat;

import io.imagestreams.api.meta.Status;
import io.imagestreams.api.testing.Fixtures;
import io.imagestreams.api.testing.Json;
import org.junit.jupiter.api.Test;

class ImageStreamImportJsonTest {

    @Test
    void theRequestOcImportImageSendsRoundTripsUnchanged() {
        // given oc import-image approved-apache:2.4 --from=bitnami/apache:2.4 --confirm
        String fixture = Fixtures.read("approved-apache-import-request.json");

        // when
        ImageStreamImport request = Json.read(fixture, ImageStreamImport.class);

        // then
        assertSameJson(Json.write(request), fixture);
        assertThat(request.getSpec().isImport()).isTrue();
        assertThat(request.getSpec().getImages()).singleElement()
                .satisfies(image -> assertThat(image.getFrom().getName()).isEqualTo("bitnami/apache:2.4"));
    }

    @Test
    void theAnswerWithTheUpdatedStreamAndAnEmbeddedSuccessRoundTripsUnchanged() {
        // given
        String fixture = Fixtures.read("approved-apache-import-response.json");

        // when
        ImageStreamImport response = Json.read(fixture, ImageStreamImport.class);

        // then
        assertSameJson(Json.write(response), fixture);
        ImageImportStatus result = response.getStatus().getImages().get(0);
        assertThat(result.getStatus().succeeded()).isTrue();
        assertThat(result.getStatus().getKind()).isNull();
        assertThat(response.getStatus().getImport().getStatus().findTag("2.4")).isPresent();
    }

    @Test
    void aDryRunWritesImportFalseAndAnEmptyStatus() {
        // given
        ImageStreamImport request = ImageStreamImport.of("demo", "app", false)
                .withImage(ImageImportSpec.fromDockerImage("quay.io/demo/app:1.0").to("1.0"));

        // when
        String json = Json.write(request);

        // then
        assertSameJson(json, """
                {"kind":"ImageStreamImport","apiVersion":"image.openshift.io/v1",
                 "metadata":{"name":"app","namespace":"demo","creationTimestamp":null},
                 "spec":{"import":false,"images":[{"from":{"kind":"DockerImage","name":"quay.io/demo/app:1.0"},
                   "to":{"name":"1.0"},"importPolicy":{},"referencePolicy":{"type":""}}]},
                 "status":{}}
                """);
        assertThat(Json.read(json, ImageStreamImport.class)).isEqualTo(request);
    }

    @Test
    void aRepositoryImportWritesItsSpecAndItsLeftOverTags() {
        // given
        ImageStreamImport request = ImageStreamImport.of("demo", "app", true);
        RepositoryImportSpec repository = RepositoryImportSpec.fromDockerImage("quay.io/demo/app");
        repository.setIncludeManifest(true);
        request.getSpec().setRepository(repository);
        RepositoryImportStatus outcome = new RepositoryImportStatus();
        outcome.setStatus(Status.success().withoutTypeMeta());
        outcome.getImages().add(ImageImportStatus.failed(Status.notFound("image.openshift.io", "dockerimage",
                "quay.io/demo/app:old")));
        outcome.getAdditionalTags().add("0.1");
        request.getStatus().setRepository(outcome);

        // when
        String json = Json.write(request);

        // then
        assertSameJson(json, """
                {"kind":"ImageStreamImport","apiVersion":"image.openshift.io/v1",
                 "metadata":{"name":"app","namespace":"demo","creationTimestamp":null},
                 "spec":{"import":true,"repository":{"from":{"kind":"DockerImage","name":"quay.io/demo/app"},
                   "importPolicy":{},"referencePolicy":{"type":""},"includeManifest":true}},
                 "status":{"repository":{"status":{"metadata":{},"status":"Success"},
                   "images":[{"status":{"metadata":{},"status":"Failure",
                     "message":"dockerimage.image.openshift.io \\"quay.io/demo/app:old\\" not found",
                     "reason":"NotFound",
                     "details":{"name":"quay.io/demo/app:old","group":"image.openshift.io","kind":"dockerimage"},
                     "code":404}}],
                   "additionalTags":["0.1"]}}}
                """);
        assertThat(Json.read(json, ImageStreamImport.class)).isEqualTo(request);
    }
}
