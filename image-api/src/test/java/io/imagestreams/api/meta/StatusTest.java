package io.imagestreams.api.meta;

import static io.imagestreams.api.testing.Json.assertSameJson;
import static org.assertj.core.api.Assertions.assertThat;

import io.imagestreams.api.testing.Fixtures;
import io.imagestreams.api.testing.Json;
import org.junit.jupiter.api.Test;

class StatusTest {

    private static final String GROUP = "image.openshift.io";

    @Test
    void notFoundNamesTheQualifiedResourceAndPutsTheResourceInDetailsKind() {
        // when
        Status status = Status.notFound(GROUP, "imagestreams", "foo");

        // then
        assertSameJson(Json.write(status), """
                {"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure",
                 "message":"imagestreams.image.openshift.io \\"foo\\" not found","reason":"NotFound",
                 "details":{"name":"foo","group":"image.openshift.io","kind":"imagestreams"},"code":404}
                """);
    }

    @Test
    void notFoundOfAnImageStreamTagQuotesTheWholeName() {
        // when / then
        assertThat(Status.notFound(GROUP, "imagestreamtags", "php:7.1").getMessage())
                .isEqualTo("imagestreamtags.image.openshift.io \"php:7.1\" not found");
    }

    @Test
    void alreadyExistsUsesTheApiserverWording() {
        // when
        Status status = Status.alreadyExists(GROUP, "imagestreamtag", "s:t");

        // then
        assertThat(status.getMessage()).isEqualTo("imagestreamtag.image.openshift.io \"s:t\" already exists");
        assertThat(status.getCode()).isEqualTo(409);
        assertThat(status.getReason()).isEqualTo(StatusReasons.ALREADY_EXISTS);
    }

    @Test
    void conflictOnAStaleUpdateSaysTheObjectHasBeenModified() {
        // when
        Status status = Status.conflict(GROUP, "imagestreams", "foo");

        // then
        assertThat(status.getMessage()).isEqualTo("Operation cannot be fulfilled on imagestreams.image.openshift.io"
                + " \"foo\": the object has been modified; please apply your changes to the latest version and try"
                + " again");
        assertThat(status.getCode()).isEqualTo(409);
        assertThat(status.getReason()).isEqualTo("Conflict");
        assertThat(status.getDetails().getKind()).isEqualTo("imagestreams");
    }

    @Test
    void conflictCanCarryAnotherCause() {
        // when
        Status status = Status.conflict(GROUP, "imagestreamtags", "s:t",
                "another caller has updated the resource version to 12");

        // then
        assertThat(status.getMessage()).isEqualTo("Operation cannot be fulfilled on imagestreamtags.image.openshift.io"
                + " \"s:t\": another caller has updated the resource version to 12");
    }

    @Test
    void invalidMatchesTheOpenShiftResponseExactly() {
        // when
        Status status = Status.invalid(GROUP, "ImageStream", "foo", FieldError.required("spec.tags[bar].from.name"));

        // then
        assertSameJson(Json.write(status), Fixtures.read("status-invalid.json"));
    }

    @Test
    void invalidJoinsDistinctErrorsInBracketsAndKeepsEveryCause() {
        // given
        FieldError required = FieldError.required("spec.tags[latest].from.name");
        FieldError invalid = FieldError.invalid("spec.tags[web].from.name", "Web:1", "repository name must be lowercase");

        // when
        Status status = Status.invalid(GROUP, "ImageStream", "foo", required, invalid, required);

        // then
        assertThat(status.getMessage()).isEqualTo("ImageStream.image.openshift.io \"foo\" is invalid: ["
                + "spec.tags[latest].from.name: Required value, "
                + "spec.tags[web].from.name: Invalid value: \"Web:1\": repository name must be lowercase]");
        assertThat(status.getDetails().getCauses()).hasSize(3);
        assertThat(status.getCode()).isEqualTo(422);
    }

    @Test
    void invalidWithoutErrorsOnlySaysIsInvalid() {
        // when / then
        assertThat(Status.invalid(GROUP, "ImageStream", "foo").getMessage())
                .isEqualTo("ImageStream.image.openshift.io \"foo\" is invalid");
    }

