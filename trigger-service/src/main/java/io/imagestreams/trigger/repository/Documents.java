package io.imagestreams.trigger.repository;

import java.time.Instant;
import java.util.Date;
import org.bson.Document;

/** Small conversions between stored documents and values. */
final class Documents {

    private Documents() {
    }

    static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    static Instant instant(Document document, String key) {
        Date date = document.getDate(key);
        return date == null ? null : date.toInstant();
    }

    static TagImage.Image image(Document document) {
        if (document == null) {
            return null;
        }
        return new TagImage.Image(document.getString("digest"), document.getString("dockerImageReference"),
                document.getString("pullSpec"));
    }

    static Document image(TagImage.Image image) {
        if (image == null) {
            return null;
        }
        return new Document("digest", image.digest()).append("dockerImageReference", image.dockerImageReference())
                .append("pullSpec", image.pullSpec());
    }
}
