package io.imagestreams.stream.service.validation;

import static io.imagestreams.stream.service.validation.ZeroValues.orEmpty;

import io.imagestreams.api.json.ImageApiJson;
import io.imagestreams.api.meta.FieldError;
import io.imagestreams.api.meta.OwnerReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The parts of Kubernetes' {@code ValidateObjectMeta} that do not depend on the resource: labels, annotations,
 * owner references and finalizers. Map entries are checked in key order, so errors come out in a stable order
 * where Go's map iteration would not.
 */
final class MetadataRules {

    /** {@code TotalAnnotationSizeLimitB}: keys and values together, in bytes. */
    static final int TOTAL_ANNOTATION_SIZE_LIMIT_BYTES = 256 * 1024;

    private static final String FINALIZER_ORPHAN = "orphan";
    private static final String FINALIZER_FOREGROUND = "foregroundDeletion";

    private MetadataRules() {
    }

    /** {@code ValidateLabels}: errors name the whole map ({@code metadata.labels}), not the key. */
    static List<FieldError> labels(Map<String, String> labels, FieldPath path) {
        List<FieldError> errors = new ArrayList<>();
        sorted(labels).forEach((key, value) -> {
            KubernetesNames.qualifiedName(key).forEach(reason -> errors.add(FieldError.invalid(path.toString(), key,
                    reason)));
            KubernetesNames.labelValue(orEmpty(value)).forEach(reason -> errors.add(
                    FieldError.invalid(path.toString(), orEmpty(value), reason)));
        });
        return errors;
    }

    /** {@code ValidateAnnotations}: keys are qualified names ignoring case; the whole map is at most 256 KiB. */
    static List<FieldError> annotations(Map<String, String> annotations, FieldPath path) {
        List<FieldError> errors = new ArrayList<>();
        long totalBytes = 0;
        for (Map.Entry<String, String> entry : sorted(annotations).entrySet()) {
            String key = entry.getKey();
            KubernetesNames.qualifiedName(key.toLowerCase(Locale.ROOT)).forEach(reason -> errors.add(
                    FieldError.invalid(path.toString(), key, reason)));
            totalBytes += KubernetesNames.byteLength(key) + KubernetesNames.byteLength(orEmpty(entry.getValue()));
        }
        if (totalBytes > TOTAL_ANNOTATION_SIZE_LIMIT_BYTES) {
            errors.add(QuantityErrors.tooLong(path, TOTAL_ANNOTATION_SIZE_LIMIT_BYTES));
        }
        return errors;
    }

    /** {@code ValidateOwnerReferences}; like Kubernetes, field errors name no index. */
    static List<FieldError> ownerReferences(List<OwnerReference> references, FieldPath path) {
        List<FieldError> errors = new ArrayList<>();
        String firstController = null;
        for (OwnerReference listed : references) {
            OwnerReference reference = ZeroValues.orZero(listed, OwnerReference::new);
            errors.addAll(ownerReference(reference, path));
            if (Boolean.TRUE.equals(reference.getController())) {
                String controller = reference.getKind() + "/" + reference.getName();
                if (firstController == null) {
                    firstController = controller;
                } else {
                    errors.add(FieldError.invalid(path.toString(), asJson(references),
                            "Only one reference can have Controller set to true. Found \"true\" in references for "
                                    + firstController + " and " + controller));
                }
            }
        }
        return errors;
    }

    /** {@code ValidateFinalizers}. */
    static List<FieldError> finalizers(List<String> finalizers, FieldPath path) {
        List<FieldError> errors = new ArrayList<>();
        for (String finalizer : finalizers) {
            KubernetesNames.qualifiedName(orEmpty(finalizer)).forEach(reason -> errors.add(
                    FieldError.invalid(path.toString(), orEmpty(finalizer), reason)));
        }
        if (finalizers.contains(FINALIZER_ORPHAN) && finalizers.contains(FINALIZER_FOREGROUND)) {
            errors.add(FieldError.invalid(path.toString(),
                    GoFormat.jsonArray(finalizers, finalizer -> GoFormat.jsonString(orEmpty(finalizer))),
                    "finalizer " + FINALIZER_ORPHAN + " and " + FINALIZER_FOREGROUND + " cannot be both set"));
        }
        return errors;
    }

    private static List<FieldError> ownerReference(OwnerReference reference, FieldPath path) {
        List<FieldError> errors = new ArrayList<>();
        String apiVersion = orEmpty(reference.getApiVersion());
        String[] groupVersion = groupAndVersion(apiVersion);
        if (groupVersion[1].isEmpty()) {
            errors.add(FieldError.invalid(path.child("apiVersion").toString(), apiVersion,
                    "version must not be empty"));
        }
        requireNonEmpty(reference.getKind(), path.child("kind"), errors);
        requireNonEmpty(reference.getName(), path.child("name"), errors);
        requireNonEmpty(reference.getUid(), path.child("uid"), errors);
        // core/v1 Events may not own anything (Kubernetes' BannedOwners)
        if (groupVersion[0].isEmpty() && groupVersion[1].equals("v1") && "Event".equals(reference.getKind())) {
            errors.add(FieldError.invalid(path.toString(), new GoFormat.Verbatim(ImageApiJson.toJsonString(reference)),
                    "/v1, Kind=Event is disallowed from being an owner"));
        }
        return errors;
    }

    /** {@code schema.ParseGroupVersion}, where a malformed value counts as empty. */
    private static String[] groupAndVersion(String apiVersion) {
        if (apiVersion.isEmpty() || apiVersion.equals("/")) {
            return new String[] {"", ""};
        }
        int slash = apiVersion.indexOf('/');
        if (slash < 0) {
            return new String[] {"", apiVersion};
        }
        if (apiVersion.indexOf('/', slash + 1) >= 0) {
            return new String[] {"", ""};
        }
        return new String[] {apiVersion.substring(0, slash), apiVersion.substring(slash + 1)};
    }

    private static void requireNonEmpty(String value, FieldPath path, List<FieldError> errors) {
        if (value == null || value.isEmpty()) {
            errors.add(FieldError.invalid(path.toString(), orEmpty(value), "must not be empty"));
        }
    }

    private static GoFormat.Verbatim asJson(List<OwnerReference> references) {
        return GoFormat.jsonArray(references, ImageApiJson::toJsonString);
    }

    private static Map<String, String> sorted(Map<String, String> map) {
        return map == null ? Map.of() : new TreeMap<>(map);
    }
}
