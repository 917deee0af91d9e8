package io.imagestreams.stream.selector;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A field selector over {@code metadata.name} and {@code metadata.namespace} ({@code f=v}, {@code f==v},
 * {@code f!=v}, comma meaning "and"), the fields image streams support; fabric8 watches one object with
 * {@code fieldSelector=metadata.name=x}.
 */
public final class FieldSelector {

    public static final String NAME = "metadata.name";
    public static final String NAMESPACE = "metadata.namespace";

    private static final FieldSelector EVERYTHING = new FieldSelector(List.of());

    private final List<Term> terms;

    private FieldSelector(List<Term> terms) {
        this.terms = List.copyOf(terms);
    }

    public static FieldSelector everything() {
        return EVERYTHING;
    }

    /**
     * Parses a selector; {@code null} or blank selects everything.
     *
     * @throws IllegalArgumentException for a malformed term or a field other than name and namespace
     */
    public static FieldSelector parse(String selector) {
        if (selector == null || selector.isBlank()) {
            return EVERYTHING;
        }
        List<Term> terms = new ArrayList<>();
        for (String part : selector.split(",")) {
            String term = part.trim();
            if (!term.isEmpty()) {
                terms.add(Term.parse(selector, term));
            }
        }
        return new FieldSelector(terms);
    }

    /** This selector and {@code field=value}. */
    public FieldSelector and(String field, String value) {
        List<Term> combined = new ArrayList<>(terms);
        combined.add(new Term(field, value, false));
        return new FieldSelector(combined);
    }

    /** The value {@code field} must equal, when a term requires one (as apimachinery's RequiresExactMatch). */
    public Optional<String> requiresExactMatch(String field) {
        return terms.stream().filter(t -> t.field().equals(field) && !t.negated()).map(Term::value).findFirst();
    }

    public List<Term> terms() {
        return terms;
    }

    public boolean isEverything() {
        return terms.isEmpty();
    }

    public boolean matches(String namespace, String name) {
        for (Term term : terms) {
            String actual = term.field().equals(NAME) ? name : namespace;
            if (term.value().equals(actual == null ? "" : actual) == term.negated()) {
                return false;
            }
        }
        return true;
    }

    /** The selector in its query-parameter form. */
    @Override
    public String toString() {
        return String.join(",", terms.stream().map(t -> t.field() + (t.negated() ? "!=" : "=") + t.value()).toList());
    }

    /** One term: {@code field=value}, or {@code field!=value} when negated. */
    public record Term(String field, String value, boolean negated) {

        static Term parse(String selector, String term) {
            boolean negated = term.contains("!=");
            String[] parts = negated ? term.split("!=", 2) : term.split("==?", 2);
            if (parts.length != 2) {
                throw new IllegalArgumentException("invalid selector: '" + selector + "'; can't understand '" + term + "'");
            }
            String field = parts[0].trim();
            if (!field.equals(NAME) && !field.equals(NAMESPACE)) {
                throw new IllegalArgumentException("field label not supported: " + field);
            }
            return new Term(field, parts[1].trim(), negated);
        }
    }
}
