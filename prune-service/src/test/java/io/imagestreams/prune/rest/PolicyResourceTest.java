package io.imagestreams.prune.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.imagestreams.testsupport.KafkaResource;
import io.imagestreams.testsupport.PostgresResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@QuarkusTest
@WithTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = "database", value = "prune"), parallel = true)
@WithTestResource(value = KafkaResource.class, parallel = true)
class PolicyResourceTest {

    private static final String POLICIES = "/api/v1/policies/";

    @Test
    void theDefaultPolicyHasOpenShiftsDefaults() {
        given().when().get(POLICIES + "default").then().statusCode(200)
                .body("keepTagRevisions", equalTo(3))
                .body("keepYoungerThan", equalTo("1h0m0s"))
                .body("ignoreInvalidReferences", equalTo(false))
                .body("$", not(org.hamcrest.Matchers.hasKey("schedule")));
    }

    @Test
    void aNamespacePolicyIsStoredAndReadBack() {
        // given
        String ns = "pol-" + UUID.randomUUID().toString().substring(0, 8);
        given().when().get(POLICIES + ns).then().statusCode(404).body("error", containsString(ns));

        // when
        given().contentType("application/json").body("""
                {"keepTagRevisions": 5, "keepYoungerThan": "90m", "ignoreInvalidReferences": true, "schedule": "0 3 * * *"}""")
                .when().put(POLICIES + ns).then().statusCode(200).body("keepYoungerThan", equalTo("1h30m0s"));

        // then
        given().when().get(POLICIES + ns).then().statusCode(200)
                .body("namespace", equalTo(ns))
                .body("keepTagRevisions", equalTo(5))
                .body("keepYoungerThan", equalTo("1h30m0s"))
                .body("ignoreInvalidReferences", equalTo(true))
                .body("schedule", equalTo("0 3 * * *"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"keepYoungerThan\": \"an hour\"}|keepYoungerThan",
            "{\"keepYoungerThan\": \"-5m\"}|keepYoungerThan",
            "{\"keepTagRevisions\": -1}|keepTagRevisions",
            "{\"keepTagRevisions\": \"3\"}|keepTagRevisions",
            "{\"keepTagRevisions\": 2.5}|keepTagRevisions",
            "{\"schedule\": \"every night\"}|schedule",
            "{\"keepRevisions\": 3}|keepRevisions",
            "{\"ignoreInvalidReferences\": \"yes\"}|ignoreInvalidReferences"})
    void invalidFieldsAreRefusedNamingTheField(String body, String field) {
        given().contentType("application/json").body(body).when().put(POLICIES + "default").then().statusCode(400)
                .body("field", equalTo(field))
                .body("error", not(containsString("java")))
                .body("error", not(containsString("Exception")));
    }

    @Test
    void malformedJsonAndBadNamespacesAreRefused() {
        given().contentType("application/json").body("{\"keepTagRevisions\": ").when().put(POLICIES + "default").then().statusCode(400)
                .body("error", containsString("malformed JSON"));
        given().contentType("application/json").body("{}").when().put(POLICIES + "Not_A_Namespace").then().statusCode(400)
                .body("field", equalTo("namespace"));
    }
}
