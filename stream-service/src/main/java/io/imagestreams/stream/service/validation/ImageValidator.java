package io.imagestreams.stream.service.validation;

import io.imagestreams.api.image.Image;
import io.imagestreams.api.image.ImageLayer;
import io.imagestreams.api.image.ImageManifest;
import io.imagestreams.api.meta.FieldError;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * OpenShift's {@code ValidateImage}: metadata, a parseable {@code dockerImageReference}, and for manifest lists
 * well-formed child manifests and no layers. Signatures are not checked: they arrive through their own endpoint,
 * and the mapping endpoint drops them before validating.
 */
public class ImageValidator {

    /** RFC 6838 {@code type/subtype}, as OpenShift's {@code imageMediaTypeRegexp}, surrounding spaces allowed. */
    private static final Pattern MEDIA_TYPE = Pattern.compile(
            " *([A-Za-z0-9][A-Za-z0-9!#$&^_-]{0,126})/([A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126}) *");

    private final ObjectMetaValidator metadata = new ObjectMetaValidator();

    /** Validates a cluster-scoped Image; paths start at the top ({@code dockerImageReference}). */
    public List<FieldError> validate(Image image) {
        return validate(image, FieldPath.root());
    }

    List<FieldError> validate(Image image, FieldPath path) {
        List<FieldError> errors = new ArrayList<>(
                metadata.validate(image.getMetadata(), false, NameRule.PATH_SEGMENT, path.child("metadata")));
        String reference = image.getDockerImageReference();
        FieldPath referencePath = path.child("dockerImageReference");
        if (reference == null || reference.isEmpty()) {
            errors.add(FieldError.required(referencePath.toString()));
        } else {
            PullSpecs.parse(reference, referencePath, errors);
        }
        if (!image.getDockerImageManifests().isEmpty()) {
            errors.addAll(manifests(image.getDockerImageManifests(), path.child("dockerImageManifests")));
            if (!image.getDockerImageLayers().isEmpty()) {
                errors.add(FieldError.invalid(path.child("dockerImageLayers").toString(),
                        layersAsGoJson(image.getDockerImageLayers()),
                        "dockerImageLayers should not be set when dockerImageManifests is set"));
            }
        }
        return errors;
    }

    private static List<FieldError> manifests(List<ImageManifest> manifests, FieldPath path) {
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < manifests.size(); i++) {
            ImageManifest manifest = ZeroValues.orZero(manifests.get(i), ImageManifest::new);
            FieldPath at = path.index(i);
            if (!containsDigest(manifest.getDigest())) {
                errors.add(FieldError.invalid(at.child("digest").toString(), manifest.getDigest(),
                        "digest does not conform with OCI image specification"));
            }
            if (!MEDIA_TYPE.matcher(manifest.getMediaType()).matches()) {
                errors.add(FieldError.invalid(at.child("mediaType").toString(), manifest.getMediaType(),
                        "media type does not conform to RFC6838"));
            }
            if (manifest.getArchitecture().isEmpty()) {
                errors.add(FieldError.required(at.child("architecture").toString()));
            }
            if (manifest.getOs().isEmpty()) {
                errors.add(FieldError.required(at.child("os").toString()));
            }
            // OpenShift names the field "size" here although it is written as manifestSize
            if (manifest.getManifestSize() < 0) {
                errors.add(FieldError.invalid(at.child("size").toString(), manifest.getManifestSize(),
                        "manifest size cannot be negative"));
            }
        }
        return errors;
    }

    /**
     * Whether OpenShift's digest pattern, {@code [A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*} then
     * {@code :[[:xdigit:]]{32,}}, matches anywhere in {@code value}: OpenShift does not anchor it. Every algorithm
     * ends in a component that is a letter followed by letters and digits, so a match exists exactly when some
     * {@code :} has 32 hex digits after it and a letter in the run of letters and digits before it. Scanning keeps
     * this linear where a backtracking regex would not be.
     */
    static boolean containsDigest(String value) {
        for (int colon = value.indexOf(':'); colon >= 0; colon = value.indexOf(':', colon + 1)) {
            if (hexRun(value, colon + 1) >= 32 && letterInAlphanumericRunBefore(value, colon)) {
                return true;
            }
        }
        return false;
    }

    private static int hexRun(String value, int from) {
        int end = from;
        while (end < value.length() && Character.digit(value.charAt(end), 16) >= 0 && value.charAt(end) < 0x80) {
            end++;
        }
        return end - from;
    }

    private static boolean letterInAlphanumericRunBefore(String value, int end) {
        for (int i = end - 1; i >= 0; i--) {
            char c = value.charAt(i);
            boolean letter = c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z';
            if (letter) {
                return true;
            }
            if (!(c >= '0' && c <= '9')) {
                return false;
            }
        }
        return false;
    }

    /** The layers as Go's {@code json.Marshal} writes OpenShift's internal {@code ImageLayer}, which has no tags. */
    private static GoFormat.Verbatim layersAsGoJson(List<ImageLayer> layers) {
        return GoFormat.jsonArray(layers, layer -> "{\"Name\":" + GoFormat.jsonString(layer.getName())
                + ",\"LayerSize\":" + layer.getSize()
                + ",\"MediaType\":" + GoFormat.jsonString(layer.getMediaType()) + "}");
    }
}