    @Test
    void invalidInTheCoreGroupUsesTheBareKind() {
        // when / then
        assertThat(Status.invalid("", "Secret", "pull", FieldError.required("data")).getMessage())
                .isEqualTo("Secret \"pull\" is invalid: data: Required value");
    }

    @Test
    void forbiddenMentionsTheNameOnlyWhenThereIsOne() {
        // when / then
        assertThat(Status.forbidden(GROUP, "imagestreams", "foo", "User \"bob\" cannot get").getMessage())
                .isEqualTo("imagestreams.image.openshift.io \"foo\" is forbidden: User \"bob\" cannot get");
        assertThat(Status.forbidden(GROUP, "imagestreams", "", "User \"bob\" cannot list").getMessage())
                .isEqualTo("imagestreams.image.openshift.io is forbidden: User \"bob\" cannot list");
        assertThat(Status.forbidden("", "", "", "no").getMessage()).isEqualTo("forbidden: no");
        assertThat(Status.forbidden(GROUP, "imagestreams", "foo", "x").getCode()).isEqualTo(403);
    }

    @Test
    void otherFactoriesCarryTheRightCodeReasonAndMessage() {
        // when / then
        assertThat(Status.badRequest("ImageStreamTags must be retrieved with <name>:<tag>"))
                .extracting(Status::getCode, Status::getReason, Status::getMessage)
                .containsExactly(400, "BadRequest", "ImageStreamTags must be retrieved with <name>:<tag>");
        assertThat(Status.unauthorized(""))
                .extracting(Status::getCode, Status::getReason, Status::getMessage)
                .containsExactly(401, "Unauthorized", "not authorized");
        assertThat(Status.methodNotSupported(GROUP, "imagestreamimages", "create"))
                .extracting(Status::getCode, Status::getReason, Status::getMessage)
                .containsExactly(405, "MethodNotAllowed",
                        "create is not supported on resources of kind \"imagestreamimages.image.openshift.io\"");
        assertThat(Status.expired("too old resource version: 1 (5)"))
                .extracting(Status::getCode, Status::getReason)
                .containsExactly(410, "Expired");
        assertThat(Status.internalError("boom"))
                .extracting(Status::getCode, Status::getReason, Status::getMessage)
                .containsExactly(500, "InternalError", "Internal error occurred: boom");
        assertThat(Status.internalError("boom").getDetails().getCauses())
                .containsExactly(new StatusCause(null, "boom", null));
    }

    @Test
    void serverTimeoutCarriesRetryAfterSeconds() {
        // when
        Status status = Status.serverTimeout(GROUP, "imagestreamtags", "create", 2);

        // then
        assertSameJson(Json.write(status), """
                {"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure",
                 "message":"The create operation against imagestreamtags.image.openshift.io could not be completed at this time, please try again.",
                 "reason":"ServerTimeout",
                 "details":{"name":"create","group":"image.openshift.io","kind":"imagestreamtags","retryAfterSeconds":2},
                 "code":500}
                """);
    }

    @Test
    void successIsTheMinimalStatusAndEmbeddedItLosesItsTypeMeta() {
        // when / then
        assertSameJson(Json.write(Status.success()),
                "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},\"status\":\"Success\"}");
        assertSameJson(Json.write(Status.success().withoutTypeMeta()), "{\"metadata\":{},\"status\":\"Success\"}");
        assertThat(Status.success().succeeded()).isTrue();
    }

    @Test
    void readsAStatusBackToAnEqualObject() {
        // given
        Status original = Status.invalid(GROUP, "ImageStream", "foo", FieldError.required("spec.tags[bar].from.name"));

        // when
        Status read = Json.read(Json.write(original), Status.class);

        // then
        assertThat(read).isEqualTo(original);
    }

    @Test
    void statusExceptionCarriesTheStatusAndItsCode() {
        // when
        StatusException exception = new StatusException(Status.notFound(GROUP, "imagestreams", "foo"));

        // then
        assertThat(exception.code()).isEqualTo(404);
        assertThat(exception).hasMessage("imagestreams.image.openshift.io \"foo\" not found");
        assertThat(exception.status().getReason()).isEqualTo("NotFound");
    }
}
