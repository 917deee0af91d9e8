package io.imagestreams.stream.rest.discovery;

/** Whether a resource lives in a namespace; the names are aggregated discovery's {@code scope} values. */
public enum Scope {
    NAMESPACED("Namespaced"),
    CLUSTER("Cluster");

    private final String wireName;

    Scope(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
