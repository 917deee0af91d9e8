package io.imagestreams.stream.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.imagestreams.launcher.LocalTokens;
import io.imagestreams.testsupport.KafkaResource;
import io.imagestreams.testsupport.PostgresResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The API with {@code imagestreams.auth.mode=jwt}: 401 without a valid bearer token, 403 for what the token's
 * grants do not allow (Kubernetes wording), discovery for any authenticated user, /q endpoints open.
 */
@QuarkusTest
@TestProfile(AuthorizationTest.JwtOn.class)
@WithTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = "database", value = "streams"), parallel = true)
@WithTestResource(value = KafkaResource.class, parallel = true)
class AuthorizationTest {

    private static final String API = "/apis/image.openshift.io/v1";
    private static final Path KEYS = Path.of("target", "auth-test-keys");

    private final LocalTokens tokens = LocalTokens.loadOrCreate(KEYS);
    private String teamA;
    private String teamB;

    /** JWT mode with the test's key pair (made by the profile, read by the test). */
    public static class JwtOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            LocalTokens.loadOrCreate(KEYS);
            return Map.of("imagestreams.auth.mode", "jwt",
                    "imagestreams.auth.jwt.issuer", LocalTokens.ISSUER,
                    "imagestreams.auth.jwt.public-key-location", LocalTokens.publicKeyFile(KEYS).toAbsolutePath().toString(),
                    "imagestreams.auth.jwt.group-roles.pushers", "*:image-pusher");
        }
    }

    @BeforeEach
    void namespaces() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        teamA = "team-a-" + suffix;
        teamB = "team-b-" + suffix;
    }

    @Test
    void aRequestWithoutAValidTokenIsUnauthorizedButHealthStaysOpen() {
        given().when().get(API + "/namespaces/" + teamA + "/imagestreams").then().statusCode(401)
                .body("kind", equalTo("Status")).body("reason", equalTo("Unauthorized")).body("code", equalTo(401))
                .body("message", equalTo("Unauthorized"));
        as("Bearer not-a-token").when().get(API + "/namespaces/" + teamA + "/imagestreams").then().statusCode(401);
        String expired = tokens.token("alice", List.of("*:admin"), Duration.ofMinutes(5), Instant.now().minus(Duration.ofHours(1)));
        bearer(expired).when().get(API + "/namespaces/" + teamA + "/imagestreams").then().statusCode(401);
        LocalTokens stranger = new LocalTokens(LocalTokens.newKeyPair().getPrivate(), LocalTokens.ISSUER);
        bearer(stranger.token("alice", List.of("*:admin"), Duration.ofHours(1), Instant.now()))
                .when().get(API + "/namespaces/" + teamA + "/imagestreams").then().statusCode(401);
        given().when().get("/q/health/live").then().statusCode(200);
    }

    @Test
    void discoveryNeedsATokenButNoGrant() {
        bearer(token("nobody")).when().get(API).then().statusCode(200).body("kind", equalTo("APIResourceList"));
        bearer(token("nobody")).when().get("/apis").then().statusCode(200);
        given().when().get("/apis").then().statusCode(401);
    }

    @Test
    void anEditorWritesInItsNamespaceOnly() {
        String alice = token("alice", teamA + ":edit");

        // when / then
        createStream(alice, teamA).then().statusCode(201);
        createStream(alice, teamB).then().statusCode(403).body("reason", equalTo("Forbidden"))
                .body("message", equalTo("imagestreams.image.openshift.io is forbidden: User \"alice\" cannot create resource \"imagestreams\""
                        + " in API group \"image.openshift.io\" in the namespace \"" + teamB + "\""))
                .body("details.group", equalTo("image.openshift.io")).body("details.kind", equalTo("imagestreams"));
        bearer(alice).when().delete(API + "/namespaces/" + teamA + "/imagestreams/app").then().statusCode(200);
    }

    @Test
    void aViewerReadsButDoesNotWriteAndSeesOtherNamespacesOnlyWithAClusterGrant() {
        // given
        createStream(token("admin", teamA + ":admin"), teamA).then().statusCode(201);
        String viewer = token("vic", teamA + ":view");

        // when / then
        bearer(viewer).when().get(API + "/namespaces/" + teamA + "/imagestreams/app").then().statusCode(200);
        bearer(viewer).when().get(API + "/namespaces/" + teamA + "/imagestreams/app/status").then().statusCode(200);
        bearer(viewer).when().delete(API + "/namespaces/" + teamA + "/imagestreams/app").then().statusCode(403)
                .body("message", equalTo("imagestreams.image.openshift.io \"app\" is forbidden: User \"vic\" cannot delete resource"
                        + " \"imagestreams\" in API group \"image.openshift.io\" in the namespace \"" + teamA + "\""));
        bearer(viewer).when().get(API + "/imagestreams").then().statusCode(403)
                .body("message", org.hamcrest.Matchers.endsWith("cannot list resource \"imagestreams\" in API group \"image.openshift.io\""
                        + " at the cluster scope"));
        bearer(token("auditor", "*:view")).when().get(API + "/imagestreams").then().statusCode(200);
        bearer(token("auditor", "*:view")).when().get(API + "/images").then().statusCode(403);
        bearer(token("registry", "registry-viewer")).when().get(API + "/images").then().statusCode(200);
    }

    @Test
    void watchesAreGuardedLikeLists() {
        String viewer = token("vic", teamA + ":view");

        // when / then
        given().when().get(API + "/namespaces/" + teamA + "/imagestreams?watch=true&timeoutSeconds=1").then().statusCode(401);
        bearer(viewer).when().get(API + "/namespaces/" + teamB + "/imagestreams?watch=true&timeoutSeconds=1").then().statusCode(403)
                .body("message", org.hamcrest.Matchers.containsString("cannot watch resource \"imagestreams\""));
        bearer(viewer).when().get(API + "/watch/namespaces/" + teamB + "/imagestreams?timeoutSeconds=1").then().statusCode(403);
        bearer(viewer).when().get(API + "/namespaces/" + teamA + "/imagestreams?watch=true&timeoutSeconds=1").then().statusCode(200);
    }

    @Test
    void onlyThePusherRoleMapsImagesGrantedDirectlyOrThroughAGroup() {
        // given
        createStream(token("admin", teamA + ":admin"), teamA).then().statusCode(201);
        byte[] mapping = ImageStreamResourceTest.fixture("seeds/origin-ruby-sample-mapping.yaml").replace("origin-ruby-sample", "app")
                .getBytes(StandardCharsets.UTF_8);

        // when / then
        bearer(token("editor", teamA + ":edit")).contentType("application/yaml").body(mapping)
                .when().post(API + "/namespaces/" + teamA + "/imagestreammappings").then().statusCode(403);
        bearer(token("registry", teamA + ":image-pusher")).contentType("application/yaml").body(mapping)
                .when().post(API + "/namespaces/" + teamA + "/imagestreammappings").then().statusCode(201);
        String groupMember = tokens.sign("{\"alg\":\"ES256\"}", "{\"iss\":\"" + LocalTokens.ISSUER + "\",\"sub\":\"ci\",\"exp\":"
                + Instant.now().plusSeconds(600).getEpochSecond() + ",\"groups\":[\"pushers\"]}");
        bearer(groupMember).contentType("application/yaml").body(mapping)
                .when().post(API + "/namespaces/" + teamA + "/imagestreammappings").then().statusCode(201);
    }

    private io.restassured.response.Response createStream(String token, String namespace) {
        return bearer(token).contentType("application/json")
                .body("{\"apiVersion\":\"image.openshift.io/v1\",\"kind\":\"ImageStream\",\"metadata\":{\"name\":\"app\"}}")
                .when().post(API + "/namespaces/" + namespace + "/imagestreams");
    }

    private String token(String user, String... grants) {
        return tokens.token(user, List.of(grants), Duration.ofHours(1), Instant.now());
    }

    private static RequestSpecification bearer(String token) {
        return as("Bearer " + token);
    }

    private static RequestSpecification as(String authorization) {
        return given().header("Authorization", authorization);
    }
}
