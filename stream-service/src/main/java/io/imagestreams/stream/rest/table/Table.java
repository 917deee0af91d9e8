package io.imagestreams.stream.rest.table;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.imagestreams.api.meta.ListMeta;
import java.util.List;

/**
 * {@code metav1.Table}, the server-side printing kubectl asks for. {@code metadata} carries the list's
 * {@code resourceVersion} and {@code continue} token (kubectl pages through {@code ?limit=500} with it);
 * {@code columnDefinitions} is {@code null} when headers were not wanted, as Go writes it.
 */
@JsonInclude(Include.ALWAYS)
@JsonPropertyOrder({"kind", "apiVersion", "metadata", "columnDefinitions", "rows"})
public record Table(String kind, String apiVersion, ListMeta metadata, List<TableColumnDefinition> columnDefinitions,
        List<TableRow> rows) {

    public static final String KIND = "Table";

    public Table {
        columnDefinitions = columnDefinitions == null ? null : List.copyOf(columnDefinitions);
        rows = List.copyOf(rows);
    }
}
