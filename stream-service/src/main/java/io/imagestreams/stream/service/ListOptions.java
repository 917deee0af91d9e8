package io.imagestreams.stream.service;

import io.imagestreams.api.meta.Status;
import io.imagestreams.api.meta.StatusException;
import io.imagestreams.stream.repository.Selectors;
import io.imagestreams.stream.selector.FieldSelector;
import io.imagestreams.stream.selector.LabelSelector;
import io.imagestreams.stream.repository.SqlCondition;
import io.imagestreams.stream.repository.StreamKey;
import io.imagestreams.stream.repository.StreamQuery;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A list request: namespace (or all), label and field selectors, and {@code limit}/{@code continue} paging.
 * The continue token is the opaque position after which the next page starts.
 */
public record ListOptions(Optional<String> namespace, Optional<SqlCondition> condition, OptionalInt limit, Optional<StreamKey> after) {

    public static ListOptions of(String namespace, String labelSelector, String fieldSelector, Integer limit, String continueToken) {
        List<SqlCondition> conditions = new ArrayList<>();
        try {
            LabelSelector labels = LabelSelector.parse(labelSelector);
            if (!labels.isEverything()) {
                conditions.add(Selectors.labels(labels));
            }
            FieldSelector fields = FieldSelector.parse(fieldSelector);
            if (!fields.isEverything()) {
                conditions.add(Selectors.fields(fields));
            }
        } catch (IllegalArgumentException e) {
            throw new StatusException(Status.badRequest(e.getMessage()));
        }
        if (limit != null && limit < 0) {
            throw new StatusException(Status.badRequest("limit must not be negative"));
        }
        return new ListOptions(Optional.ofNullable(namespace),
                conditions.isEmpty() ? Optional.empty() : Optional.of(SqlCondition.all(conditions)),
                limit == null || limit == 0 ? OptionalInt.empty() : OptionalInt.of(limit),
                Optional.ofNullable(continueToken).filter(t -> !t.isBlank()).map(ListOptions::decode));
    }

    /** The query for one page; asks for one row more than the limit to learn whether another page follows. */
    StreamQuery pageQuery() {
        return new StreamQuery(namespace, after, condition,
                limit.isPresent() ? OptionalInt.of(limit.getAsInt() + 1) : OptionalInt.empty());
    }

    static String encode(StreamKey key) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((key.namespace() + "\n" + key.name()).getBytes(StandardCharsets.UTF_8));
    }

    private static StreamKey decode(String token) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).split("\n", 2);
            if (parts.length == 2) {
                return new StreamKey(parts[0], parts[1]);
            }
        } catch (IllegalArgumentException e) {
            // fall through to the error below
        }
        throw new StatusException(Status.badRequest("continue key is not valid: " + token));
    }
}
