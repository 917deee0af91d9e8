package io.imagestreams.stream.service.watch;

import io.imagestreams.stream.selector.FieldSelector;
import io.imagestreams.stream.selector.LabelSelector;

/**
 * What a watch selects. Namespace and field selector never change during an object's life, so they are checked
 * for every row on the poller's thread; the label selector is applied per client by {@link WatchView}, which knows
 * what the client holds.
 *
 * @param namespace {@code null} for a cluster-wide watch
 */
public record WatchFilter(String namespace, FieldSelector fields, LabelSelector labels) {

    public boolean inScope(WatchRow row) {
        return (namespace == null || namespace.equals(row.namespace())) && fields.matches(row.namespace(), row.name());
    }
}
