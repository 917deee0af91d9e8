package io.imagestreams.trigger.repository;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Filters.ne;
import static com.mongodb.client.model.Filters.or;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.inc;
import static com.mongodb.client.model.Updates.set;
import static com.mongodb.client.model.Updates.unset;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Webhook triggers. A trigger document is also its delivery queue's head: queuing an event, deduplicating it
 * against the last queued image and superseding an older queued event is one atomic update of the document, and
 * the delivery worker leases the document (one replica works on a trigger at a time, so its deliveries stay in
 * order and are never sent twice). An image younger than the trigger's minimum age waits in the document too
 * ({@code pending.notBefore}, with {@code dueAt} no later than that), so a restart or another replica releases it.
 */
@ApplicationScoped
public class WebhookTriggerRepository {

    static final String COLLECTION = "triggers";
    private static final FindOneAndUpdateOptions AFTER = new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER);

    private final MongoCollection<Document> triggers;

    public WebhookTriggerRepository(MongoClient mongo, @ConfigProperty(name = "quarkus.mongodb.database") String database) {
        this.triggers = mongo.getDatabase(database).getCollection(COLLECTION);
    }

    public void insert(WebhookTrigger trigger) {
        triggers.insertOne(new Document("_id", trigger.id())
                .append("from", new Document("kind", "ImageStreamTag").append("namespace", trigger.namespace())
                        .append("name", trigger.istag()))
                .append("webhook", new Document("url", trigger.url()).append("secret", trigger.storedSecret()))
                .append("paused", trigger.paused())
                .append("minImageAgeMs", trigger.minImageAge().toMillis())
                .append("createdAt", Documents.date(trigger.createdAt()))
                .append("updatedAt", Documents.date(trigger.updatedAt()))
                .append("lastPullSpec", trigger.lastPullSpec())
                .append("version", 0L)
                .append("deliverySeq", 0L));
    }

    public Optional<WebhookTrigger> find(String id) {
        return Optional.ofNullable(triggers.find(eq("_id", id)).first()).map(WebhookTriggerRepository::read);
    }

    public List<WebhookTrigger> list(String namespace) {
        Bson filter = namespace == null ? new Document() : eq("from.namespace", namespace);
        return triggers.find(filter).sort(Sorts.ascending("createdAt", "_id")).map(WebhookTriggerRepository::read)
                .into(new ArrayList<>());
    }

    /** Active triggers of one image stream tag. */
    public List<WebhookTrigger> findActiveFor(String namespace, String istag) {
        return triggers.find(and(eq("from.namespace", namespace), eq("from.name", istag), eq("paused", false)))
                .map(WebhookTriggerRepository::read).into(new ArrayList<>());
    }

    /**
     * Replaces the target of a trigger. When the tag it follows changes, its dedup memory and any queued event
     * go: they were about another tag.
     */
    public Optional<WebhookTrigger> update(String id, String namespace, String istag, String url, String storedSecret,
            boolean paused, Duration minImageAge, boolean tagChanged, Instant now) {
        List<Bson> updates = new ArrayList<>(List.of(set("from.namespace", namespace), set("from.name", istag),
                set("webhook.url", url), set("paused", paused), set("minImageAgeMs", minImageAge.toMillis()),
                set("updatedAt", Documents.date(now)),
                inc("version", 1L), set("dueAt", Documents.date(now))));
        if (storedSecret != null) {
            updates.add(set("webhook.secret", storedSecret));
        }
        if (tagChanged) {
            updates.add(unset("lastPullSpec"));
            updates.add(unset("pending"));
        }
        return Optional.ofNullable(triggers.findOneAndUpdate(eq("_id", id), combine(updates), AFTER))
                .map(WebhookTriggerRepository::read);
    }

    public Optional<WebhookTrigger> setPaused(String id, boolean paused, Instant now) {
        return Optional.ofNullable(triggers.findOneAndUpdate(eq("_id", id), combine(set("paused", paused),
                set("updatedAt", Documents.date(now)), inc("version", 1L), set("dueAt", Documents.date(now))), AFTER))
                .map(WebhookTriggerRepository::read);
    }

    public boolean delete(String id) {
        return triggers.deleteOne(eq("_id", id)).getDeletedCount() > 0;
    }

    /**
     * Queues {@code event} unless the trigger is paused, follows another tag now, or last queued the same pull spec
     * (unless {@code force}). A queued event not yet taken by the worker is replaced: the newer image supersedes it,
     * also one held by the minimum image age.
     *
     * @param ageFrom   where the image's age counts from, for the minimum image age; {@code null} = never held
     *                  ({@code fire})
     * @param notBefore when the image is old enough, if that is later than now: the worker holds it until then
     * @return the trigger as it was before, when queued
     */
    public Optional<WebhookTrigger> enqueue(String triggerId, DeliveryEvent event, Instant ageFrom, Instant notBefore,
            boolean force, Instant now) {
        List<Bson> conditions = new ArrayList<>(List.of(eq("_id", triggerId), eq("paused", false),
                eq("from.namespace", event.namespace()), eq("from.name", event.stream() + ":" + event.tag())));
        if (!force) {
            conditions.add(ne("lastPullSpec", event.image().pullSpec()));
        }
        Document pending = event.toDocument();
        if (ageFrom != null) {
            pending.append("ageFrom", Documents.date(ageFrom));
        }
        if (notBefore != null) {
            pending.append("notBefore", Documents.date(notBefore));
        }
        return Optional.ofNullable(triggers.findOneAndUpdate(and(conditions), combine(set("lastPullSpec", event.image().pullSpec()),
                set("pending", pending), set("dueAt", Documents.date(now)), inc("version", 1L)),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.BEFORE))).map(WebhookTriggerRepository::read);
    }

    /**
     * The trigger's minimum image age changed: its queued image is held until its age counts {@code minImageAge}, or
     * released when it is that old already. Events without an age ({@code fire}) stay as they are.
     *
     * @return true when an image that was not held is held now
     */
    public boolean regatePending(String triggerId, Duration minImageAge, Instant now) {
        Document trigger = triggers.find(eq("_id", triggerId)).first();
        Document pending = trigger == null ? null : trigger.get("pending", Document.class);
        if (pending == null || pending.getDate("ageFrom") == null) {
            return false;
        }
        Instant notBefore = pending.getDate("ageFrom").toInstant().plus(minImageAge);
        boolean hold = notBefore.isAfter(now);
        Bson gate = hold ? set("pending.notBefore", Documents.date(notBefore)) : unset("pending.notBefore");
        long changed = triggers.updateOne(and(eq("_id", triggerId), eq("pending.eventId", pending.getString("eventId"))),
                combine(gate, set("dueAt", Documents.date(now)), inc("version", 1L))).getModifiedCount();
        return changed > 0 && hold && pending.getDate("notBefore") == null;
    }

    /** Asks the worker to look at the trigger's deliveries now (a redelivery was queued). */
    public void wake(String triggerId, Instant now) {
        triggers.updateOne(eq("_id", triggerId), combine(set("dueAt", Documents.date(now)), inc("version", 1L)));
    }

    /** The next sequence number for a delivery of this trigger. */
    public long nextDeliverySeq(String triggerId) {
        Document after = triggers.findOneAndUpdate(eq("_id", triggerId), inc("deliverySeq", 1L), AFTER);
        if (after == null) {
            throw new IllegalStateException("trigger " + triggerId + " no longer exists");
        }
        return after.get("deliverySeq", Number.class).longValue();
    }

    /** Takes the lease of one unpaused trigger with work due, or nothing. */
    public Optional<WebhookTrigger> claimDue(String owner, Instant now, Instant leaseUntil) {
        Bson due = and(eq("paused", false), lte("dueAt", Documents.date(now)),
                or(eq("leaseUntil", null), lt("leaseUntil", Documents.date(now))));
        return Optional.ofNullable(triggers.findOneAndUpdate(due,
                combine(set("leaseOwner", owner), set("leaseUntil", Documents.date(leaseUntil))),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER).sort(Sorts.ascending("dueAt"))))
                .map(WebhookTriggerRepository::read);
    }

    /** Extends a held lease; empty when the lease was lost or the trigger deleted. */
    public Optional<WebhookTrigger> renewLease(String triggerId, String owner, Instant leaseUntil) {
        return Optional.ofNullable(triggers.findOneAndUpdate(and(eq("_id", triggerId), eq("leaseOwner", owner)),
                set("leaseUntil", Documents.date(leaseUntil)), AFTER)).map(WebhookTriggerRepository::read);
    }

    /** Removes the queued event once it has become a delivery (only that event: a newer one stays queued). */
    public void clearPending(String triggerId, String eventId) {
        triggers.updateOne(and(eq("_id", triggerId), eq("pending.eventId", eventId)), unset("pending"));
    }

    /**
     * Gives the lease back with the time the trigger next has work. If something was queued meanwhile
     * ({@code version} moved), the trigger is due at once instead.
     */
    public void release(String triggerId, String owner, long versionAtClaim, Instant nextDue, Instant now) {
        Bson released = combine(unset("leaseOwner"), unset("leaseUntil"), set("dueAt", Documents.date(nextDue)));
        if (triggers.updateOne(and(eq("_id", triggerId), eq("leaseOwner", owner), eq("version", versionAtClaim)), released)
                .getModifiedCount() == 0) {
            triggers.updateOne(and(eq("_id", triggerId), eq("leaseOwner", owner)),
                    combine(unset("leaseOwner"), unset("leaseUntil"), set("dueAt", Documents.date(now))));
        }
    }

    private static WebhookTrigger read(Document d) {
        Document from = d.get("from", Document.class);
        Document webhook = d.get("webhook", Document.class);
        Number version = d.get("version", Number.class);
        Number minImageAgeMs = d.get("minImageAgeMs", Number.class);
        Document pending = d.get("pending", Document.class);
        WebhookTrigger.Hold hold = pending == null || pending.getDate("notBefore") == null ? null
                : new WebhookTrigger.Hold(Documents.instant(pending, "ageFrom"), Documents.instant(pending, "notBefore"));
        return new WebhookTrigger(d.getString("_id"), from.getString("namespace"), from.getString("name"),
                webhook.getString("url"), webhook.getString("secret"), d.getBoolean("paused", false),
                Duration.ofMillis(minImageAgeMs == null ? 0 : minImageAgeMs.longValue()),
                Documents.instant(d, "createdAt"), Documents.instant(d, "updatedAt"), d.getString("lastPullSpec"),
                DeliveryEvent.fromDocument(pending), hold, version == null ? 0 : version.longValue());
    }
}
