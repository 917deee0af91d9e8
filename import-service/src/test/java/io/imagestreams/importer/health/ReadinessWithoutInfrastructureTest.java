package io.imagestreams.importer.health;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.imagestreams.launcher.FreePorts;
import io.imagestreams.testsupport.ServiceEndpointsContract.Checks;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Readiness must fail when the store and the broker are unreachable, while liveness stays up. */
@QuarkusTest
@TestProfile(ReadinessWithoutInfrastructureTest.NothingListening.class)
class ReadinessWithoutInfrastructureTest {

    public static class NothingListening implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "quarkus.mongodb.connection-string", "mongodb://127.0.0.1:" + FreePorts.next(),
                    "quarkus.mongodb.server-selection-timeout", "1s",
                    "kafka.bootstrap.servers", "127.0.0.1:" + FreePorts.next(),
                    // the broker check waits as long as the admin client's API timeout (60 s by default)
                    "kafka.default.api.timeout.ms", "3000",
                    "kafka.request.timeout.ms", "2000");
        }
    }

    @Test
    void readinessIsDownWithTheFailingChecksNamed() {
        given().when().get("/q/health/ready")
                .then().statusCode(503)
                .body("status", equalTo("DOWN"))
                .body("checks.findAll { it.status == 'DOWN' }.name", hasItems(Checks.MONGO, Checks.KAFKA));
    }

    @Test
    void livenessStaysUp() {
        given().when().get("/q/health/live").then().statusCode(200);
    }
}
