package io.imagestreams.prune.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.imagestreams.testsupport.KafkaResource;
import io.imagestreams.testsupport.PostgresResource;
import io.imagestreams.testsupport.ServiceEndpointsContract;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = "database", value = "prune"), parallel = true)
@WithTestResource(value = KafkaResource.class, parallel = true)
class ServiceReadinessTest extends ServiceEndpointsContract {

    @Inject
    Pool pool;

    @Override
    protected String[] expectedReadinessChecks() {
        return new String[] {Checks.REACTIVE_POSTGRES, Checks.KAFKA};
    }

    @Test
    void migrationsCreateTheDefaultPolicyWithOpenShiftDefaults() {
        // when
        Row policy = pool.query("select keep_tag_revisions, keep_younger_than_seconds from prune_policy where namespace = ''")
                .execute().await().atMost(Duration.ofSeconds(10)).iterator().next();

        // then
        assertThat(policy.getInteger("keep_tag_revisions")).isEqualTo(3);
        assertThat(policy.getLong("keep_younger_than_seconds")).isEqualTo(3600L);
    }
}
