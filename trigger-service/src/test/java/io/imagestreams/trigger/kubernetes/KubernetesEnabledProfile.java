package io.imagestreams.trigger.kubernetes;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** Workload triggers on, against the in-JVM Kubernetes mock server; short retry delays. */
public class KubernetesEnabledProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "imagestreams.kubernetes.enabled", "true",
                "imagestreams.kubernetes.retry-delay", "200ms",
                "imagestreams.kubernetes.max-retry-delay", "1s");
    }
}
