package io.imagestreams.testsupport;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * What every service exposes for operations (DESIGN §3): liveness, a readiness that really checks the
 * service's store and broker, Prometheus metrics and an OpenAPI document. A service's {@code @QuarkusTest}
 * extends this and names the readiness checks its store and broker contribute.
 */
public abstract class ServiceEndpointsContract {

    @ConfigProperty(name = "quarkus.application.name")
    String applicationName;

    /** Names of the readiness checks that must be present and UP. */
    protected abstract String[] expectedReadinessChecks();

    @Test
    void readinessChecksTheStoreAndTheBroker() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems(expectedReadinessChecks()));
    }

    @Test
    void livenessIsUp() {
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void metricsAreExposedForPrometheus() {
        given().when().get("/q/metrics")
                .then().statusCode(200)
                .body(containsString("jvm_memory_used_bytes"));
    }

    @Test
    void openApiDocumentNamesTheService() {
        given().accept("application/json").when().get("/q/openapi")
                .then().statusCode(200)
                .body("info.title", equalTo(applicationName));
    }

    /** Check names as Quarkus registers them. */
    public static final class Checks {
        public static final String REACTIVE_POSTGRES = "Reactive PostgreSQL connections health check";
        public static final String KAFKA = "Kafka connection health check";
        public static final String MONGO = "MongoDB connection health check";

        private Checks() {
        }
    }
}
