package io.imagestreams.stream.repository;

import java.util.Optional;
import java.util.OptionalInt;

/** What a list asks for: a namespace or all, a page start (exclusive) and size, and a row filter. */
public record StreamQuery(Optional<String> namespace, Optional<StreamKey> after, Optional<SqlCondition> condition, OptionalInt limit) {
}
