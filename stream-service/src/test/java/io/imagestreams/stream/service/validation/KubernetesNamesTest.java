package io.imagestreams.stream.service.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class KubernetesNamesTest {

    private static final String LABEL_REGEX_ERROR = "a lowercase RFC 1123 label must consist of lower case"
            + " alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g."
            + " 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
    private static final String NAME_PART_ERROR = "name part must consist of alphanumeric characters, '-', '_' or"
            + " '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or"
            + " '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
    private static final String LABEL_VALUE_ERROR = "a valid label must be an empty string or consist of"
            + " alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g."
            + " 'MyValue',  or 'my_value',  or '12345', regex used for validation is"
            + " '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";

    @ParameterizedTest
    @ValueSource(strings = {"a", "openshift", "my-project-1", "0"})
    void acceptsDnsLabels(String namespace) {
        // when / then
        assertThat(KubernetesNames.dns1123Label(namespace)).isEmpty();
    }

    static Stream<Arguments> badDnsLabels() {
        return Stream.of(
                Arguments.of("", List.of(LABEL_REGEX_ERROR)),
                Arguments.of("My-Project", List.of(LABEL_REGEX_ERROR)),
                Arguments.of("-lead", List.of(LABEL_REGEX_ERROR)),
                Arguments.of("trail-", List.of(LABEL_REGEX_ERROR)),
                Arguments.of("with.dots", List.of("must not contain dots")),
                Arguments.of("a".repeat(64), List.of("must be no more than 63 characters")),
                Arguments.of("a".repeat(64) + "_", List.of("must be no more than 63 characters", LABEL_REGEX_ERROR)));
    }

    @ParameterizedTest
    @MethodSource("badDnsLabels")
    void explainsBadDnsLabelsAsKubernetesDoes(String namespace, List<String> reasons) {
        // when / then
        assertThat(KubernetesNames.dns1123Label(namespace)).containsExactlyElementsOf(reasons);
    }

    @ParameterizedTest
    @ValueSource(strings = {"app", "App.Name_1", "example.com/app", "openshift.io/display-name", "a/b"})
    void acceptsQualifiedNames(String key) {
        // when / then
        assertThat(KubernetesNames.qualifiedName(key)).isEmpty();
    }

    static Stream<Arguments> badQualifiedNames() {
        return Stream.of(
                Arguments.of("", List.of("name part must be non-empty", NAME_PART_ERROR)),
                Arguments.of("-app", List.of(NAME_PART_ERROR)),
                Arguments.of("example.com/", List.of("name part must be non-empty", NAME_PART_ERROR)),
                Arguments.of("/app", List.of("prefix part must be non-empty")),
                Arguments.of("Example.com/app", List.of("prefix part a lowercase RFC 1123 subdomain must consist of"
                        + " lower case alphanumeric characters, '-' or '.', and must start and end with an"
                        + " alphanumeric character (e.g. 'example.com', regex used for validation is"
                        + " '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')")),
                Arguments.of("k".repeat(64), List.of("name part must be no more than 63 characters")),
                Arguments.of("a/b/c", List.of("a qualified name must consist of alphanumeric characters, '-', '_'"
                        + " or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or"
                        + " 'my.name',  or '123-abc', regex used for validation is"
                        + " '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and"
                        + " '/' (e.g. 'example.com/MyName')")));
    }

    @ParameterizedTest
    @MethodSource("badQualifiedNames")
    void explainsBadQualifiedNamesAsKubernetesDoes(String key, List<String> reasons) {
        // when / then
        assertThat(KubernetesNames.qualifiedName(key)).containsExactlyElementsOf(reasons);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "v1", "My_Value-1.0"})
    void acceptsLabelValues(String value) {
        // when / then
        assertThat(KubernetesNames.labelValue(value)).isEmpty();
    }

    @Test
    void countsLabelValueLengthInBytes() {
        // given 32 two-byte characters: 64 bytes
        String value = "é".repeat(32);

        // when / then
        assertThat(KubernetesNames.labelValue(value))
                .containsExactly("must be no more than 63 characters", LABEL_VALUE_ERROR);
    }

    @Test
    void rejectsALabelValueWithATrailingNewline() {
        // when / then
        assertThat(KubernetesNames.labelValue("v1\n")).containsExactly(LABEL_VALUE_ERROR);
    }

    static Stream<Arguments> pathSegments() {
        return Stream.of(
                Arguments.of("php:7.1", false, List.of()),
                Arguments.of(".", false, List.of("may not be '.'")),
                Arguments.of("..", false, List.of("may not be '..'")),
                Arguments.of("..", true, List.of()),
                Arguments.of("a/b%c", false, List.of("may not contain '/'", "may not contain '%'")),
                Arguments.of("a/", true, List.of("may not contain '/'")));
    }

    @ParameterizedTest
    @MethodSource("pathSegments")
    void checksPathSegments(String name, boolean prefix, List<String> reasons) {
        // when / then
        assertThat(KubernetesNames.pathSegment(name, prefix)).containsExactlyElementsOf(reasons);
    }

    @Test
    void staysFastOnHugeKeys() {
        // given a quarter-megabyte key that fails only at its end
        String key = "a.".repeat(64 * 1024) + "-/" + "b".repeat(100_000) + "_";

        // when / then: scanning is linear; a backtracking regex takes minutes here
        assertThat(KubernetesNames.qualifiedName(key)).hasSize(4);
    }
}
