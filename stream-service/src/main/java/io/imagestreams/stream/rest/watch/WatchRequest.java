package io.imagestreams.stream.rest.watch;

import io.imagestreams.api.meta.Status;
import io.imagestreams.api.meta.StatusException;
import io.imagestreams.stream.rest.table.TableNegotiation;
import io.imagestreams.stream.rest.table.TableOptions;
import io.imagestreams.stream.rest.table.TableVersion;
import io.imagestreams.stream.service.ListOptions;
import io.imagestreams.stream.selector.FieldSelector;
import io.imagestreams.stream.selector.LabelSelector;
import io.imagestreams.stream.service.watch.WatchFilter;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;

/**
 * A watch request as the API server reads it: path scope, selectors, {@code resourceVersion},
 * {@code timeoutSeconds}, {@code allowWatchBookmarks}, {@code sendInitialEvents} and the Table form from Accept.
 *
 * @param resourceVersion 0 when absent or "0"
 * @param listOptions     the selectors as the list endpoint applies them, for the initial ADDED events
 * @param table           present when each event's object is to be a one-row Table (kubectl get -w)
 */
record WatchRequest(WatchFilter filter, ListOptions listOptions, long resourceVersion, Optional<Boolean> sendInitialEvents,
        boolean allowWatchBookmarks, OptionalLong timeoutSeconds, Optional<TableOptions> table) {

    enum Start {
        /** ADDED events for the current objects, then every change after the list. */
        LIST,
        /** Every change from the current version on. */
        NOW,
        /** Every change after {@link #resourceVersion()}. */
        RESUME
    }

    Start start() {
        if (sendInitialEvents.orElse(resourceVersion == 0)) {
            return Start.LIST;
        }
        return resourceVersion == 0 ? Start.NOW : Start.RESUME;
    }

    /** Whether the initial ADDED events end with a BOOKMARK annotated {@code k8s.io/initial-events-end}. */
    boolean marksInitialEventsEnd() {
        return sendInitialEvents.orElse(false) && allowWatchBookmarks;
    }

    /**
     * Reads a request.
     *
     * @param namespace {@code null} for the cluster-wide path
     * @param name      the object of a legacy {@code /watch/.../imagestreams/{name}} path, else {@code null}
     * @param query     the first value of a query parameter, {@code null} when absent
     * @throws StatusException 400 for malformed parameters or selectors
     */
    static WatchRequest parse(String namespace, String name, Function<String, String> query, String accept) {
        String labelSelector = query.apply("labelSelector");
        String fieldSelector = scopedToName(name, query.apply("fieldSelector"));
        ListOptions listOptions = ListOptions.of(namespace, labelSelector, fieldSelector, null, null);
        WatchFilter filter;
        try {
            filter = new WatchFilter(namespace, FieldSelector.parse(fieldSelector), LabelSelector.parse(labelSelector));
        } catch (IllegalArgumentException e) {
            throw badRequest(e.getMessage());
        }
        return new WatchRequest(filter, listOptions, resourceVersion(query.apply("resourceVersion")),
                optionalBoolean(query, "sendInitialEvents"), optionalBoolean(query, "allowWatchBookmarks").orElse(false),
                timeoutSeconds(query.apply("timeoutSeconds")), table(accept, query.apply("includeObject")));
    }

    /** A legacy named path watches one object: the API server's rule for combining it with a field selector. */
    private static String scopedToName(String name, String fieldSelector) {
        if (name == null) {
            return fieldSelector;
        }
        if (fieldSelector == null || fieldSelector.isBlank()) {
            return FieldSelector.NAME + "=" + name;
        }
        Optional<String> selected;
        try {
            selected = FieldSelector.parse(fieldSelector).requiresExactMatch(FieldSelector.NAME);
        } catch (IllegalArgumentException e) {
            throw badRequest(e.getMessage());
        }
        if (!selected.equals(Optional.of(name))) {
            throw badRequest("fieldSelector metadata.name doesn't match requested name");
        }
        return fieldSelector;
    }

    private static long resourceVersion(String value) {
        if (value == null || value.isEmpty()) {
            return 0;
        }
        try {
            long rv = Long.parseLong(value);
            if (rv >= 0) {
                return rv;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw badRequest("invalid resource version: " + value);
    }

    private static OptionalLong timeoutSeconds(String value) {
        if (value == null || value.isEmpty()) {
            return OptionalLong.empty();
        }
        try {
            long seconds = Long.parseLong(value);
            if (seconds >= 0) {
                return seconds == 0 ? OptionalLong.empty() : OptionalLong.of(seconds);
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw badRequest("invalid value for timeoutSeconds: " + value);
    }

    private static Optional<Boolean> optionalBoolean(Function<String, String> query, String parameter) {
        String value = query.apply(parameter);
        if (value == null || value.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(parseBoolean(parameter, value));
    }

    /** Go's strconv.ParseBool, which the API server uses for query parameters. */
    static boolean parseBoolean(String parameter, String value) {
        return switch (value) {
            case "1", "t", "T", "TRUE", "true", "True" -> true;
            case "0", "f", "F", "FALSE", "false", "False" -> false;
            default -> throw badRequest("invalid value for " + parameter + ": " + value);
        };
    }

    private static Optional<TableOptions> table(String accept, String includeObject) {
        Optional<TableVersion> version = TableNegotiation.requestedTable(accept);
        if (version.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(TableOptions.of(version.get(), includeObject));
        } catch (IllegalArgumentException e) {
            throw badRequest(e.getMessage());
        }
    }

    private static StatusException badRequest(String message) {
        return new StatusException(Status.badRequest(message));
    }
}
