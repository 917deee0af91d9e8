package io.imagestreams.stream.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

import io.imagestreams.testsupport.KafkaResource;
import io.imagestreams.testsupport.PostgresResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Bad input is the client's error: a 4xx Status that names no Java type, never a 500. */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = "database", value = "streams"), parallel = true)
@WithTestResource(value = KafkaResource.class, parallel = true)
class MalformedInputTest {

    private static final String NS = "/apis/image.openshift.io/v1/namespaces/bad-input";

    static Stream<Arguments> requests() {
        // each body is wrong for every target below: malformed, mistyped or invalid whatever the kind
        String[] bodies = {
            "", "null", "[]", "42", "\"text\"", "{", "{\"metadata\":[]}", "{\"metadata\":{\"name\":7}}",
            "{\"metadata\":{\"name\":\"x\",\"labels\":\"no\"}}", "{\"metadata\":{\"name\":\"x\"},\"spec\":{\"tags\":\"no\"}}",
            "{\"metadata\":{\"name\":\"x\"},\"spec\":{\"tags\":[null]},\"tag\":{\"name\":[null]},\"image\":{\"dockerImageLayers\":[null]}}",
            "{\"metadata\":{\"name\":\"x\"},\"spec\":{\"tags\":[{\"name\":\"a\",\"generation\":\"x\"}]},\"tag\":7,\"image\":7}",
            "{\"metadata\":{\"name\":\"x\",\"creationTimestamp\":\"yesterday\"}}",
            "{\"metadata\":{\"name\":\"x\",\"labels\":{\"a\":true}}}",
            "{\"metadata\":{\"name\":\"x\",\"generation\":\"one\"}}",
        };
        String[][] targets = {
            {"POST", NS + "/imagestreams"}, {"PUT", NS + "/imagestreams/x"}, {"PUT", NS + "/imagestreams/x/status"},
            {"POST", NS + "/imagestreammappings"}, {"POST", NS + "/imagestreamtags"}, {"PUT", NS + "/imagestreamtags/x:y"},
            {"POST", "/apis/image.openshift.io/v1/images"},
        };
        Stream.Builder<Arguments> all = Stream.builder();
        for (String[] target : targets) {
            for (String body : bodies) {
                all.add(Arguments.of(target[0], target[1], body));
            }
        }
        return all.build();
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("requests")
    void answersAClientErrorStatus(String method, String path, String body) {
        given().contentType("application/json").body(body)
                .when().request(method, path)
                .then().statusCode(allOf(greaterThanOrEqualTo(400), lessThan(500)))
                .body("kind", equalTo("Status"))
                .body(not(containsString("java.")), not(containsString("Exception")), not(containsString("com.fasterxml")));
    }
}
