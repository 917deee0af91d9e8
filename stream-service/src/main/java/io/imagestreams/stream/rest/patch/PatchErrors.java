package io.imagestreams.stream.rest.patch;

import io.imagestreams.api.meta.Status;
import io.imagestreams.api.meta.StatusCause;
import io.imagestreams.api.meta.StatusDetails;
import io.imagestreams.api.meta.StatusException;
import io.imagestreams.api.meta.StatusReasons;
import java.util.List;

/**
 * The errors a patch can fail with, shaped as the apiserver's patch handler shapes them
 * ({@code k8s.io/apiserver/pkg/endpoints/handlers/patch.go}): a malformed patch document is {@code 400 BadRequest}; a
 * well-formed patch that cannot be applied is {@code NewGenericServerResponse(422)}, whose message is fixed and whose
 * only cause carries the detail.
 */
final class PatchErrors {

    /** The fixed text of {@code NewGenericServerResponse} for 422; the detail goes in the cause. */
    static final String REJECTED = "the server rejected our request due to an error in our request";
    static final String UNEXPECTED_SERVER_RESPONSE = "UnexpectedServerResponse";

    private PatchErrors() {
    }

    /** {@code 400 BadRequest}: the patch document itself is malformed. */
    static StatusException badRequest(String message) {
        return new StatusException(Status.badRequest(message));
    }

    /** {@code 422 Invalid}: the patch is well formed but does not apply to the current object. */
    static StatusException notApplicable(String detail) {
        StatusDetails details = new StatusDetails();
        details.setCauses(List.of(new StatusCause(UNEXPECTED_SERVER_RESPONSE, detail, null)));
        return new StatusException(failure(422, StatusReasons.INVALID, REJECTED, details));
    }

    /** {@code 415 UnsupportedMediaType}, worded as the apiserver's {@code NewUnsupportedMediaTypeError}. */
    static StatusException unsupportedMediaType() {
        return new StatusException(failure(415, StatusReasons.UNSUPPORTED_MEDIA_TYPE,
                "the body of the request was in an unknown format - accepted media types include: " + Patches.ACCEPTED,
                null));
    }

    /** {@code 413 RequestEntityTooLarge}, worded as {@code NewRequestEntityTooLargeError}. */
    static StatusException tooLarge(String message) {
        return new StatusException(failure(413, StatusReasons.REQUEST_ENTITY_TOO_LARGE,
                "Request entity too large: " + message, null));
    }

    private static Status failure(int code, String reason, String message, StatusDetails details) {
        // Status has no factory for these codes; start from badRequest for kind, apiVersion and status: Failure
        Status status = Status.badRequest(message);
        status.setCode(code);
        status.setReason(reason);
        status.setDetails(details);
        return status;
    }
}
