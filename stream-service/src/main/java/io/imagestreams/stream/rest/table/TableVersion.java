package io.imagestreams.stream.rest.table;

/** The {@code meta.k8s.io} versions a Table can be served in; kubectl asks for v1 first, then v1beta1. */
public enum TableVersion {
    V1("v1"),
    V1BETA1("v1beta1");

    public static final String GROUP = "meta.k8s.io";

    private final String version;

    TableVersion(String version) {
        this.version = version;
    }

    /** {@code v1} or {@code v1beta1}. */
    public String version() {
        return version;
    }

    /** {@code meta.k8s.io/v1} or {@code meta.k8s.io/v1beta1}, for the Table and its PartialObjectMetadata rows. */
    public String apiVersion() {
        return GROUP + "/" + version;
    }

    /** The Content-Type a Table response carries, as the Kubernetes API server writes it. */
    public String contentType() {
        return "application/json;as=Table;g=" + GROUP + ";v=" + version;
    }

    /** The version named by a media type's {@code v} parameter, or {@code null}. */
    static TableVersion of(String version) {
        for (TableVersion candidate : values()) {
            if (candidate.version.equals(version)) {
                return candidate;
            }
        }
        return null;
    }
}
