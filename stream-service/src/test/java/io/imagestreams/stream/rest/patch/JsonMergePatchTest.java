package io.imagestreams.stream.rest.patch;

import static io.imagestreams.stream.rest.patch.PatchAssertions.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class JsonMergePatchTest {

    /** RFC 7386 appendix A, every row: original, patch, result. */
    static Stream<Arguments> rfc7386AppendixA() {
        return Stream.of(
                Arguments.of("{\"a\":\"b\"}", "{\"a\":\"c\"}", "{\"a\":\"c\"}"),
                Arguments.of("{\"a\":\"b\"}", "{\"b\":\"c\"}", "{\"a\":\"b\",\"b\":\"c\"}"),
                Arguments.of("{\"a\":\"b\"}", "{\"a\":null}", "{}"),
                Arguments.of("{\"a\":\"b\",\"b\":\"c\"}", "{\"a\":null}", "{\"b\":\"c\"}"),
                Arguments.of("{\"a\":[\"b\"]}", "{\"a\":\"c\"}", "{\"a\":\"c\"}"),
                Arguments.of("{\"a\":\"c\"}", "{\"a\":[\"b\"]}", "{\"a\":[\"b\"]}"),
                Arguments.of("{\"a\":{\"b\":\"c\"}}", "{\"a\":{\"b\":\"d\",\"c\":null}}", "{\"a\":{\"b\":\"d\"}}"),
                Arguments.of("{\"a\":[{\"b\":\"c\"}]}", "{\"a\":[1]}", "{\"a\":[1]}"),
                Arguments.of("[\"a\",\"b\"]", "[\"c\",\"d\"]", "[\"c\",\"d\"]"),
                Arguments.of("{\"a\":\"b\"}", "[\"c\"]", "[\"c\"]"),
                Arguments.of("{\"a\":\"foo\"}", "null", "null"),
                Arguments.of("{\"a\":\"foo\"}", "\"bar\"", "\"bar\""),
                Arguments.of("{\"e\":null}", "{\"a\":1}", "{\"e\":null,\"a\":1}"),
                Arguments.of("[1,2]", "{\"a\":\"b\",\"c\":null}", "{\"a\":\"b\"}"),
                Arguments.of("{}", "{\"a\":{\"bb\":{\"ccc\":null}}}", "{\"a\":{\"bb\":{}}}"));
    }

    @ParameterizedTest(name = "{0} + {1} = {2}")
    @MethodSource("rfc7386AppendixA")
    void appliesEveryExampleOfRfc7386AppendixA(String original, String patch, String expected) {
        // given
        JsonNode target = json(original);

        // when
        JsonNode result = JsonMergePatch.apply(target, json(patch));

        // then
        assertThat(result).isEqualTo(json(expected));
        assertThat(target).isEqualTo(json(original));
    }

    @Test
    void appliesTheExampleOfRfc7386Section3() {
        // given
        JsonNode target = json("""
                {"title": "Goodbye!",
                 "author": {"givenName": "John", "familyName": "Doe"},
                 "tags": ["example", "sample"],
                 "content": "This will be unchanged"}""");
        JsonNode patch = json("""
                {"title": "Hello!",
                 "phoneNumber": "+01-123-456-7890",
                 "author": {"familyName": null},
                 "tags": ["example"]}""");

        // when
        JsonNode result = JsonMergePatch.apply(target, patch);

        // then
        assertThat(result).isEqualTo(json("""
                {"title": "Hello!",
                 "author": {"givenName": "John"},
                 "tags": ["example"],
                 "content": "This will be unchanged",
                 "phoneNumber": "+01-123-456-7890"}"""));
    }

    @Test
    void keepsTheMemberOrderOfTheTargetAndAppendsNewMembers() {
        // when
        JsonNode result = JsonMergePatch.apply(json("{\"b\":1,\"a\":2}"), json("{\"c\":3,\"b\":4}"));

        // then
        assertThat(result.toString()).isEqualTo("{\"b\":4,\"a\":2,\"c\":3}");
    }

    @Test
    void keepsNullsInsideArraysOfThePatch() {
        // when
        JsonNode result = JsonMergePatch.apply(json("{}"), json("{\"a\":[null,{\"b\":null}]}"));

        // then
        assertThat(result).isEqualTo(json("{\"a\":[null,{\"b\":null}]}"));
    }

    @Test
    void doesNotShareNodesWithThePatch() {
        // given
        JsonNode patch = json("{\"a\":{\"b\":[1]}}");

        // when
        JsonNode result = JsonMergePatch.apply(json("{}"), patch);
        ((ArrayNode) result.get("a").get("b")).add(2);

        // then
        assertThat(patch).isEqualTo(json("{\"a\":{\"b\":[1]}}"));
    }
}
