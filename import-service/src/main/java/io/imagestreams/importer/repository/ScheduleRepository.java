package io.imagestreams.importer.repository;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.imagestreams.api.image.PlatformPreference;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * One document per importable spec tag ({@code schedules}). Every change is a single-document atomic update, so
 * several replicas can share the collection without transactions: a due check is claimed with
 * {@code findOneAndUpdate} on an expired lease, and only the lease holder may record its outcome.
 */
@ApplicationScoped
public class ScheduleRepository {

    private static final Date NO_LEASE = new Date(0);

    private final MongoCollection<Document> schedules;

    public ScheduleRepository(MongoClient mongo, @ConfigProperty(name = "quarkus.mongodb.database") String database) {
        this.schedules = mongo.getDatabase(database).getCollection(MongoIndexes.SCHEDULES);
    }

    /**
     * Records an importable spec tag as a stream event describes it. A new tag is first checked one interval from
     * {@code now} (its first import comes from stream-service's import request); a tag whose source changed forgets
     * the digest it had, so its next check imports. A tag whose preferred platform changed forgets it too but
     * keeps its next check: that check imports the child the new preference picks (no import is requested for
     * an annotation change, as in OpenShift, where the next scheduled import applies it).
     */
    public void track(TrackedTag tag, Instant now, Instant firstCheck) {
        Document before = schedules.findOneAndUpdate(key(tag.namespace(), tag.stream(), tag.tag()),
                Updates.combine(
                        Updates.set("from", tag.from()),
                        Updates.set("registry", tag.registry()),
                        Updates.set("repository", tag.repository()),
                        Updates.set("sourceTag", tag.sourceTag()),
                        Updates.set("insecure", tag.insecure()),
                        Updates.set("importMode", tag.importMode()),
                        optional("preferArch", tag.platform().preferArch()),
                        optional("preferOs", tag.platform().preferOs()),
                        Updates.set("scheduled", tag.scheduled()),
                        Updates.max("specGeneration", tag.generation()),
                        Updates.set("updatedAt", Date.from(now)),
                        Updates.setOnInsert("nextCheckAt", Date.from(firstCheck)),
                        Updates.setOnInsert("leaseUntil", NO_LEASE),
                        Updates.setOnInsert("pokes", 0L),
                        Updates.setOnInsert("createdAt", Date.from(now))),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.BEFORE));
        if (before == null) {
            return;
        }
        Bson same = Filters.and(key(tag.namespace(), tag.stream(), tag.tag()), Filters.eq("from", tag.from()));
        if (!tag.from().equals(before.getString("from"))) {
            schedules.updateOne(same, Updates.combine(Updates.unset("lastSourceDigest"),
                    Updates.unset("lastSourceMediaType"), Updates.unset("lastSourceChildren"),
                    Updates.set("nextCheckAt", Date.from(firstCheck))));
        } else if (!tag.platform().equals(new PlatformPreference(before.getString("preferArch"),
                before.getString("preferOs")))) {
            schedules.updateOne(same, Updates.unset("lastSourceDigest"));
        }
    }

    private static Bson optional(String field, String value) {
        return value == null ? Updates.unset(field) : Updates.set(field, value);
    }

    /** Forgets the stream's tags that are not in {@code keep} (no longer spec tags, or no longer imported). */
    public long untrackOthers(String namespace, String stream, Collection<String> keep) {
        return schedules.deleteMany(Filters.and(Filters.eq("namespace", namespace), Filters.eq("stream", stream),
                Filters.nin("tag", keep))).getDeletedCount();
    }

    /** Forgets every tag of a deleted stream. */
    public long untrackStream(String namespace, String stream) {
        return schedules.deleteMany(Filters.and(Filters.eq("namespace", namespace), Filters.eq("stream", stream)))
                .getDeletedCount();
    }

    /** Remembers the newest generation stream-service reported for the tag; older news changes nothing. */
    public void observeGeneration(String namespace, String stream, String tag, long generation) {
        schedules.updateOne(key(namespace, stream, tag), Updates.max("specGeneration", generation));
    }

    /** Records what an import (not a scheduled check) found for the tag while it still imports from {@code from}. */
    public void recordImport(String namespace, String stream, String tag, String from, SourceManifest source, Instant now) {
        List<Bson> updates = new ArrayList<>(List.of(Updates.set("lastImportAt", Date.from(now))));
        addSource(updates, source);
        schedules.updateOne(Filters.and(key(namespace, stream, tag), Filters.eq("from", from)), Updates.combine(updates));
    }

    /** The digest, media type and child count of {@code source} that are known; nothing for null. */
    private static void addSource(List<Bson> updates, SourceManifest source) {
        if (source == null) {
            return;
        }
        if (source.digest() != null) {
            updates.add(Updates.set("lastSourceDigest", source.digest()));
        }
        if (source.mediaType() != null && !source.mediaType().isEmpty()) {
            updates.add(Updates.set("lastSourceMediaType", source.mediaType()));
        }
        if (source.children() != null) {
            updates.add(Updates.set("lastSourceChildren", source.children()));
        }
    }

    /**
     * Claims the most overdue scheduled tag whose lease has expired: it is this {@code owner}'s until
     * {@code leaseUntil}, and no other replica takes it meanwhile.
     */
    public Optional<Schedule> claimDue(Instant now, String owner, Instant leaseUntil) {
        Document claimed = schedules.findOneAndUpdate(
                Filters.and(Filters.eq("scheduled", true), Filters.lte("nextCheckAt", Date.from(now)),
                        Filters.lte("leaseUntil", Date.from(now))),
                Updates.combine(Updates.set("leaseOwner", owner), Updates.set("leaseUntil", Date.from(leaseUntil))),
                new FindOneAndUpdateOptions().sort(Sorts.ascending("nextCheckAt")).returnDocument(ReturnDocument.AFTER));
        return Optional.ofNullable(claimed).map(ScheduleRepository::schedule);
    }

    /**
     * Records a check's outcome and when the tag is due next, if {@code owner} still holds the lease (a replica
     * whose lease ran out while it worked must not overwrite the newer holder's outcome).
     *
     * @param sourceDigest the digest found, or null to keep the one recorded
     * @return whether the outcome was recorded
     */
    public boolean finishCheck(Schedule claimed, String owner, Instant now, String result, String reason, String message,
            String sourceDigest, Instant nextCheckAt) {
        return finishCheck(claimed, owner, now, result, reason, message, SourceManifest.digest(sourceDigest), nextCheckAt);
    }

    /**
     * As {@link #finishCheck(Schedule, String, Instant, String, String, String, String, Instant)}, recording what
     * the check found ({@code source}: null, or null parts, keep what was recorded).
     */
    public boolean finishCheck(Schedule claimed, String owner, Instant now, String result, String reason, String message,
            SourceManifest source, Instant nextCheckAt) {
        Bson mine = Filters.and(key(claimed.namespace(), claimed.stream(), claimed.tag()), Filters.eq("leaseOwner", owner));
        Bson notPoked = claimed.pokes() == 0
                ? Filters.or(Filters.eq("pokes", 0L), Filters.exists("pokes", false))
                : Filters.eq("pokes", claimed.pokes());
        if (schedules.updateOne(Filters.and(mine, notPoked),
                outcome(now, result, reason, message, source, nextCheckAt, true)).getModifiedCount() == 1) {
            return true;
        }
        // poked while the check ran (e.g. a push after its HEAD): due again at once, so the push is not missed
        return schedules.updateOne(mine, outcome(now, result, reason, message, source, now, false)).getModifiedCount() == 1;
    }

    /** @param pushHandled whether the announced push (if any) was what this check saw; a newer one stays */
    private static Bson outcome(Instant now, String result, String reason, String message, SourceManifest source,
            Instant nextCheckAt, boolean pushHandled) {
        List<Bson> updates = new ArrayList<>(List.of(
                Updates.set("lastCheckAt", Date.from(now)),
                Updates.set("lastResult", result),
                Updates.inc("checks", 1),
                Updates.set("nextCheckAt", Date.from(nextCheckAt)),
                Updates.set("leaseUntil", NO_LEASE),
                Updates.unset("leaseOwner")));
        updates.add(reason == null ? Updates.unset("lastReason") : Updates.set("lastReason", reason));
        updates.add(message == null ? Updates.unset("lastMessage") : Updates.set("lastMessage", message));
        addSource(updates, source);
        if (pushHandled) {
            updates.add(Updates.unset("pushedDigest"));
        }
        return Updates.combine(updates);
    }

    /**
     * Makes the scheduled tags that import {@code repository:sourceTag} from one of {@code registries} due now,
     * remembering the digest the push announced (null if none).
     *
     * @return how many tags will be checked
     */
    public long dueNow(Collection<String> registries, String repository, String sourceTag, String pushedDigest, Instant now) {
        Bson poke = pushedDigest == null ? poke(now) : Updates.combine(poke(now), Updates.set("pushedDigest", pushedDigest));
        return schedules.updateMany(Filters.and(Filters.eq("scheduled", true), Filters.in("registry", registries),
                Filters.eq("repository", repository), Filters.eq("sourceTag", sourceTag)),
                poke, new UpdateOptions()).getModifiedCount();
    }

    /** Makes one tag due now; false when it is not tracked. */
    public boolean dueNow(String namespace, String stream, String tag, Instant now) {
        return schedules.updateOne(key(namespace, stream, tag), poke(now)).getMatchedCount() == 1;
    }

    private static Bson poke(Instant now) {
        return Updates.combine(Updates.set("nextCheckAt", Date.from(now)), Updates.inc("pokes", 1));
    }

    public Optional<Schedule> find(String namespace, String stream, String tag) {
        return Optional.ofNullable(schedules.find(key(namespace, stream, tag)).first()).map(ScheduleRepository::schedule);
    }

    /** Tracked tags in (namespace, stream, tag) order, optionally of one namespace and stream, scheduled ones only. */
    public List<Schedule> list(Optional<String> namespace, Optional<String> stream, boolean scheduledOnly, int limit) {
        List<Bson> filters = new ArrayList<>();
        namespace.ifPresent(ns -> filters.add(Filters.eq("namespace", ns)));
        stream.ifPresent(name -> filters.add(Filters.eq("stream", name)));
        if (scheduledOnly) {
            filters.add(Filters.eq("scheduled", true));
        }
        Bson filter = filters.isEmpty() ? new Document() : Filters.and(filters);
        List<Schedule> found = new ArrayList<>();
        schedules.find(filter).sort(Sorts.ascending("namespace", "stream", "tag")).limit(limit)
                .forEach(document -> found.add(schedule(document)));
        return found;
    }

    /**
     * Scheduled tags that cost alike, counted: one row per namespace, registry, repository, import mode and what
     * the last check or import found (media type, children).
     */
    public record ScheduledGroup(String namespace, String registry, String repository, String importMode,
            String sourceMediaType, Integer sourceChildren, long tags) {
    }

    /** Every scheduled tag, grouped by what decides its cost; one pass over the collection, done by MongoDB. */
    public List<ScheduledGroup> scheduledGroups() {
        List<ScheduledGroup> groups = new ArrayList<>();
        schedules.aggregate(List.of(
                Aggregates.match(Filters.eq("scheduled", true)),
                Aggregates.group(new Document("namespace", "$namespace").append("registry", "$registry")
                        .append("repository", "$repository").append("importMode", "$importMode")
                        .append("mediaType", "$lastSourceMediaType").append("children", "$lastSourceChildren"),
                        Accumulators.sum("tags", 1))))
                .forEach(row -> {
                    Document id = row.get("_id", Document.class);
                    Number tags = row.get("tags", Number.class);
                    groups.add(new ScheduledGroup(id.getString("namespace"), id.getString("registry"),
                            id.getString("repository"), id.getString("importMode"), id.getString("mediaType"),
                            integer(id, "children"), tags == null ? 0 : tags.longValue()));
                });
        return groups;
    }

    /** The earliest {@code nextCheckAt} of a scheduled tag, to know how long the scheduler may rest. */
    public Optional<Instant> nextDue() {
        Document first = schedules.find(Filters.eq("scheduled", true)).sort(Sorts.ascending("nextCheckAt")).limit(1).first();
        return Optional.ofNullable(first).map(document -> instant(document, "nextCheckAt"));
    }

    private static Bson key(String namespace, String stream, String tag) {
        return Filters.and(Filters.eq("namespace", namespace), Filters.eq("stream", stream), Filters.eq("tag", tag));
    }

    private static Schedule schedule(Document d) {
        Number generation = d.get("specGeneration", Number.class);
        return new Schedule(d.getString("namespace"), d.getString("stream"), d.getString("tag"), d.getString("from"),
                d.getString("registry"), d.getString("repository"), d.getString("sourceTag"),
                Boolean.TRUE.equals(d.getBoolean("insecure")), d.getString("importMode"), d.getString("preferArch"),
                d.getString("preferOs"), Boolean.TRUE.equals(d.getBoolean("scheduled")), generation == null ? 0 : generation.longValue(),
                d.getString("lastSourceDigest"), d.getString("lastSourceMediaType"), integer(d, "lastSourceChildren"),
                instant(d, "nextCheckAt"), instant(d, "lastCheckAt"),
                d.getString("lastResult"), d.getString("lastReason"), d.getString("lastMessage"), instant(d, "leaseUntil"),
                number(d, "checks"), number(d, "pokes"), d.getString("pushedDigest"));
    }

    private static Integer integer(Document d, String field) {
        Number value = d.get(field, Number.class);
        return value == null ? null : value.intValue();
    }

    private static long number(Document d, String field) {
        Number value = d.get(field, Number.class);
        return value == null ? 0 : value.longValue();
    }

    private static Instant instant(Document d, String field) {
        Date date = d.getDate(field);
        return date == null ? null : date.toInstant();
    }
}
