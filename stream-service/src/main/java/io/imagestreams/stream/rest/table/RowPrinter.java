package io.imagestreams.stream.rest.table;

import io.imagestreams.api.meta.KubernetesObject;
import java.time.Instant;
import java.util.List;

/** The columns of one kind's Table and the cells of one object, as OpenShift's printer handlers define them. */
interface RowPrinter<T extends KubernetesObject> {

    /** The object's {@code kind}, set on the copy a row carries for {@code includeObject=Object}. */
    String kind();

    List<TableColumnDefinition> columns();

    /** One cell per column, wide ({@code priority 1}) ones included: kubectl hides those unless {@code -o wide}. */
    List<Object> cells(T item, Instant now);
}
