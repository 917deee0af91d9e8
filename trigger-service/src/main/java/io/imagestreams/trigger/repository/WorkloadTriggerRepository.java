package io.imagestreams.trigger.repository;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.ne;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
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
 * Workload triggers in MongoDB: the index (one document per annotated workload, listing its triggers and the
 * image stream tags they follow; rebuilt from the cluster on start) and, apart from it so a rebuild keeps it, the
 * state of each trigger: the last image applied (rollback safety), the last outcome, and an image the minimum image
 * age holds ({@code pending}, due at {@code dueAt}; replicas take due ones with a lease, as webhook triggers).
 */
@ApplicationScoped
public class WorkloadTriggerRepository {

    public static final String COLLECTION = "workloads";
    public static final String STATE_COLLECTION = "workloadTriggerStates";

    private final MongoCollection<Document> workloads;
    private final MongoCollection<Document> states;

    public WorkloadTriggerRepository(MongoClient mongo, @ConfigProperty(name = "quarkus.mongodb.database") String database) {
        this.workloads = mongo.getDatabase(database).getCollection(COLLECTION);
        this.states = mongo.getDatabase(database).getCollection(STATE_COLLECTION);
    }

    /** One indexed trigger of a workload. */
    public record IndexedTrigger(String fromNamespace, String fromName, String fieldPath, boolean paused, String container,
            String error) {
    }

    /**
     * An annotated workload.
     *
     * @param error       why its annotations were rejected, or {@code null}
     * @param minImageAge the minimum image age of all its triggers; {@link Duration#ZERO} = none
     */
    public record IndexedWorkload(String kind, String namespace, String name, String error, List<IndexedTrigger> triggers,
            Duration minImageAge, Instant observedAt) {

        public String key() {
            return key(kind, namespace, name);
        }

        public static String key(String kind, String namespace, String name) {
            return kind + "/" + namespace + "/" + name;
        }
    }

    /**
     * The state of one trigger.
     *
     * @param pending an image the minimum image age holds (also while the trigger is paused), or {@code null}
     */
    public record TriggerState(String lastAppliedImage, Instant lastAppliedAt, String outcome, String message,
            Instant updatedAt, Pending pending) {
    }

    /**
     * An image held until it is old enough.
     *
     * @param ageFrom   where its age counts from ({@link TagImage#ageFrom()})
     * @param notBefore when it may be applied
     */
    public record Pending(String image, Instant ageFrom, Instant notBefore) {
    }

    /** What an outcome does to a held image. */
    public enum PendingImage {
        /** stays held and due (a failed patch: a replica takes it again once the lease runs out) */
        KEEP,
        /** stays held, shown, but is not due: something else (resume) looks at it again */
        KEEP_NOT_DUE,
        /** is forgotten (the container runs the tag's image, or the tag has none) */
        DROP
    }

    /** The previous entry of the workload, if any (to tell whether its errors are new). */
    public Optional<IndexedWorkload> find(String kind, String namespace, String name) {
        return Optional.ofNullable(workloads.find(eq("_id", IndexedWorkload.key(kind, namespace, name))).first())
                .map(WorkloadTriggerRepository::read);
    }

    public void put(IndexedWorkload workload, String rebuildToken) {
        List<Document> triggers = workload.triggers().stream().map(t -> new Document("from",
                new Document("namespace", t.fromNamespace()).append("name", t.fromName()))
                .append("fieldPath", t.fieldPath()).append("paused", t.paused()).append("container", t.container())
                .append("error", t.error())).toList();
        List<String> istags = workload.triggers().stream().filter(t -> t.error() == null)
                .map(t -> t.fromNamespace() + "/" + t.fromName()).distinct().toList();
        workloads.replaceOne(eq("_id", workload.key()), new Document("_id", workload.key())
                .append("kind", workload.kind()).append("namespace", workload.namespace()).append("name", workload.name())
                .append("error", workload.error()).append("triggers", triggers).append("istags", istags)
                .append("minImageAgeMs", workload.minImageAge().toMillis())
                .append("observedAt", Documents.date(workload.observedAt())).append("rebuildToken", rebuildToken),
                new ReplaceOptions().upsert(true));
    }

    public void remove(String kind, String namespace, String name) {
        workloads.deleteOne(eq("_id", IndexedWorkload.key(kind, namespace, name)));
    }

    /** Drops entries a rebuild did not see again (their workloads are gone or lost the annotation). */
    public long removeNotRebuilt(String rebuildToken) {
        return workloads.deleteMany(ne("rebuildToken", rebuildToken)).getDeletedCount();
    }

    /** Workloads with a trigger on {@code namespace/stream:tag}. */
    public List<IndexedWorkload> findFollowing(String namespace, String istag) {
        return workloads.find(eq("istags", namespace + "/" + istag)).map(WorkloadTriggerRepository::read)
                .into(new ArrayList<>());
    }

    public List<IndexedWorkload> list(String namespace) {
        Bson filter = namespace == null ? new Document() : eq("namespace", namespace);
        return workloads.find(filter).sort(Sorts.ascending("namespace", "kind", "name")).map(WorkloadTriggerRepository::read)
                .into(new ArrayList<>());
    }

    static String stateKey(String workloadKey, String fieldPath) {
        return workloadKey + "#" + fieldPath;
    }

    public Optional<TriggerState> state(String workloadKey, String fieldPath) {
        return Optional.ofNullable(states.find(eq("_id", stateKey(workloadKey, fieldPath))).first())
                .map(WorkloadTriggerRepository::readState);
    }

