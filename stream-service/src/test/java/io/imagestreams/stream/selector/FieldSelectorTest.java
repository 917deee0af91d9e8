package io.imagestreams.stream.selector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Field selectors over metadata.name and metadata.namespace, as fabric8 uses them to watch one object. */
class FieldSelectorTest {

    @Test
    void matchesNameAndNamespaceTerms() {
        FieldSelector selector = FieldSelector.parse("metadata.name=app,metadata.namespace!=kube-system");

        assertThat(selector.matches("shop", "app")).isTrue();
        assertThat(selector.matches("kube-system", "app")).isFalse();
        assertThat(selector.matches("shop", "other")).isFalse();
        assertThat(FieldSelector.parse("metadata.name==app").matches("shop", "app")).isTrue();
        assertThat(FieldSelector.parse(null).matches("shop", "anything")).isTrue();
    }

    @Test
    void answersTheNameAnEqualityTermRequires() {
        assertThat(FieldSelector.parse("metadata.namespace=shop, metadata.name=app").requiresExactMatch(FieldSelector.NAME)).hasValue("app");
        assertThat(FieldSelector.parse("metadata.name!=app").requiresExactMatch(FieldSelector.NAME)).isEmpty();
        assertThat(FieldSelector.everything().and(FieldSelector.NAME, "app")).hasToString("metadata.name=app");
    }

    @Test
    void rejectsOtherFieldsAndMalformedTerms() {
        assertThatThrownBy(() -> FieldSelector.parse("spec.lookupPolicy.local=true"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("field label not supported: spec.lookupPolicy.local");
        assertThatThrownBy(() -> FieldSelector.parse("metadata.name"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("invalid selector: 'metadata.name'; can't understand 'metadata.name'");
    }
}
