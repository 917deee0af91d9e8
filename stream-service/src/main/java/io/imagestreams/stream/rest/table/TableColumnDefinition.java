package io.imagestreams.stream.rest.table;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * {@code metav1.TableColumnDefinition}; every field is written, as Go does. {@code priority} 0 columns are
 * always shown, higher ones only with {@code -o wide}.
 */
@JsonInclude(Include.ALWAYS)
@JsonPropertyOrder({"name", "type", "format", "description", "priority"})
public record TableColumnDefinition(String name, String type, String format, String description, int priority) {

    static final String OBJECT_NAME_DESCRIPTION = "Name must be unique within a namespace. Is required when creating "
            + "resources, although some resources may allow a client to request the generation of an appropriate name "
            + "automatically. Name is primarily intended for creation idempotence and configuration definition. Cannot "
            + "be updated. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names";

    /** The {@code Name} column every printer starts with ({@code format: name} lets kubectl add {@code kind/}). */
    static TableColumnDefinition objectName() {
        return new TableColumnDefinition("Name", "string", "name", OBJECT_NAME_DESCRIPTION, 0);
    }

    static TableColumnDefinition text(String name, String description) {
        return new TableColumnDefinition(name, "string", "", description, 0);
    }

    static TableColumnDefinition wideText(String name, String description) {
        return new TableColumnDefinition(name, "string", "", description, 1);
    }
}
