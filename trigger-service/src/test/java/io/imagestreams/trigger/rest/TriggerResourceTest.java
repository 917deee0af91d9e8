package io.imagestreams.trigger.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.imagestreams.testsupport.KafkaResource;
import io.imagestreams.testsupport.MongoResource;
import io.imagestreams.trigger.testing.FakeHostResolver;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The webhook trigger API: registration, validation, write-only secrets, the target policy at registration. */
@QuarkusTest
@WithTestResource(value = MongoResource.class, parallel = true)
@WithTestResource(value = KafkaResource.class, parallel = true)
class TriggerResourceTest {

    private static final String SECRET = "whsec_" + Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());

    @Inject
    FakeHostResolver resolver;

    private static String namespace() {
        return "api-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String body(String namespace, String url, String secret) {
        return """
                {"from":{"kind":"ImageStreamTag","namespace":"%s","name":"app:latest"},
                 "webhook":{"url":"%s"%s},"paused":false}"""
                .formatted(namespace, url, secret == null ? "" : ",\"secret\":\"" + secret + "\"");
    }

    private static ValidatableResponse post(String body) {
        return given().contentType("application/json").body(body).when().post("/api/v1/triggers").then();
    }

    @Test
    void aRegistrationWithoutSecretGetsOneShownOnlyInTheCreatedAnswer() {
        // given
        String ns = namespace();

        // when
        String secret = post(body(ns, "http://127.0.0.1:9/hook", null))
                .statusCode(201)
                .header("Location", containsString("/api/v1/triggers/"))
                .body("id", notNullValue())
                .body("from.kind", equalTo("ImageStreamTag"))
                .body("from.namespace", equalTo(ns))
                .body("from.name", equalTo("app:latest"))
                .body("webhook.url", equalTo("http://127.0.0.1:9/hook"))
                .body("paused", equalTo(false))
                .extract().path("webhook.secret");
        String id = given().when().get("/api/v1/triggers?namespace=" + ns).then().extract().path("items[0].id");

        // then
        assertThat(secret).startsWith("whsec_");
        assertThat(Base64.getDecoder().decode(secret.substring("whsec_".length()))).hasSize(32);
        given().when().get("/api/v1/triggers/" + id).then().statusCode(200)
                .body("webhook.url", equalTo("http://127.0.0.1:9/hook"))
                .body("webhook.secret", nullValue())
                .body(not(containsString(secret.substring(6))));
        given().when().get("/api/v1/triggers?namespace=" + ns).then().statusCode(200)
                .body("items", org.hamcrest.Matchers.hasSize(1))
                .body(not(containsString(secret.substring(6))));
    }

    @Test
    void aGivenSecretIsEchoedOnceAndKeptWhenAnUpdateOmitsIt() {
        // given
        String ns = namespace();
        String id = post(body(ns, "http://127.0.0.1:9/a", SECRET)).statusCode(201)
                .body("webhook.secret", equalTo(SECRET)).extract().path("id");

        // when
        given().contentType("application/json").body(body(ns, "http://127.0.0.1:9/b", null).replace("\"paused\":false", "\"paused\":true"))
                .when().put("/api/v1/triggers/" + id)
                .then().statusCode(200)
                .body("webhook.url", equalTo("http://127.0.0.1:9/b"))
                .body("paused", equalTo(true))
                .body("webhook.secret", nullValue());

        // then
        given().when().get("/api/v1/triggers/" + id).then().body("webhook.url", equalTo("http://127.0.0.1:9/b"));
    }

    @Test
    void listsFilterByNamespaceAndDeleteRemoves() {
        // given
        String ns = namespace();
        String other = namespace();
        String id = post(body(ns, "http://127.0.0.1:9/a", null)).statusCode(201).extract().path("id");
        post(body(other, "http://127.0.0.1:9/a", null)).statusCode(201);

        // when
        given().when().get("/api/v1/triggers?namespace=" + ns).then().statusCode(200)
                .body("items.id", org.hamcrest.Matchers.contains(id));
        given().when().delete("/api/v1/triggers/" + id).then().statusCode(204);

        // then
        given().when().get("/api/v1/triggers/" + id).then().statusCode(404).body("error", containsString(id));
        given().when().delete("/api/v1/triggers/" + id).then().statusCode(404);
        given().when().post("/api/v1/triggers/" + id + "/pause").then().statusCode(404);
    }

    @Test
    void pauseAndResumeAnswerTheTrigger() {
        // given
        String id = post(body(namespace(), "http://127.0.0.1:9/a", null)).statusCode(201).extract().path("id");

        // when / then
        given().when().post("/api/v1/triggers/" + id + "/pause").then().statusCode(200).body("paused", equalTo(true));
        given().when().post("/api/v1/triggers/" + id + "/fire").then().statusCode(409).body("error", containsString("paused"));
        given().when().post("/api/v1/triggers/" + id + "/resume").then().statusCode(200).body("paused", equalTo(false));
        given().when().post("/api/v1/triggers/" + id + "/fire").then().statusCode(409).body("error", containsString("no image"));
    }

    @Test
    void badInputIsA400NamingTheField() {
        String ns = namespace();
        post("{\"from\":").statusCode(400).body("error", startsWith("malformed JSON"));
        post("").statusCode(400);
        post("[]").statusCode(400);
        post(body(ns, "http://127.0.0.1:9/a", null).replace("\"paused\":false", "\"paused\":false,\"colour\":\"red\""))
                .statusCode(400).body("field", equalTo("colour")).body("error", equalTo("unknown field colour"));
        post(body(ns, "http://127.0.0.1:9/a", null).replace("\"url\"", "\"uri\""))
                .statusCode(400).body("field", equalTo("webhook.uri"));
        post(body(ns, "http://127.0.0.1:9/a", null).replace("\"paused\":false", "\"paused\":\"yes\""))
                .statusCode(400).body("field", equalTo("paused"));
        post(body(ns, "http://127.0.0.1:9/a", null).replace("ImageStreamTag", "DockerImage"))
                .statusCode(400).body("field", equalTo("from.kind"));
        post(body("Bad_NS", "http://127.0.0.1:9/a", null)).statusCode(400).body("field", equalTo("from.namespace"));
        post(body(ns, "http://127.0.0.1:9/a", null).replace("app:latest", "app")).statusCode(400).body("field", equalTo("from.name"));
        post(body(ns, "http://127.0.0.1:9/a", null).replace("app:latest", "app:")).statusCode(400).body("field", equalTo("from.name"));
        post(body(ns, "ftp://127.0.0.1/a", null)).statusCode(400).body("field", equalTo("webhook.url"));
        post(body(ns, "http://user:pw@127.0.0.1/a", null)).statusCode(400).body("field", equalTo("webhook.url"));
        post(body(ns, "not a url", null)).statusCode(400).body("field", equalTo("webhook.url"));
        post(body(ns, "http://127.0.0.1:9/a", "s3cret")).statusCode(400).body("field", equalTo("webhook.secret"));
        post(body(ns, "http://127.0.0.1:9/a", "whsec_!!!")).statusCode(400).body("field", equalTo("webhook.secret"));
        post(body(ns, "http://127.0.0.1:9/a", "whsec_c2hvcnQ=")).statusCode(400).body("field", equalTo("webhook.secret"));
        post("{\"webhook\":{\"url\":\"http://127.0.0.1:9/a\"}}").statusCode(400).body("field", equalTo("from"));
        given().when().get("/api/v1/deliveries?status=Lost").then().statusCode(400).body("field", equalTo("status"));
        given().when().get("/api/v1/deliveries?limit=0").then().statusCode(400).body("field", equalTo("limit"));
    }

    @Test
    void aMinImageAgeIsAGoDurationShownAsGoWritesItAndOffWhenOmitted() {
        // given
        String ns = namespace();

        // when
        String id = post(body(ns, "http://127.0.0.1:9/a", null).replace("\"paused\":false", "\"minImageAge\":\"1h30m\""))
                .statusCode(201).body("minImageAge", equalTo("1h30m0s")).extract().path("id");

        // then
        given().when().get("/api/v1/triggers/" + id).then().body("minImageAge", equalTo("1h30m0s"));
        given().contentType("application/json").body(body(ns, "http://127.0.0.1:9/a", null).replace("\"paused\":false",
                "\"minImageAge\":\"90s\"")).when().put("/api/v1/triggers/" + id).then().statusCode(200)
                .body("minImageAge", equalTo("1m30s"));
        given().contentType("application/json").body(body(ns, "http://127.0.0.1:9/a", null))
                .when().put("/api/v1/triggers/" + id).then().statusCode(200).body("minImageAge", nullValue());
        post(body(ns, "http://127.0.0.1:9/a", null).replace("\"paused\":false", "\"minImageAge\":\"0s\""))
                .statusCode(201).body("minImageAge", nullValue());
    }

    @Test
    void aMinImageAgeThatIsNoGoDurationIsA400NamingTheField() {
        String ns = namespace();
        for (String value : new String[] {"\"soon\"", "\"30\"", "\"-5m\"", "\"5d\"", "\"\"", "\"1h 30m\""}) {
            post(body(ns, "http://127.0.0.1:9/a", null).replace("\"paused\":false", "\"minImageAge\":" + value))
                    .statusCode(400)
                    .body("field", equalTo("minImageAge"))
                    .body("error", containsString("is not a duration such as 30m"));
        }
        post(body(ns, "http://127.0.0.1:9/a", null).replace("\"paused\":false", "\"minImageAge\":1800"))
                .statusCode(400).body("field", equalTo("minImageAge"));
        String id = post(body(ns, "http://127.0.0.1:9/a", null)).statusCode(201).extract().path("id");
        given().contentType("application/json").body(body(ns, "http://127.0.0.1:9/a", null).replace("\"paused\":false",
                "\"minImageAge\":\"later\"")).when().put("/api/v1/triggers/" + id).then().statusCode(400)
                .body("field", equalTo("minImageAge"));
        given().when().get("/api/v1/triggers?namespace=" + ns).then().body("items", org.hamcrest.Matchers.hasSize(1))
                .body("items[0].minImageAge", nullValue());
    }

    @Test
    void linkLocalMetadataUnspecifiedAndMulticastTargetsAreRefusedAtRegistration() {
        String ns = namespace();
        for (String url : new String[] {"http://169.254.169.254/latest/meta-data/", "http://[fe80::1]/hook",
                "http://[fd00:ec2::254]/", "http://0.0.0.0:8080/", "http://224.0.0.1/", "http://[::ffff:169.254.169.254]/"}) {
            post(body(ns, url, null)).statusCode(400)
                    .body("field", equalTo("webhook.url"))
                    .body("error", containsString("blocked range"));
        }
        given().when().get("/api/v1/triggers?namespace=" + ns).then().body("items", org.hamcrest.Matchers.empty());
    }

    @Test
    void aHostNameResolvingToAMetadataAddressIsRefusedWithoutConnecting() throws IOException {
        // given a listener that must never see a connection, and a name that resolves to a metadata address
        try (ServerSocket listener = new ServerSocket()) {
            listener.bind(new InetSocketAddress("127.0.0.1", 0));
            listener.setSoTimeout(300);
            resolver.answer("metadata.rebind.test", "169.254.169.254");

            // when
            post(body(namespace(), "http://metadata.rebind.test:" + listener.getLocalPort() + "/hook", null))
                    .statusCode(400)
                    .body("field", equalTo("webhook.url"))
                    .body("error", containsString("resolves to 169.254.169.254"));

            // then the name was checked, and nothing connected
            assertThat(resolver.lookups()).contains("metadata.rebind.test");
            assertThat(accepts(listener)).isFalse();
        }
    }

    @Test
    void statusReportsWorkloadTriggersDisabled() {
        given().when().get("/api/v1/status").then().statusCode(200)
                .body("workloadTriggers.enabled", equalTo(false))
                .body("workloadTriggers.message", containsString("imagestreams.kubernetes.enabled"))
                .body("webhooks.enabled", equalTo(true));
        given().when().get("/q/health/ready").then()
                .body("checks.name", hasItem("workload-triggers"));
    }

    private static boolean accepts(ServerSocket listener) throws IOException {
        try {
            listener.accept().close();
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        }
    }
}
