package io.imagestreams.stream.service.validation;

import java.util.List;
import java.util.regex.Pattern;

/**
 * OpenShift's {@code ValidateImageStreamName}: a path segment that is also one lowercase repository path
 * component, because the stream name becomes part of its pull spec in the integrated registry.
 */
final class ImageStreamNames {

    static final String COMPONENT_FORMAT = "[a-z0-9]+(?:[._-][a-z0-9]+)*";

    // separators are mandatory between runs, so this pattern cannot backtrack badly
    private static final Pattern COMPONENT = Pattern.compile(COMPONENT_FORMAT);

    private ImageStreamNames() {
    }

    static List<String> check(String name, boolean prefix) {
        List<String> reasons = KubernetesNames.pathSegment(name, prefix);
        if (!reasons.isEmpty()) {
            return reasons;
        }
        // OpenShift applies the whole-name pattern to a generateName as well
        if (!COMPONENT.matcher(name).matches()) {
            return List.of("must match " + GoFormat.quote(COMPONENT_FORMAT));
        }
        return List.of();
    }
}
