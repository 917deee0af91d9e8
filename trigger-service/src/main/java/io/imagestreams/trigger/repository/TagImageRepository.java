package io.imagestreams.trigger.repository;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.lte;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.ReplaceOptions;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The projection of each tag's current image. Writes are idempotent: an event whose generation is not newer than
 * the stored one changes nothing, so duplicates and replays of the change log are harmless.
 */
@ApplicationScoped
public class TagImageRepository {

    static final String COLLECTION = "tagImages";

    private final MongoCollection<Document> tags;

    public TagImageRepository(MongoClient mongo, @ConfigProperty(name = "quarkus.mongodb.database") String database) {
        this.tags = mongo.getDatabase(database).getCollection(COLLECTION);
    }

    static String id(String namespace, String stream, String tag) {
        return namespace + "/" + stream + ":" + tag;
    }

    /** Stores {@code image} unless the stored generation is the same or newer; true when stored. */
    public boolean storeIfNewer(TagImage image) {
        String id = id(image.namespace(), image.stream(), image.tag());
        Document document = new Document("_id", id)
                .append("namespace", image.namespace())
                .append("stream", image.stream())
                .append("tag", image.tag())
                .append("generation", image.generation())
                .append("image", Documents.image(image.image()))
                .append("previousImage", Documents.image(image.previousImage()))
                .append("updatedAt", Documents.date(image.updatedAt()));
        try {
            // no match on an equal or newer generation: the upsert then collides with the stored _id
            var result = tags.replaceOne(and(eq("_id", id), lt("generation", image.generation())), document,
                    new ReplaceOptions().upsert(true));
            return result.getModifiedCount() > 0 || result.getUpsertedId() != null;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    public Optional<TagImage> find(String namespace, String stream, String tag) {
        return Optional.ofNullable(tags.find(eq("_id", id(namespace, stream, tag))).first()).map(TagImageRepository::read);
    }

    /** Forgets a deleted tag, unless it was set again at a later generation. */
    public void deleteTag(String namespace, String stream, String tag, long generation) {
        tags.deleteOne(and(eq("_id", id(namespace, stream, tag)), lte("generation", generation)));
    }

    /** Forgets every tag of a deleted stream (a stream created again starts its generations anew). */
    public void deleteStream(String namespace, String stream) {
        tags.deleteMany(and(eq("namespace", namespace), eq("stream", stream)));
    }

    private static TagImage read(Document d) {
        return new TagImage(d.getString("namespace"), d.getString("stream"), d.getString("tag"),
                d.get("generation", Number.class).longValue(), Documents.image(d.get("image", Document.class)),
                Documents.image(d.get("previousImage", Document.class)), Documents.instant(d, "updatedAt"));
    }
}
