package io.imagestreams.api.image;

/** Group, version, kinds and resource names of {@code image.openshift.io/v1}, and its quota names. */
public final class ImageApi {

    public static final String GROUP = "image.openshift.io";
    public static final String VERSION = "v1";
    public static final String API_VERSION = GROUP + "/" + VERSION;

    public static final String KIND_IMAGE = "Image";
    public static final String KIND_IMAGE_LIST = "ImageList";
    public static final String KIND_IMAGE_SIGNATURE = "ImageSignature";
    public static final String KIND_IMAGE_STREAM = "ImageStream";
    public static final String KIND_IMAGE_STREAM_LIST = "ImageStreamList";
    public static final String KIND_IMAGE_STREAM_MAPPING = "ImageStreamMapping";
    public static final String KIND_IMAGE_STREAM_TAG = "ImageStreamTag";
    public static final String KIND_IMAGE_STREAM_TAG_LIST = "ImageStreamTagList";
    public static final String KIND_IMAGE_STREAM_IMAGE = "ImageStreamImage";
    public static final String KIND_IMAGE_STREAM_LAYERS = "ImageStreamLayers";
    public static final String KIND_IMAGE_STREAM_IMPORT = "ImageStreamImport";
    public static final String KIND_IMAGE_TAG = "ImageTag";
    public static final String KIND_IMAGE_TAG_LIST = "ImageTagList";
    /** The {@code from.kind} of a tag that points at a registry pull spec. */
    public static final String KIND_DOCKER_IMAGE = "DockerImage";

    public static final String RESOURCE_IMAGES = "images";
    public static final String RESOURCE_IMAGE_SIGNATURES = "imagesignatures";
    public static final String RESOURCE_IMAGE_STREAMS = "imagestreams";
    public static final String RESOURCE_IMAGE_STREAM_TAGS = "imagestreamtags";
    public static final String RESOURCE_IMAGE_STREAM_IMAGES = "imagestreamimages";
    public static final String RESOURCE_IMAGE_STREAM_MAPPINGS = "imagestreammappings";
    public static final String RESOURCE_IMAGE_STREAM_IMPORTS = "imagestreamimports";
    public static final String RESOURCE_IMAGE_TAGS = "imagetags";

    /** The tag assumed when a stream or pull spec names none. */
    public static final String DEFAULT_IMAGE_TAG = "latest";

    /** {@code apiVersion} and {@code dockerImageMetadataVersion} of the docker image metadata OpenShift serves. */
    public static final String DOCKER_IMAGE_METADATA_API_VERSION = GROUP + "/1.0";
    public static final String DOCKER_IMAGE_METADATA_VERSION = "1.0";

    public static final String QUOTA_IMAGE_STREAMS = "openshift.io/imagestreams";
    public static final String QUOTA_IMAGES = "openshift.io/images";
    public static final String QUOTA_IMAGE_TAGS = "openshift.io/image-tags";
    public static final String LIMIT_TYPE_IMAGE = "openshift.io/Image";
    public static final String LIMIT_TYPE_IMAGE_STREAM = "openshift.io/ImageStream";

    private ImageApi() {
    }
}
