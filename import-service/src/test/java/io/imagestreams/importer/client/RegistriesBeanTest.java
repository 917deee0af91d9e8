package io.imagestreams.importer.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.imagestreams.api.reference.ImageReference;
import io.imagestreams.importer.client.RegistryException.Reason;
import io.imagestreams.testsupport.KafkaResource;
import io.imagestreams.testsupport.MongoResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** The client as the service injects it: configuration defaults, budgets and metrics wired. */
@QuarkusTest
@WithTestResource(value = MongoResource.class, parallel = true)
@WithTestResource(value = KafkaResource.class, parallel = true)
class RegistriesBeanTest {

    @Inject
    Registries registries;

    @Inject
    RegistryBudgets budgets;

    @Test
    void theInjectedClientAppliesTheDefaultTargetPolicy() {
        // when
        RegistryException error = catchThrowableOfType(RegistryException.class, () -> registries.resolve(
                ImageReference.parse("169.254.169.254/latest/meta:data"), ImportOptions.defaults()));

        // then
        assertThat(error.reason()).isEqualTo(Reason.Forbidden);
        assertThat(budgets.all()).isEmpty();
    }
}
