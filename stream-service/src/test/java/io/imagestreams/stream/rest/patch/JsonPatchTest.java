package io.imagestreams.stream.rest.patch;

import static io.imagestreams.stream.rest.patch.PatchAssertions.badRequestMessage;
import static io.imagestreams.stream.rest.patch.PatchAssertions.bytes;
import static io.imagestreams.stream.rest.patch.PatchAssertions.json;
import static io.imagestreams.stream.rest.patch.PatchAssertions.notApplicableDetail;
import static io.imagestreams.stream.rest.patch.PatchAssertions.statusOf;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.imagestreams.api.meta.Status;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class JsonPatchTest {

    /** RFC 6902 appendix A, the examples that succeed: section, document, patch, result. */
    static Stream<Arguments> rfc6902AppendixA() {
        return Stream.of(
                Arguments.of("A.1 adding an object member", "{\"foo\":\"bar\"}",
                        "[{\"op\":\"add\",\"path\":\"/baz\",\"value\":\"qux\"}]",
                        "{\"baz\":\"qux\",\"foo\":\"bar\"}"),
                Arguments.of("A.2 adding an array element", "{\"foo\":[\"bar\",\"baz\"]}",
                        "[{\"op\":\"add\",\"path\":\"/foo/1\",\"value\":\"qux\"}]",
                        "{\"foo\":[\"bar\",\"qux\",\"baz\"]}"),
                Arguments.of("A.3 removing an object member", "{\"baz\":\"qux\",\"foo\":\"bar\"}",
                        "[{\"op\":\"remove\",\"path\":\"/baz\"}]",
                        "{\"foo\":\"bar\"}"),
                Arguments.of("A.4 removing an array element", "{\"foo\":[\"bar\",\"qux\",\"baz\"]}",
                        "[{\"op\":\"remove\",\"path\":\"/foo/1\"}]",
                        "{\"foo\":[\"bar\",\"baz\"]}"),
                Arguments.of("A.5 replacing a value", "{\"baz\":\"qux\",\"foo\":\"bar\"}",
                        "[{\"op\":\"replace\",\"path\":\"/baz\",\"value\":\"boo\"}]",
                        "{\"baz\":\"boo\",\"foo\":\"bar\"}"),
                Arguments.of("A.6 moving a value",
                        "{\"foo\":{\"bar\":\"baz\",\"waldo\":\"fred\"},\"qux\":{\"corge\":\"grault\"}}",
                        "[{\"op\":\"move\",\"from\":\"/foo/waldo\",\"path\":\"/qux/thud\"}]",
                        "{\"foo\":{\"bar\":\"baz\"},\"qux\":{\"corge\":\"grault\",\"thud\":\"fred\"}}"),
                Arguments.of("A.7 moving an array element", "{\"foo\":[\"all\",\"grass\",\"cows\",\"eat\"]}",
                        "[{\"op\":\"move\",\"from\":\"/foo/1\",\"path\":\"/foo/3\"}]",
                        "{\"foo\":[\"all\",\"cows\",\"eat\",\"grass\"]}"),
                Arguments.of("A.8 testing a value: success", "{\"baz\":\"qux\",\"foo\":[\"a\",2,\"c\"]}",
                        "[{\"op\":\"test\",\"path\":\"/baz\",\"value\":\"qux\"},"
                                + "{\"op\":\"test\",\"path\":\"/foo/1\",\"value\":2}]",
                        "{\"baz\":\"qux\",\"foo\":[\"a\",2,\"c\"]}"),
                Arguments.of("A.10 adding a nested member object", "{\"foo\":\"bar\"}",
                        "[{\"op\":\"add\",\"path\":\"/child\",\"value\":{\"grandchild\":{}}}]",
                        "{\"foo\":\"bar\",\"child\":{\"grandchild\":{}}}"),
                Arguments.of("A.11 ignoring unrecognized elements", "{\"foo\":\"bar\"}",
                        "[{\"op\":\"add\",\"path\":\"/baz\",\"value\":\"qux\",\"xyz\":123}]",
                        "{\"foo\":\"bar\",\"baz\":\"qux\"}"),
                Arguments.of("A.14 ~ escape ordering", "{\"/\":9,\"~1\":10}",
                        "[{\"op\":\"test\",\"path\":\"/~01\",\"value\":10}]",
                        "{\"/\":9,\"~1\":10}"),
                Arguments.of("A.16 adding an array value", "{\"foo\":[\"bar\"]}",
                        "[{\"op\":\"add\",\"path\":\"/foo/-\",\"value\":[\"abc\",\"def\"]}]",
                        "{\"foo\":[\"bar\",[\"abc\",\"def\"]]}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rfc6902AppendixA")
    void appliesTheSuccessfulExamplesOfRfc6902AppendixA(String section, String document, String patch,
            String expected) {
        // given
        JsonNode target = json(document);

        // when
        JsonNode result = JsonPatch.apply(target, json(patch));

        // then
        assertThat(result).isEqualTo(json(expected));
        assertThat(target).isEqualTo(json(document));
    }

    @Test
    void a9RefusesAFailedTestAs422() {
        // when
        String detail = notApplicableDetail(() -> JsonPatch.apply(json("{\"baz\":\"qux\"}"),
                json("[{\"op\":\"test\",\"path\":\"/baz\",\"value\":\"bar\"}]")));

        // then
        assertThat(detail).isEqualTo("test operation does not apply: the value at \"/baz\" is not the expected value");
    }

    @Test
    void a12RefusesAddingToANonexistentTargetAs422() {
        // when
        String detail = notApplicableDetail(() -> JsonPatch.apply(json("{\"foo\":\"bar\"}"),
                json("[{\"op\":\"add\",\"path\":\"/baz/bat\",\"value\":\"qux\"}]")));

        // then
        assertThat(detail).isEqualTo("add operation does not apply: doc is missing path: \"/baz/bat\"");
    }

    @Test
    void a13RefusesAnOperationWithTwoOpMembersAs400() {
        // when
        String message = badRequestMessage(() -> Patches.apply(json("{\"foo\":\"bar\"}"),
                bytes("[{\"op\":\"add\",\"path\":\"/baz\",\"value\":\"qux\",\"op\":\"remove\"}]"),
                "application/json-patch+json", PatchSchema.NONE));

        // then
        assertThat(message).startsWith("json parse error: Duplicate field 'op'");
    }

    @Test
    void a15DoesNotEqualAStringWithANumber() {
        // when
        String detail = notApplicableDetail(() -> JsonPatch.apply(json("{\"/\":9,\"~1\":10}"),
                json("[{\"op\":\"test\",\"path\":\"/~01\",\"value\":\"10\"}]")));

        // then
        assertThat(detail).isEqualTo("test operation does not apply: the value at \"/~01\" is not the expected value");
    }

    @Test
    void testComparesNumbersByValueAndObjectsRegardlessOfMemberOrder() {
        // given
        JsonNode document = json("{\"n\":1,\"o\":{\"a\":1.0,\"b\":[2,{\"c\":null}]}}");

        // when
        JsonNode result = JsonPatch.apply(document, json("""
                [{"op":"test","path":"/n","value":1.00},
                 {"op":"test","path":"/o","value":{"b":[2.0,{"c":null}],"a":1}},
                 {"op":"test","path":"","value":{"o":{"b":[2,{"c":null}],"a":1},"n":1}}]"""));

        // then
        assertThat(result).isEqualTo(document);
    }

    @Test
    void copiesAValueWithoutSharingIt() {
        // when
        JsonNode result = JsonPatch.apply(json("{\"a\":{\"b\":1}}"), json("""
                [{"op":"copy","from":"/a","path":"/c"},
                 {"op":"replace","path":"/c/b","value":2}]"""));

        // then
        assertThat(result).isEqualTo(json("{\"a\":{\"b\":1},\"c\":{\"b\":2}}"));
    }

    @Test
    void addsAtTheEndOfAnArrayByIndexOrDashAndReplacesAnExistingMember() {
        // when
        JsonNode result = JsonPatch.apply(json("{\"a\":[1],\"b\":1}"), json("""
                [{"op":"add","path":"/a/1","value":2},
                 {"op":"add","path":"/a/-","value":3},
                 {"op":"add","path":"/b","value":{"x":null}}]"""));

        // then
        assertThat(result).isEqualTo(json("{\"a\":[1,2,3],\"b\":{\"x\":null}}"));
    }

    @Test
    void addOrReplaceAtTheRootReplacesTheDocument() {
        // when
        JsonNode added = JsonPatch.apply(json("{\"a\":1}"), json("[{\"op\":\"add\",\"path\":\"\",\"value\":{\"b\":2}}]"));
        JsonNode replaced = JsonPatch.apply(json("{\"a\":1}"),
                json("[{\"op\":\"replace\",\"path\":\"\",\"value\":{\"c\":3}}]"));

        // then
        assertThat(added).isEqualTo(json("{\"b\":2}"));
        assertThat(replaced).isEqualTo(json("{\"c\":3}"));
    }

    @Test
    void decodesEscapedSlashesAndTildesInMemberNames() {
        // when
        JsonNode result = JsonPatch.apply(json("{\"metadata\":{\"annotations\":{}}}"), json("""
                [{"op":"add","path":"/metadata/annotations/openshift.io~1display-name","value":"Web"},
                 {"op":"add","path":"/metadata/annotations/a~0b","value":"tilde"}]"""));

        // then
        assertThat(result).isEqualTo(json(
                "{\"metadata\":{\"annotations\":{\"openshift.io/display-name\":\"Web\",\"a~b\":\"tilde\"}}}"));
    }

    @Test
    void movingAValueOntoItselfChangesNothing() {
        // when
        JsonNode result = JsonPatch.apply(json("{\"a\":{\"b\":1}}"),
                json("[{\"op\":\"move\",\"from\":\"/a\",\"path\":\"/a\"}]"));

        // then
        assertThat(result).isEqualTo(json("{\"a\":{\"b\":1}}"));
    }

    static Stream<Arguments> operationsThatDoNotApply() {
        return Stream.of(
                Arguments.of("[{\"op\":\"remove\",\"path\":\"/missing\"}]",
                        "remove operation does not apply: doc is missing path: \"/missing\""),
                Arguments.of("[{\"op\":\"remove\",\"path\":\"/list/2\"}]",
                        "remove operation does not apply: doc is missing path: \"/list/2\""),
                Arguments.of("[{\"op\":\"remove\",\"path\":\"/list/-\"}]",
                        "remove operation does not apply: doc is missing path: \"/list/-\""),
                Arguments.of("[{\"op\":\"remove\",\"path\":\"\"}]",
                        "remove operation does not apply: the whole document cannot be removed"),
                Arguments.of("[{\"op\":\"replace\",\"path\":\"/missing\",\"value\":1}]",
                        "replace operation does not apply: doc is missing path: \"/missing\""),
                Arguments.of("[{\"op\":\"add\",\"path\":\"/list/3\",\"value\":1}]",
                        "add operation does not apply: index 3 is out of bounds for the array at \"/list\""),
                Arguments.of("[{\"op\":\"add\",\"path\":\"/list/01\",\"value\":1}]",
                        "add operation does not apply: \"01\" is not an index of the array at \"/list\""),
                Arguments.of("[{\"op\":\"add\",\"path\":\"/name/x\",\"value\":1}]",
                        "add operation does not apply: doc is missing path: \"/name/x\""),
                Arguments.of("[{\"op\":\"move\",\"from\":\"/missing\",\"path\":\"/x\"}]",
                        "move operation does not apply: doc is missing from path: \"/missing\""),
                Arguments.of("[{\"op\":\"move\",\"from\":\"/object\",\"path\":\"/object/child\"}]",
                        "move operation does not apply: \"/object\" cannot be moved into its own child \"/object/child\""),
                Arguments.of("[{\"op\":\"copy\",\"from\":\"/list/9\",\"path\":\"/x\"}]",
                        "copy operation does not apply: doc is missing from path: \"/list/9\""),
                Arguments.of("[{\"op\":\"test\",\"path\":\"/missing\",\"value\":null}]",
                        "test operation does not apply: doc is missing path: \"/missing\""));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("operationsThatDoNotApply")
    void refusesOperationsThatDoNotApplyAs422(String patch, String expectedDetail) {
        // given
        JsonNode document = json("{\"name\":\"a\",\"list\":[1,2],\"object\":{}}");

        // when
        String detail = notApplicableDetail(() -> JsonPatch.apply(document, json(patch)));

        // then
        assertThat(detail).isEqualTo(expectedDetail);
    }

    static Stream<Arguments> malformedPatches() {
        return Stream.of(
                Arguments.of("{\"op\":\"add\",\"path\":\"/a\",\"value\":1}",
                        "invalid JSON patch: it must be an array of operations, not object"),
                Arguments.of("[1]", "invalid JSON patch: operation 0 must be an object, not number"),
                Arguments.of("[{\"path\":\"/a\"}]", "invalid JSON patch: operation 0 must have a string \"op\""),
                Arguments.of("[{\"op\":\"test\",\"path\":\"/a\",\"value\":1},{\"op\":\"increment\",\"path\":\"/a\"}]",
                        "invalid JSON patch: operation 1 has unknown op \"increment\"; "
                                + "supported ops: add, remove, replace, move, copy, test"),
                Arguments.of("[{\"op\":\"add\",\"value\":1}]", "invalid JSON patch: operation 0 must have a string \"path\""),
                Arguments.of("[{\"op\":\"add\",\"path\":\"/a\"}]",
                        "invalid JSON patch: operation 0 (add) is missing \"value\""),
                Arguments.of("[{\"op\":\"copy\",\"path\":\"/a\"}]",
                        "invalid JSON patch: operation 0 must have a string \"from\""),
                Arguments.of("[{\"op\":\"remove\",\"path\":\"a\"}]",
                        "invalid JSON pointer \"a\": it must be empty or start with \"/\""),
                Arguments.of("[{\"op\":\"remove\",\"path\":\"/a~2\"}]",
                        "invalid JSON pointer \"/a~2\": \"~\" must be followed by \"0\" or \"1\""));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("malformedPatches")
    void refusesMalformedPatchesAs400BeforeApplyingAnything(String patch, String expectedMessage) {
        // when
        String message = badRequestMessage(() -> JsonPatch.apply(json("{\"a\":1}"), json(patch)));

        // then
        assertThat(message).isEqualTo(expectedMessage);
    }

    @Test
    void appliesAllOperationsOrNone() {
        // given
        JsonNode document = json("{\"a\":1}");

        // when
        notApplicableDetail(() -> JsonPatch.apply(document, json("""
                [{"op":"replace","path":"/a","value":2},
                 {"op":"test","path":"/a","value":3}]""")));

        // then
        assertThat(document).isEqualTo(json("{\"a\":1}"));
    }

    @Test
    void refusesMoreOperationsThanTheApiserverAllowsAs413() {
        // given
        StringBuilder patch = new StringBuilder("[");
        for (int i = 0; i <= JsonPatch.MAX_OPERATIONS; i++) {
            patch.append(i == 0 ? "" : ",").append("{\"op\":\"test\",\"path\":\"/a\",\"value\":1}");
        }
        patch.append(']');

        // when
        Status status = statusOf(() -> JsonPatch.apply(json("{\"a\":1}"), json(patch.toString())));

        // then
        assertThat(status.getCode()).isEqualTo(413);
        assertThat(status.getReason()).isEqualTo("RequestEntityTooLarge");
        assertThat(status.getMessage())
                .isEqualTo("Request entity too large: The allowed maximum operations in a JSON patch is 10000, got 10001");
    }
}
