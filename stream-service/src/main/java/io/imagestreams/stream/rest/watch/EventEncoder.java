package io.imagestreams.stream.rest.watch;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.imagestreams.api.image.ImageStream;
import io.imagestreams.stream.rest.table.ImageTables;
import io.imagestreams.stream.rest.table.TableOptions;
import io.imagestreams.stream.service.watch.WatchRow;
import java.time.Clock;

/** The object of a watch event: the stream itself, or the one-row Table kubectl asks for with {@code as=Table}. */
interface EventEncoder {

    /** The JSON of a change-log row's object. */
    String encode(WatchRow row);

    /** The JSON of a listed stream, sent as an initial ADDED event (it gains kind and apiVersion). */
    String encode(ImageStream listed);

    static EventEncoder plain(ObjectMapper mapper) {
        return new EventEncoder() {
            @Override
            public String encode(WatchRow row) {
                return row.json();
            }

            @Override
            public String encode(ImageStream listed) {
                return WatchFrames.json(mapper, listed.withTypeMeta());
            }
        };
    }

    /**
     * One-row Tables; only the first carries the column definitions, as the API server sends them, so a watching
     * kubectl prints its header once.
     */
    static EventEncoder table(ObjectMapper mapper, TableOptions options, Clock clock) {
        return new EventEncoder() {
            private boolean headersSent;

            @Override
            public String encode(WatchRow row) {
                return encode(row.object());
            }

            @Override
            public String encode(ImageStream stream) {
                TableOptions current = headersSent ? options.withoutHeaders() : options;
                headersSent = true;
                return WatchFrames.json(mapper, ImageTables.imageStream(stream, current, clock.instant()));
            }
        };
    }
}
