package io.imagestreams.stream.rest.discovery;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The Kubernetes API verbs, declared in the alphabetical order discovery lists them in. */
public enum Verb {
    CREATE,
    DELETE,
    DELETECOLLECTION,
    GET,
    LIST,
    PATCH,
    UPDATE,
    WATCH;

    /** The name on the wire and in RBAC rules: {@code create}, {@code deletecollection}, ... */
    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
