package io.imagestreams.trigger.repository;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.set;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Sorts;
import io.imagestreams.trigger.repository.Delivery.Status;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The delivery log: every webhook delivery, its attempts and outcome. */
@ApplicationScoped
public class DeliveryRepository {

    static final String COLLECTION = "deliveries";

    private final MongoCollection<Document> deliveries;

    public DeliveryRepository(MongoClient mongo, @ConfigProperty(name = "quarkus.mongodb.database") String database) {
        this.deliveries = mongo.getDatabase(database).getCollection(COLLECTION);
    }

    /** Inserts a new pending delivery; false when one with this id exists already (a repeated hand-over). */
    public boolean insertIfAbsent(Delivery delivery) {
        try {
            deliveries.insertOne(new Document("_id", delivery.id())
                    .append("triggerId", delivery.triggerId())
                    .append("seq", delivery.seq())
                    .append("event", delivery.event().toDocument())
                    .append("status", delivery.status().name())
                    .append("attempts", delivery.attempts())
                    .append("nextAttemptAt", Documents.date(delivery.nextAttemptAt()))
                    .append("createdAt", Documents.date(delivery.createdAt()))
                    .append("updatedAt", Documents.date(delivery.updatedAt()))
                    .append("redeliveryOf", delivery.redeliveryOf()));
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    public Optional<Delivery> find(String id) {
        return Optional.ofNullable(deliveries.find(eq("_id", id)).first()).map(DeliveryRepository::read);
    }

    /** Newest first. */
    public List<Delivery> list(String triggerId, Status status, int limit) {
        List<Bson> filters = new ArrayList<>();
        if (triggerId != null) {
            filters.add(eq("triggerId", triggerId));
        }
        if (status != null) {
            filters.add(eq("status", status.name()));
        }
        Bson filter = filters.isEmpty() ? new Document() : and(filters);
        return deliveries.find(filter).sort(Sorts.descending("createdAt", "seq")).limit(limit)
                .map(DeliveryRepository::read).into(new ArrayList<>());
    }

    /** The trigger's first pending delivery in send order. */
    public Optional<Delivery> firstPending(String triggerId) {
        return Optional.ofNullable(deliveries.find(and(eq("triggerId", triggerId), eq("status", Status.Pending.name())))
                .sort(Sorts.ascending("seq")).first()).map(DeliveryRepository::read);
    }

    /** Pending image deliveries older than {@code seq} are replaced by a newer image (redeliveries are kept). */
    public long supersedeOlderThan(String triggerId, long seq, Instant now) {
        return deliveries.updateMany(and(eq("triggerId", triggerId), eq("status", Status.Pending.name()),
                lt("seq", seq), eq("redeliveryOf", null)),
                combine(set("status", Status.Superseded.name()), set("updatedAt", Documents.date(now)),
                        set("nextAttemptAt", null))).getModifiedCount();
    }

    /** The trigger is gone or follows another tag: its undelivered deliveries will never be sent. */
    public long cancelPending(String triggerId, Instant now) {
        return deliveries.updateMany(and(eq("triggerId", triggerId), eq("status", Status.Pending.name())),
                combine(set("status", Status.Cancelled.name()), set("updatedAt", Documents.date(now)),
                        set("nextAttemptAt", null))).getModifiedCount();
    }

    /** Records one attempt's outcome; only a still-pending delivery is updated. */
    public boolean recordAttempt(String id, Status status, int attempts, Instant nextAttemptAt, Integer statusCode,
            long latencyMs, String error, Instant now) {
        List<Bson> updates = new ArrayList<>(List.of(set("status", status.name()), set("attempts", attempts),
                set("nextAttemptAt", Documents.date(nextAttemptAt)), set("lastStatusCode", statusCode),
                set("lastLatencyMs", latencyMs), set("lastError", error), set("updatedAt", Documents.date(now))));
        if (status == Status.Delivered) {
            updates.add(set("deliveredAt", Documents.date(now)));
        }
        return deliveries.updateOne(and(eq("_id", id), eq("status", Status.Pending.name())), combine(updates))
                .getModifiedCount() > 0;
    }

    private static Delivery read(Document d) {
        Number latency = d.get("lastLatencyMs", Number.class);
        return new Delivery(d.getString("_id"), d.getString("triggerId"), d.get("seq", Number.class).longValue(),
                DeliveryEvent.fromDocument(d.get("event", Document.class)), Status.valueOf(d.getString("status")),
                d.get("attempts", Number.class).intValue(), Documents.instant(d, "nextAttemptAt"),
                d.getInteger("lastStatusCode"), latency == null ? null : latency.longValue(), d.getString("lastError"),
                Documents.instant(d, "createdAt"), Documents.instant(d, "updatedAt"), Documents.instant(d, "deliveredAt"),
                d.getString("redeliveryOf"));
    }
}
