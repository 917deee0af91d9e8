package io.imagestreams.stream.rest.table;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One entry of an {@code Accept} header, such as {@code application/json;as=Table;v=v1;g=meta.k8s.io}.
 * Type, subtype and parameter names are lower case; parameter values keep their case because Kubernetes
 * compares them exactly ({@code as=Table}). {@code q} is held apart from the other parameters.
 */
public record MediaRange(String type, String subtype, Map<String, String> parameters, double quality) {

    public MediaRange {
        // Kept in the client's order, which helps when a range is logged.
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }

    /** Whether this range admits {@code type/subtype}, wildcards included. */
    public boolean admits(String type, String subtype) {
        return ("*".equals(this.type) || this.type.equals(type))
                && ("*".equals(this.subtype) || this.subtype.equals(subtype));
    }

    /** The value of a parameter other than {@code q}, or {@code null}. */
    public String parameter(String name) {
        return parameters.get(name);
    }

    /** Whether the client accepts this range at all ({@code q=0} means "not acceptable"). */
    public boolean acceptable() {
        return quality > 0;
    }
}