    /**
     * Remembers that the trigger's container now runs {@code image} because of the tag; a held image is forgotten.
     *
     * @return the image that was held before, or {@code null}
     */
    public String recordApplied(String workloadKey, String fieldPath, String image, String outcome, String message,
            Instant now) {
        Document before = states.findOneAndUpdate(eq("_id", stateKey(workloadKey, fieldPath)), Updates.combine(
                Updates.set("lastAppliedImage", image), Updates.set("lastAppliedAt", Documents.date(now)),
                Updates.set("outcome", outcome), Updates.set("message", message), Updates.set("updatedAt", Documents.date(now)),
                Updates.unset("pending"), Updates.unset("dueAt"), Updates.unset("leaseOwner"), Updates.unset("leaseUntil")),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.BEFORE));
        Document pending = before == null ? null : before.get("pending", Document.class);
        return pending == null ? null : pending.getString("image");
    }

    /** Records an outcome that leaves a held image as it is (a failed patch). */
    public void recordOutcome(String workloadKey, String fieldPath, String outcome, String message, Instant now) {
        recordOutcome(workloadKey, fieldPath, outcome, message, PendingImage.KEEP, now);
    }

    public void recordOutcome(String workloadKey, String fieldPath, String outcome, String message, PendingImage pending,
            Instant now) {
        List<Bson> updates = new ArrayList<>(List.of(Updates.set("outcome", outcome), Updates.set("message", message),
                Updates.set("updatedAt", Documents.date(now))));
        if (pending != PendingImage.KEEP) {
            updates.addAll(List.of(Updates.unset("dueAt"), Updates.unset("leaseOwner"), Updates.unset("leaseUntil")));
        }
        if (pending == PendingImage.DROP) {
            updates.add(Updates.unset("pending"));
        }
        states.updateOne(eq("_id", stateKey(workloadKey, fieldPath)), Updates.combine(updates), new UpdateOptions().upsert(true));
    }

    /**
     * Holds {@code image} until {@code notBefore}: it replaces an image held before, and the trigger is due then.
     *
     * @return the image held before, or {@code null}
     */
    public String hold(String workloadKey, String fieldPath, Pending pending, String message, Instant now) {
        Document before = states.findOneAndUpdate(eq("_id", stateKey(workloadKey, fieldPath)), Updates.combine(
                Updates.set("workload", workloadKey), Updates.set("fieldPath", fieldPath),
                Updates.set("pending", new Document("image", pending.image()).append("ageFrom", Documents.date(pending.ageFrom()))
                        .append("notBefore", Documents.date(pending.notBefore()))),
                Updates.set("dueAt", Documents.date(pending.notBefore())), Updates.unset("leaseOwner"), Updates.unset("leaseUntil"),
                Updates.set("outcome", "WaitingForImageAge"), Updates.set("message", message),
                Updates.set("updatedAt", Documents.date(now))),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.BEFORE));
        Document held = before == null ? null : before.get("pending", Document.class);
        return held == null ? null : held.getString("image");
    }

    /**
     * Forgets the held images of a workload's triggers other than {@code fieldPaths} (triggers removed from the
     * annotation or now invalid; all of them when the workload's annotations are).
     */
    public void dropPendingExcept(String workloadKey, List<String> fieldPaths) {
        states.updateMany(Filters.and(statesOf(workloadKey), Filters.exists("pending"), Filters.nin("fieldPath", fieldPaths)),
                Updates.combine(Updates.unset("pending"), Updates.unset("dueAt"), Updates.unset("leaseOwner"),
                        Updates.unset("leaseUntil")));
    }

    /**
     * Takes the lease of one trigger whose held image is due, or nothing.
     *
     * @return the key of its workload
     */
    public Optional<String> claimDue(String owner, Instant now, Instant leaseUntil) {
        Bson due = Filters.and(Filters.lte("dueAt", Documents.date(now)),
                Filters.or(Filters.eq("leaseUntil", null), Filters.lt("leaseUntil", Documents.date(now))));
        return Optional.ofNullable(states.findOneAndUpdate(due, Updates.combine(Updates.set("leaseOwner", owner),
                Updates.set("leaseUntil", Documents.date(leaseUntil))),
                new FindOneAndUpdateOptions().sort(Sorts.ascending("dueAt")).returnDocument(ReturnDocument.AFTER)))
                .map(d -> d.getString("workload"));
    }

    /** Forgets the states of a deleted workload. */
    public void removeStates(String workloadKey) {
        states.deleteMany(statesOf(workloadKey));
    }

    private static Bson statesOf(String workloadKey) {
        return new Document("_id", new Document("$regex", "^" + java.util.regex.Pattern.quote(workloadKey + "#")));
    }

    private static TriggerState readState(Document d) {
        Document pending = d.get("pending", Document.class);
        return new TriggerState(d.getString("lastAppliedImage"), Documents.instant(d, "lastAppliedAt"), d.getString("outcome"),
                d.getString("message"), Documents.instant(d, "updatedAt"), pending == null ? null
                        : new Pending(pending.getString("image"), Documents.instant(pending, "ageFrom"),
                                Documents.instant(pending, "notBefore")));
    }

    private static IndexedWorkload read(Document d) {
        List<IndexedTrigger> triggers = new ArrayList<>();
        for (Document t : d.getList("triggers", Document.class, List.of())) {
            Document from = t.get("from", Document.class);
            triggers.add(new IndexedTrigger(from.getString("namespace"), from.getString("name"), t.getString("fieldPath"),
                    t.getBoolean("paused", false), t.getString("container"), t.getString("error")));
        }
        Number minImageAgeMs = d.get("minImageAgeMs", Number.class);
        return new IndexedWorkload(d.getString("kind"), d.getString("namespace"), d.getString("name"), d.getString("error"),
                triggers, Duration.ofMillis(minImageAgeMs == null ? 0 : minImageAgeMs.longValue()),
                Documents.instant(d, "observedAt"));
    }
}
