package io.imagestreams.stream.service.validation;

import static io.imagestreams.stream.service.validation.ZeroValues.orEmpty;

import io.imagestreams.api.json.Rfc3339;
import io.imagestreams.api.meta.FieldError;
import io.imagestreams.api.meta.ObjectMeta;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Kubernetes' {@code ValidateObjectMeta} and {@code ValidateObjectMetaUpdate}, with their field paths and
 * messages. Like the apiserver, it expects {@code generateName} to be resolved into {@code name} before a create
 * is validated, and, on update, the server-owned fields ({@code uid}, {@code creationTimestamp},
 * {@code generation}, and {@code resourceVersion} for an unconditional update) to be copied from the stored
 * object first, as {@code rest.BeforeUpdate} does; what is left to report is then a real client mistake.
 */
public class ObjectMetaValidator {

    static final String FIELD_IMMUTABLE = "field is immutable";

    private static final FieldPath METADATA = FieldPath.of("metadata");

    /** Validates top-level metadata ({@code metadata.*}) of a new object. */
    public List<FieldError> validate(ObjectMeta meta, boolean requiresNamespace, NameRule nameRule) {
        return validate(meta, requiresNamespace, nameRule, METADATA);
    }

    /** Validates the metadata of an updated object ({@code metadata.*}) against the stored one. */
    public List<FieldError> validateUpdate(ObjectMeta updated, ObjectMeta existing) {
        return validateUpdate(updated, existing, METADATA);
    }

    List<FieldError> validate(ObjectMeta meta, boolean requiresNamespace, NameRule nameRule, FieldPath path) {
        List<FieldError> errors = new ArrayList<>();
        String generateName = orEmpty(meta.getGenerateName());
        if (!generateName.isEmpty()) {
            nameRule.check(generateName, true).forEach(reason -> errors.add(
                    FieldError.invalid(path.child("generateName").toString(), generateName, reason)));
        }
        String name = orEmpty(meta.getName());
        if (name.isEmpty()) {
            errors.add(FieldError.required(path.child("name").toString(), "name or generateName is required"));
        } else {
            nameRule.check(name, false).forEach(reason -> errors.add(
                    FieldError.invalid(path.child("name").toString(), name, reason)));
        }
        errors.addAll(namespace(meta.getNamespace(), requiresNamespace, path.child("namespace")));
        if (meta.getGeneration() < 0) {
            errors.add(FieldError.invalid(path.child("generation").toString(), meta.getGeneration(),
                    "must be greater than or equal to 0"));
        }
        errors.addAll(MetadataRules.labels(meta.getLabels(), path.child("labels")));
        errors.addAll(MetadataRules.annotations(meta.getAnnotations(), path.child("annotations")));
        errors.addAll(MetadataRules.ownerReferences(meta.getOwnerReferences(), path.child("ownerReferences")));
        errors.addAll(MetadataRules.finalizers(meta.getFinalizers(), path.child("finalizers")));
        return errors;
    }

    List<FieldError> validateUpdate(ObjectMeta updated, ObjectMeta existing, FieldPath path) {
        List<FieldError> errors = new ArrayList<>();
        if (existing.getDeletionTimestamp() != null) {
            errors.addAll(noNewFinalizers(updated.getFinalizers(), existing.getFinalizers(), path.child("finalizers")));
        }
        if (orEmpty(updated.getResourceVersion()).isEmpty()) {
            errors.add(FieldError.invalid(path.child("resourceVersion").toString(), "",
                    "must be specified for an update"));
        }
        if (updated.getGeneration() < existing.getGeneration()) {
            errors.add(FieldError.invalid(path.child("generation").toString(), updated.getGeneration(),
                    "must not be decremented"));
        }
        immutable(orEmpty(updated.getName()), orEmpty(existing.getName()), path.child("name"), errors);
        immutable(orEmpty(updated.getNamespace()), orEmpty(existing.getNamespace()), path.child("namespace"),
                errors);
        immutable(orEmpty(updated.getUid()), orEmpty(existing.getUid()), path.child("uid"), errors);
        immutable(time(updated.getCreationTimestamp()), time(existing.getCreationTimestamp()),
                path.child("creationTimestamp"), errors);
        immutable(time(updated.getDeletionTimestamp()), time(existing.getDeletionTimestamp()),
                path.child("deletionTimestamp"), errors);
        immutable(updated.getDeletionGracePeriodSeconds(), existing.getDeletionGracePeriodSeconds(),
                path.child("deletionGracePeriodSeconds"), errors);
        errors.addAll(MetadataRules.labels(updated.getLabels(), path.child("labels")));
        errors.addAll(MetadataRules.annotations(updated.getAnnotations(), path.child("annotations")));
        errors.addAll(MetadataRules.ownerReferences(updated.getOwnerReferences(), path.child("ownerReferences")));
        return errors;
    }

    /** {@code ValidateNamespaceName} where the resource is namespaced, else the namespace must be empty. */
    static List<FieldError> namespace(String namespace, boolean required, FieldPath path) {
        String value = orEmpty(namespace);
        if (!required) {
            return value.isEmpty() ? List.of()
                    : List.of(FieldError.forbidden(path.toString(), "not allowed on this type"));
        }
        if (value.isEmpty()) {
            return List.of(FieldError.required(path.toString()));
        }
        return KubernetesNames.dns1123Label(value).stream()
                .map(reason -> FieldError.invalid(path.toString(), value, reason))
                .toList();
    }

    private static List<FieldError> noNewFinalizers(List<String> updated, List<String> existing, FieldPath path) {
        TreeSet<String> added = updated.stream().map(ZeroValues::orEmpty)
                .collect(Collectors.toCollection(TreeSet::new));
        existing.forEach(finalizer -> added.remove(orEmpty(finalizer)));
        if (added.isEmpty()) {
            return List.of();
        }
        // Go prints the set with %#v
        String goSlice = added.stream().map(GoFormat::quote).collect(Collectors.joining(", ", "[]string{", "}"));
        return List.of(FieldError.forbidden(path.toString(),
                "no new finalizers can be added if the object is being deleted, found new finalizers " + goSlice));
    }

    private static void immutable(Object updated, Object existing, FieldPath path, List<FieldError> errors) {
        if (!Objects.equals(updated, existing)) {
            errors.add(FieldError.invalid(path.toString(), updated, FIELD_IMMUTABLE));
        }
    }

    /**
     * A {@code metav1.Time} as its JSON, which is how the bad value prints: RFC 3339 text, or {@code null}.
     * Comparing this text compares at whole seconds, the precision the API stores and returns.
     */
    private static String time(Instant instant) {
        return instant == null ? null : Rfc3339.format(instant);
    }
}
