package io.imagestreams.stream.selector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The Kubernetes label selector grammar, evaluated in memory (apimachinery {@code labels.Parse} semantics). */
class LabelSelectorTest {

    private static final Map<String, String> WEB = Map.of("tier", "web", "app.kubernetes.io/name", "shop", "env", "");

    @ParameterizedTest(name = "\"{0}\" selects {1}")
    @CsvSource(delimiter = '|', value = {
            "''                                   | true",
            "tier=web                             | true",
            "tier==web                            | true",
            "tier = web                           | true",
            "tier=db                              | false",
            "tier!=db                             | true",
            "tier!=web                            | false",
            "missing!=x                           | true",
            "tier                                 | true",
            "missing                              | false",
            "!missing                             | true",
            "! tier                               | false",
            "tier in (db,web)                     | true",
            "tier in(db, web )                    | true",
            "tier in (db)                         | false",
            "missing in (web)                     | false",
            "tier notin (db)                      | true",
            "tier notin (db,web)                  | false",
            "missing notin (web)                  | true",
            "app.kubernetes.io/name=shop          | true",
            "env=                                 | true",
            "env in ()                            | true",
            "tier=web,!missing,tier notin (db)    | true",
            "tier=web,missing                     | false",
            "tier=web,,                           | true",
    })
    void matchesLabelsLikeTheApiServer(String selector, boolean selected) {
        assertThat(LabelSelector.parse(selector).matches(WEB)).isEqualTo(selected);
    }

    @Test
    void selectsEverythingWhenEmptyAndNothingButUnlabelledObjectsForNegations() {
        assertThat(LabelSelector.parse(null).isEverything()).isTrue();
        assertThat(LabelSelector.parse("  ").matches(Map.of())).isTrue();
        assertThat(LabelSelector.parse("tier!=web").matches(Map.of())).isTrue();
        assertThat(LabelSelector.parse("tier notin (web)").matches(Map.of())).isTrue();
        assertThat(LabelSelector.parse("tier").matches(Map.of())).isFalse();
    }

    @Test
    void keepsEachRequirementWithItsOperatorAndValues() {
        LabelSelector selector = LabelSelector.parse("a in (y,x),!b,c!=z");

        assertThat(selector.requirements()).extracting(LabelSelector.Requirement::operator)
                .containsExactly(LabelSelector.Operator.IN, LabelSelector.Operator.DOES_NOT_EXIST, LabelSelector.Operator.NOT_EQUALS);
        assertThat(selector).hasToString("a in (x,y),!b,c!=z");
    }

    @ParameterizedTest
    @ValueSource(strings = {"tier in (web", "tier in web", "tier web", "=web", "-bad-=x", "tier=-bad-", "!", "tier in (a b)",
            "a/b/c=x", "UPPER.example.com/name=x"})
    void rejectsMalformedSelectors(String selector) {
        assertThatThrownBy(() -> LabelSelector.parse(selector))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("unable to parse requirement: ");
    }
}
