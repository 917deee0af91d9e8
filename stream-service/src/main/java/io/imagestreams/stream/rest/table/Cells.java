package io.imagestreams.stream.rest.table;

import io.imagestreams.api.meta.ObjectMeta;
import java.time.Duration;
import java.time.Instant;

/** Cell values shared by the printers. Cells are never {@code null}: Go prints an unset string as {@code ""}. */
final class Cells {

    private Cells() {
    }

    static String text(String value) {
        return value == null ? "" : value;
    }

    /**
     * {@code "<age> ago"} of an object's creation. Blank when the object has no creation time: Go would print
     * the age of year 1 ({@code "292y ago"}), which says nothing.
     */
    static String age(ObjectMeta metadata, Instant now) {
        Instant created = metadata.getCreationTimestamp();
        return created == null ? "" : HumanDuration.format(Duration.between(created, now)) + " ago";
    }
}
