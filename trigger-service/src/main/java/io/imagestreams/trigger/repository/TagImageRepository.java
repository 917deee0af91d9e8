package io.imagestreams.trigger.repository;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Filters.ne;
import static com.mongodb.client.model.Filters.or;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.ReplaceOptions;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The projection of each tag's current image. Writes are idempotent, so duplicates and replays of the change log
 * are harmless: an event of an older generation changes nothing, and one of the same generation (pushes through
 * ImageStreamMappings keep the stream's generation, as in OpenShift) only when it continues from the stored image
 * and, where its log position is known, comes later in the log than the stored one.
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

    /**
     * Stores {@code image} when the tag has none, when the stored generation is older, or when it is the same and
     * {@code image} follows the stored one: its previous image is the stored image and its log position (when
     * known) is later. True when stored.
     */
    public boolean storeIfNewer(TagImage image, Optional<LogPosition> position) {
        String id = id(image.namespace(), image.stream(), image.tag());
        Document document = new Document("_id", id)
                .append("namespace", image.namespace())
                .append("stream", image.stream())
                .append("tag", image.tag())
                .append("generation", image.generation())
                .append("image", Documents.image(image.image()))
                .append("previousImage", Documents.image(image.previousImage()))
                .append("created", Documents.date(image.created()))
                .append("updatedAt", Documents.date(image.updatedAt()));
        position.ifPresent(p -> document.append("partition", p.partition()).append("offset", p.offset()));
        Bson replaceable = lt("generation", image.generation());
        if (image.previousImage() != null) {
            List<Bson> follows = new ArrayList<>(List.of(eq("generation", image.generation()),
                    eq("image.digest", image.previousImage().digest()),
                    eq("image.dockerImageReference", image.previousImage().dockerImageReference())));
            // a replay of an older event continues from an image the tag had before: its offset tells it apart
            position.ifPresent(p -> follows.add(or(ne("partition", p.partition()), lt("offset", p.offset()))));
            replaceable = or(replaceable, and(follows));
        }
        try {
            // no match: the upsert then collides with the stored _id
            var result = tags.replaceOne(and(eq("_id", id), replaceable), document, new ReplaceOptions().upsert(true));
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
                Documents.image(d.get("previousImage", Document.class)), Documents.instant(d, "created"),
                Documents.instant(d, "updatedAt"));
    }
}
