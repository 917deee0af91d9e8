package io.imagestreams.api.image;

/** Annotations OpenShift defines for images and image streams ({@code openshift/api image/v1/consts.go}). */
public final class ImageAnnotations {

    /** {@code "true"} on images pushed to the integrated registry. */
    public static final String MANAGED = "openshift.io/image.managed";
    /** RFC 3339 time of the last import of a stream. */
    public static final String DOCKER_REPOSITORY_CHECK = "openshift.io/image.dockerRepositoryCheck";
    /** {@code "true"} on a stream makes imports of its repository insecure. */
    public static final String INSECURE_REPOSITORY = "openshift.io/image.insecureRepository";
    /** {@code "true"} on a secret keeps it out of {@code imagestreams/secrets}. */
    public static final String EXCLUDE_SECRET = "openshift.io/image.excludeSecret";
    /** Order of {@code dockerImageLayers}: {@link #LAYERS_ORDER_ASCENDING} or {@link #LAYERS_ORDER_DESCENDING}. */
    public static final String DOCKER_LAYERS_ORDER = "image.openshift.io/dockerLayersOrder";
    public static final String LAYERS_ORDER_ASCENDING = "ascending";
    public static final String LAYERS_ORDER_DESCENDING = "descending";
    /** On a spec tag: the architecture to pick from a manifest list in {@code Legacy} import mode. */
    public static final String IMPORTER_PREFER_ARCH = "importer.image.openshift.io/prefer-arch";
    /** On a spec tag: the operating system to pick from a manifest list in {@code Legacy} import mode. */
    public static final String IMPORTER_PREFER_OS = "importer.image.openshift.io/prefer-os";
    /** {@code "true"} when the manifest blob is stored in the registry, so the image carries no manifest. */
    public static final String MANIFEST_BLOB_STORED = "image.openshift.io/manifestBlobStored";
    /** On workloads: the JSON list of image triggers (library-go {@code pkg/image/trigger}). */
    public static final String TRIGGERS = "image.openshift.io/triggers";

    private ImageAnnotations() {
    }
}
