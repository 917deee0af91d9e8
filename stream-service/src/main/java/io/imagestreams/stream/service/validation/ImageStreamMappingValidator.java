package io.imagestreams.stream.service.validation;

import io.imagestreams.api.image.ImageStreamMapping;
import io.imagestreams.api.meta.FieldError;
import java.util.ArrayList;
import java.util.List;

/**
 * OpenShift's {@code ValidateImageStreamMapping}. Its quirks are kept: a missing name is reported three times
 * (metadata, and the legacy {@code name} / {@code dockerImageRepository} pair, since OpenShift also accepts a
 * mapping found by repository), and an empty namespace both as required and as an invalid label. The embedded
 * image is validated at {@code image.*}; OpenShift fills an empty {@code image.dockerImageReference} from its
 * integrated registry before validating, so a service with such a registry should do the same first.
 */
public class ImageStreamMappingValidator {

    private final ObjectMetaValidator metadata = new ObjectMetaValidator();
    private final ImageValidator images = new ImageValidator();

    public List<FieldError> validate(ImageStreamMapping mapping) {
        List<FieldError> errors = new ArrayList<>(
                metadata.validate(mapping.getMetadata(), true, NameRule.PATH_SEGMENT));
        if (ZeroValues.orEmpty(mapping.getMetadata().getName()).isEmpty()) {
            errors.add(FieldError.required("name"));
            errors.add(FieldError.required("dockerImageRepository"));
        }
        String namespace = ZeroValues.orEmpty(mapping.getMetadata().getNamespace());
        List<String> namespaceReasons = KubernetesNames.dns1123Label(namespace);
        if (!namespaceReasons.isEmpty()) {
            errors.add(FieldError.invalid("metadata.namespace", namespace, String.join(", ", namespaceReasons)));
        }
        if (mapping.getTag().isEmpty()) {
            errors.add(FieldError.required("tag"));
        }
        errors.addAll(images.validate(mapping.getImage(), FieldPath.of("image")));
        return errors;
    }
}
