package io.imagestreams.stream.auth;

/**
 * The outcome of authenticating a request: an identity, or the reason there is none (a {@code 401}; the reason is
 * counted and logged at DEBUG, never sent).
 */
public record Authentication(Identity identity, String refusal) {

    public static Authentication of(Identity identity) {
        return new Authentication(identity, null);
    }

    public static Authentication refused(String reason) {
        return new Authentication(null, reason);
    }

    public boolean authenticated() {
        return identity != null;
    }
}
