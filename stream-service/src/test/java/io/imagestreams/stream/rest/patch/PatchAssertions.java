package io.imagestreams.stream.rest.patch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.imagestreams.api.meta.Status;
import io.imagestreams.api.meta.StatusException;
import io.imagestreams.stream.rest.RequestBodies;
import java.nio.charset.StandardCharsets;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Shared helpers of the patch tests: JSON literals and the Status a failing patch carries. */
final class PatchAssertions {

    private PatchAssertions() {
    }

    static JsonNode json(String text) {
        try {
            return RequestBodies.json().readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("bad test JSON: " + text, e);
        }
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** The Status of the StatusException {@code call} throws; fails when it throws nothing or something else. */
    static Status statusOf(ThrowingCallable call) {
        Throwable thrown = catchThrowable(call);
        assertThat(thrown).isInstanceOf(StatusException.class);
        Status status = ((StatusException) thrown).status();
        // no error may show the implementation: neither Java nor Jackson type names
        assertThat(status.toString()).doesNotContain("java.", "com.fasterxml", "Exception", "io.imagestreams");
        return status;
    }

    /** The detail of a 422 raised by a patch that does not apply (the apiserver's generic server response). */
    static String notApplicableDetail(ThrowingCallable call) {
        Status status = statusOf(call);
        assertThat(status.getCode()).isEqualTo(422);
        assertThat(status.getReason()).isEqualTo("Invalid");
        assertThat(status.getMessage()).isEqualTo("the server rejected our request due to an error in our request");
        assertThat(status.getDetails().getCauses()).hasSize(1);
        assertThat(status.getDetails().getCauses().get(0).getReason()).isEqualTo("UnexpectedServerResponse");
        return status.getDetails().getCauses().get(0).getMessage();
    }

    /** The message of a 400 BadRequest. */
    static String badRequestMessage(ThrowingCallable call) {
        Status status = statusOf(call);
        assertThat(status.getCode()).isEqualTo(400);
        assertThat(status.getReason()).isEqualTo("BadRequest");
        return status.getMessage();
    }
}
