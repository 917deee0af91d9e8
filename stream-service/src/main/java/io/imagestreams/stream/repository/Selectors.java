package io.imagestreams.stream.repository;

import io.imagestreams.stream.selector.FieldSelector;
import io.imagestreams.stream.selector.LabelSelector;
import java.util.ArrayList;
import java.util.List;

/**
 * Label and field selectors as SQL over the image_stream row, so filtering happens in the database and
 * {@code limit}/{@code continue} paging stays exact. Parsing (and its error messages) is the selectors' own.
 */
public final class Selectors {

    private Selectors() {
    }

    public static SqlCondition labels(LabelSelector selector) {
        List<SqlCondition> conditions = new ArrayList<>();
        for (LabelSelector.Requirement requirement : selector.requirements()) {
            conditions.add(labelRequirement(requirement));
        }
        return SqlCondition.all(conditions);
    }

    public static SqlCondition fields(FieldSelector selector) {
        List<SqlCondition> conditions = new ArrayList<>();
        for (FieldSelector.Term term : selector.terms()) {
            String column = term.field().equals(FieldSelector.NAME) ? "name" : "namespace";
            conditions.add(params -> {
                params.add(term.value());
                return column + (term.negated() ? " <> $" : " = $") + params.size();
            });
        }
        return SqlCondition.all(conditions);
    }

    private static SqlCondition labelRequirement(LabelSelector.Requirement requirement) {
        String key = requirement.key();
        String[] values = requirement.values().toArray(String[]::new);
        return params -> {
            params.add(key);
            int k = params.size();
            String label = "(labels ->> $" + k + ")";
            return switch (requirement.operator()) {
                case EXISTS -> "coalesce(labels ? $" + k + ", false)";
                case DOES_NOT_EXIST -> "not coalesce(labels ? $" + k + ", false)";
                case EQUALS, IN -> {
                    params.add(values);
                    yield label + " = any($" + params.size() + ")";
                }
                case NOT_EQUALS, NOT_IN -> {
                    params.add(values);
                    yield "(" + label + " is null or not (" + label + " = any($" + params.size() + ")))";
                }
            };
        };
    }
}
