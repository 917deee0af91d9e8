package io.imagestreams.api.reference;

/**
 * A pull spec that does not follow the docker reference grammar. {@link #reason()} carries OpenShift's own
 * wording (library-go {@code reference.Parse}), for validation messages that must match it; the exception
 * message adds what exactly is wrong.
 */
public class InvalidImageReferenceException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** The error kinds of library-go's reference and digest packages, with their exact texts. */
    public enum Reason {
        NAME_EMPTY("repository name must have at least one component"),
        INVALID_FORMAT("invalid reference format"),
        NAME_CONTAINS_UPPERCASE("repository name must be lowercase"),
        NAME_TOO_LONG("repository name must not be more than " + ImageReference.NAME_TOTAL_LENGTH_MAX
                + " characters"),
        TAG_INVALID_FORMAT("invalid tag format"),
        DIGEST_INVALID_FORMAT("invalid digest format"),
        DIGEST_INVALID_LENGTH("invalid checksum digest length"),
        DIGEST_UNSUPPORTED("unsupported digest algorithm");

        private final String text;

        Reason(String text) {
            this.text = text;
        }

        /** OpenShift's text, e.g. {@code invalid reference format}. */
        public String text() {
            return text;
        }
    }

    private final String reference;
    private final Reason reason;

    InvalidImageReferenceException(String reference, Reason reason, String detail) {
        super(reason.text() + ": " + detail);
        this.reference = reference;
        this.reason = reason;
    }

    /** The rejected input. */
    public String reference() {
        return reference;
    }

    public Reason reason() {
        return reason;
    }
}
