package io.imagestreams.stream.service.validation;

import java.util.List;

/**
 * A rule for {@code metadata.name} (Kubernetes' {@code ValidateNameFunc}): the reasons {@code name} breaks it, or
 * an empty list. {@code prefix} is true when the value is a {@code generateName} that a suffix will complete.
 */
@FunctionalInterface
public interface NameRule {

    /** Names that are one REST path segment: ImageStreamTag, ImageStreamMapping and Image names. */
    NameRule PATH_SEGMENT = KubernetesNames::pathSegment;

    /** OpenShift's {@code ValidateImageStreamName}, for streams and imports. */
    NameRule IMAGE_STREAM = ImageStreamNames::check;

    List<String> check(String name, boolean prefix);
}
