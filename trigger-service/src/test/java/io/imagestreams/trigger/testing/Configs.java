package io.imagestreams.trigger.testing;

import io.imagestreams.trigger.config.TriggerServiceConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.Map;

/** The service configuration outside Quarkus, for plain unit tests. */
public final class Configs {

    private Configs() {
    }

    public static TriggerServiceConfig with(Map<String, String> properties) {
        return new SmallRyeConfigBuilder().withMapping(TriggerServiceConfig.class).withDefaultValues(properties)
                .withConverter(java.time.Duration.class, 200, new io.quarkus.runtime.configuration.DurationConverter()).build()
                .getConfigMapping(TriggerServiceConfig.class);
    }
}
