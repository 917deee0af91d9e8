package io.imagestreams.trigger.repository;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.ne;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import jakarta.enterprise.context.ApplicationScoped;
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
 * state of each trigger: the last image applied (rollback safety) and the last outcome.
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
     * @param error why its annotation was rejected, or {@code null}
     */
    public record IndexedWorkload(String kind, String namespace, String name, String error, List<IndexedTrigger> triggers,
            Instant observedAt) {

        public String key() {
            return key(kind, namespace, name);
        }

        public static String key(String kind, String namespace, String name) {
            return kind + "/" + namespace + "/" + name;
        }
    }

    /** The state of one trigger. */
    public record TriggerState(String lastAppliedImage, Instant lastAppliedAt, String outcome, String message,
            Instant updatedAt) {
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
        return Optional.ofNullable(states.find(eq("_id", stateKey(workloadKey, fieldPath))).first()).map(d -> new TriggerState(
                d.getString("lastAppliedImage"), Documents.instant(d, "lastAppliedAt"), d.getString("outcome"),
                d.getString("message"), Documents.instant(d, "updatedAt")));
    }

    /** Remembers that the trigger's container now runs {@code image} because of the tag. */
    public void recordApplied(String workloadKey, String fieldPath, String image, String outcome, String message, Instant now) {
        states.updateOne(eq("_id", stateKey(workloadKey, fieldPath)), Updates.combine(
                Updates.set("lastAppliedImage", image), Updates.set("lastAppliedAt", Documents.date(now)),
                Updates.set("outcome", outcome), Updates.set("message", message), Updates.set("updatedAt", Documents.date(now))),
                new UpdateOptions().upsert(true));
    }

    public void recordOutcome(String workloadKey, String fieldPath, String outcome, String message, Instant now) {
        states.updateOne(eq("_id", stateKey(workloadKey, fieldPath)), Updates.combine(Updates.set("outcome", outcome),
                Updates.set("message", message), Updates.set("updatedAt", Documents.date(now))),
                new UpdateOptions().upsert(true));
    }

    /** Forgets the states of a deleted workload. */
    public void removeStates(String workloadKey) {
        states.deleteMany(new Document("_id", new Document("$regex", "^" + java.util.regex.Pattern.quote(workloadKey + "#"))));
    }

    private static IndexedWorkload read(Document d) {
        List<IndexedTrigger> triggers = new ArrayList<>();
        for (Document t : d.getList("triggers", Document.class, List.of())) {
            Document from = t.get("from", Document.class);
            triggers.add(new IndexedTrigger(from.getString("namespace"), from.getString("name"), t.getString("fieldPath"),
                    t.getBoolean("paused", false), t.getString("container"), t.getString("error")));
        }
        return new IndexedWorkload(d.getString("kind"), d.getString("namespace"), d.getString("name"), d.getString("error"),
                triggers, Documents.instant(d, "observedAt"));
    }
}
