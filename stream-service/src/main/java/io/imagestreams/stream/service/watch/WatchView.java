package io.imagestreams.stream.service.watch;

import io.imagestreams.stream.selector.LabelSelector;
import io.imagestreams.api.image.ImageStream;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What one watch client holds, and so which event a change-log row becomes for it. An object that starts matching
 * the label selector is ADDED and one that stops matching is DELETED, as the API server announces them; rows the
 * client already has (listed, or read twice during catch-up) are dropped. Confined to the client's thread.
 */
public final class WatchView {

    private final LabelSelector selector;
    /** Whether {@link #held} is exactly what the client has (after an initial list) or only what it was sent. */
    private final boolean complete;
    /** Key to the version the client holds; {@code null} once no stale rows can come and no selector needs it. */
    private Map<String, Long> held = new HashMap<>();
    /** Keys known not to be held, for a view that started without knowing the client's objects. */
    private final Set<String> absent = new HashSet<>();

    private WatchView(LabelSelector selector, boolean complete) {
        this.selector = selector;
        this.complete = complete;
    }

    /** A client that was just sent these objects (the initial ADDED events) and holds nothing else. */
    public static WatchView listed(LabelSelector selector, Collection<ImageStream> items) {
        WatchView view = new WatchView(selector, true);
        for (ImageStream item : items) {
            view.held.put(WatchRow.key(item.getMetadata().getNamespace(), item.getMetadata().getName()),
                    Long.parseLong(item.getMetadata().getResourceVersion()));
        }
        return view;
    }

    /**
     * A client resuming from a resourceVersion: what it holds is unknown. When the first row of an object no longer
     * matches, a DELETED is sent in case it matched before; clients ignore deletions of objects they do not have.
     */
    public static WatchView resumed(LabelSelector selector) {
        return new WatchView(selector, false);
    }

    /** The event type to send for {@code row}, or empty to send nothing. */
    public Optional<String> decide(WatchRow row) {
        if (held == null) {
            return Optional.of(row.type());
        }
        String key = row.key();
        Long heldVersion = held.get(key);
        if (heldVersion != null && row.resourceVersion() <= heldVersion) {
            return Optional.empty();
        }
        boolean known = complete || heldVersion != null || absent.contains(key);
        boolean matches = selector.matches(row.labels());
        Optional<String> type = known ? transition(row, heldVersion != null, matches) : firstSight(row, matches);
        if (!row.type().equals(WatchRow.DELETED) && matches) {
            held.put(key, row.resourceVersion());
            absent.remove(key);
        } else {
            held.remove(key);
            if (!complete) {
                absent.add(key);
            }
        }
        return type;
    }

    /** The API server's rule: the object passed the selector before ({@code wasHeld}) and/or passes it now. */
    private static Optional<String> transition(WatchRow row, boolean wasHeld, boolean matches) {
        if (row.type().equals(WatchRow.DELETED)) {
            return wasHeld ? Optional.of(WatchRow.DELETED) : Optional.empty();
        }
        if (matches) {
            return Optional.of(wasHeld ? row.type() : WatchRow.ADDED);
        }
        return wasHeld ? Optional.of(WatchRow.DELETED) : Optional.empty();
    }

    /** An object this client's state is unknown for: pass matching rows on, announce a possible stop of matching. */
    private static Optional<String> firstSight(WatchRow row, boolean matches) {
        if (matches) {
            return Optional.of(row.type());
        }
        return row.type().equals(WatchRow.MODIFIED) ? Optional.of(WatchRow.DELETED) : Optional.empty();
    }

    /**
     * Called once every row that the initial list or catch-up may already have covered has been decided: without a
     * label selector nothing needs remembering after that, so the view stops costing memory.
     */
    public void settled() {
        if (selector.isEverything()) {
            held = null;
            absent.clear();
        }
    }
}
