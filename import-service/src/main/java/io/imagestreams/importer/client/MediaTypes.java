package io.imagestreams.importer.client;

import java.util.Set;

/** Manifest media types the importer reads. */
public final class MediaTypes {

    public static final String DOCKER_MANIFEST_V2 = "application/vnd.docker.distribution.manifest.v2+json";
    public static final String DOCKER_MANIFEST_LIST_V2 = "application/vnd.docker.distribution.manifest.list.v2+json";
    public static final String OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";
    public static final String OCI_INDEX = "application/vnd.oci.image.index.v1+json";
    public static final String DOCKER_MANIFEST_V1 = "application/vnd.docker.distribution.manifest.v1+json";
    public static final String DOCKER_MANIFEST_V1_SIGNED = "application/vnd.docker.distribution.manifest.v1+prettyjws";

    /** What every manifest request accepts (never schema 1: registries then convert or refuse). */
    public static final String MANIFEST_ACCEPT =
            String.join(", ", DOCKER_MANIFEST_V2, DOCKER_MANIFEST_LIST_V2, OCI_MANIFEST, OCI_INDEX);

    public static final Set<String> LISTS = Set.of(DOCKER_MANIFEST_LIST_V2, OCI_INDEX);
    public static final Set<String> IMAGES = Set.of(DOCKER_MANIFEST_V2, OCI_MANIFEST);
    public static final Set<String> SCHEMA1 = Set.of(DOCKER_MANIFEST_V1, DOCKER_MANIFEST_V1_SIGNED);

    private MediaTypes() {
    }

    public static boolean isList(String mediaType) {
        return LISTS.contains(mediaType);
    }
}
