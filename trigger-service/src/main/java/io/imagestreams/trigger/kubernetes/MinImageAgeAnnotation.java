package io.imagestreams.trigger.kubernetes;

import io.imagestreams.api.json.GoDuration;
import java.time.Duration;

/**
 * {@code imagestreams.io/min-image-age}: a Go duration ({@code 30m}) on a workload; images younger than that are
 * not applied by any of its {@code image.openshift.io/triggers} until they are that old. Kept apart from the
 * triggers annotation, whose format stays exactly OpenShift's.
 */
public final class MinImageAgeAnnotation {

    public static final String NAME = "imagestreams.io/min-image-age";

    private MinImageAgeAnnotation() {
    }

    /**
     * The minimum of a workload.
     *
     * @param minimum {@link Duration#ZERO} when the annotation is absent or invalid
     * @param error   why the annotation is invalid, or {@code null}
     */
    public record Parsed(Duration minimum, String error) {
    }

    public static Parsed parse(String value) {
        if (value == null) {
            return new Parsed(Duration.ZERO, null);
        }
        return GoDuration.parse(value).map(age -> new Parsed(Duration.ofMillis(age.toMillis()), null))
                .orElseGet(() -> new Parsed(Duration.ZERO, "the " + NAME + " annotation \"" + value
                        + "\" is not a duration such as 30m, 1h30m or 0s"));
    }
}
