package io.imagestreams.stream.rest.table;

import io.imagestreams.api.image.ImageApi;
import io.imagestreams.api.json.ImageApiJson;
import io.imagestreams.api.meta.KubernetesObject;
import io.imagestreams.api.meta.ListMeta;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Assembles a {@link Table} from a {@link RowPrinter}: the part every kind shares. Never changes its inputs. */
final class TableRenderer {

    private TableRenderer() {
    }

    static <T extends KubernetesObject> Table render(RowPrinter<T> printer, List<T> items, ListMeta listMeta,
            TableOptions options, Instant now) {
        List<TableRow> rows = new ArrayList<>(items.size());
        for (T item : items) {
            rows.add(new TableRow(printer.cells(item, now), rowObject(printer, item, options)));
        }
        return new Table(Table.KIND, options.version().apiVersion(), copy(listMeta),
                options.noHeaders() ? null : printer.columns(), rows);
    }

    /** A single object's Table takes the object's resourceVersion, as the API server's table generator does. */
    static <T extends KubernetesObject> Table render(RowPrinter<T> printer, T item, TableOptions options,
            Instant now) {
        ListMeta meta = ListMeta.atResourceVersion(item.getMetadata().getResourceVersion());
        return render(printer, List.of(item), meta, options, now);
    }

    private static <T extends KubernetesObject> Object rowObject(RowPrinter<T> printer, T item,
            TableOptions options) {
        return switch (options.includeObject()) {
            case NONE -> null;
            case METADATA -> PartialObjectMetadata.of(item.getMetadata(), options.version());
            case OBJECT -> withTypeMeta(printer, item);
        };
    }

    /** List items travel without kind and apiVersion; a row's object is a top-level object and has both. */
    private static <T extends KubernetesObject> T withTypeMeta(RowPrinter<T> printer, T item) {
        T copy = ImageApiJson.deepCopy(item);
        copy.setKind(printer.kind());
        copy.setApiVersion(ImageApi.API_VERSION);
        return copy;
    }

    private static ListMeta copy(ListMeta listMeta) {
        ListMeta copy = new ListMeta();
        if (listMeta != null) {
            copy.setResourceVersion(listMeta.getResourceVersion());
            copy.setContinue(listMeta.getContinue());
            copy.setRemainingItemCount(listMeta.getRemainingItemCount());
        }
        return copy;
    }
}
