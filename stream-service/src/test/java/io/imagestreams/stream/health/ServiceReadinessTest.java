package io.imagestreams.stream.health;

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
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = "database", value = "streams"), parallel = true)
@WithTestResource(value = KafkaResource.class, parallel = true)
class ServiceReadinessTest extends ServiceEndpointsContract {

    @Inject
    Pool pool;

    @Override
    protected String[] expectedReadinessChecks() {
        return new String[] {Checks.REACTIVE_POSTGRES, Checks.KAFKA};
    }

    @Test
    void schemaMigrationsHaveRun() {
        // when
        List<String> versions = new ArrayList<>();
        for (Row row : pool.query("select version from flyway_schema_history where success order by installed_rank")
                .execute().await().atMost(Duration.ofSeconds(10))) {
            versions.add(row.getString("version"));
        }

        // then
        assertThat(versions).startsWith("1");
    }
}
