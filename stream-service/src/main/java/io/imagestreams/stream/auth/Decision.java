package io.imagestreams.stream.auth;

/**
 * An authorizer's answer.
 *
 * @param allowed whether the request may proceed
 * @param reason  why, as the authorizer words it (may be empty); a refusal appends it to Kubernetes' message
 */
public record Decision(boolean allowed, String reason) {

    public static final Decision ALLOW = new Decision(true, "");
    public static final Decision DENY = new Decision(false, "");

    public Decision {
        reason = reason == null ? "" : reason;
    }
}
