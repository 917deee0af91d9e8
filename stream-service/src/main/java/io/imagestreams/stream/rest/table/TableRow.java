package io.imagestreams.stream.rest.table;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * {@code metav1.TableRow}: one cell per column definition, and the row's object ({@code PartialObjectMetadata},
 * the full object, or {@code null} for {@code includeObject=None}, which Go writes as {@code null} too).
 */
@JsonInclude(Include.ALWAYS)
@JsonPropertyOrder({"cells", "object"})
public record TableRow(List<Object> cells, Object object) {

    public TableRow {
        cells = List.copyOf(cells);
    }
}
