package io.imagestreams.trigger.repository;

/**
 * Where an event sits in {@code image-stream-events}: its partition and offset. The events of one stream share a
 * partition (key namespace/stream), so within it the offset orders them even when their generation is the same.
 */
public record LogPosition(int partition, long offset) {
}
