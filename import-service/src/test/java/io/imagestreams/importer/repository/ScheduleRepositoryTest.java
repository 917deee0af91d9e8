package io.imagestreams.importer.repository;

import static org.assertj.core.api.Assertions.assertThat;

import io.imagestreams.importer.client.MediaTypes;
import io.imagestreams.importer.repository.ScheduleRepository.ScheduledGroup;
import io.imagestreams.testsupport.KafkaResource;
import io.imagestreams.testsupport.MongoResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The schedule's atomic leases on the service's MongoDB: what keeps replicas from working one tag twice and lets
 * a replica that died mid-check lose nothing. Times are far in the future, so the running scheduler of the test
 * application never sees these tags as due.
 */
@QuarkusTest
@WithTestResource(value = MongoResource.class, parallel = true)
@WithTestResource(value = KafkaResource.class, parallel = true)
class ScheduleRepositoryTest {

    private static final Duration LEASE = Duration.ofMinutes(2);

    @Inject
    ScheduleRepository schedules;

    @Test
    void aClaimedTagIsNobodyElsesUntilItsLeaseEnds() {
        // given: a scheduled tag due at t0
        Instant t0 = Instant.parse("2100-01-01T00:00:00Z");
        String ns = track(t0);

        // when: replica A claims it
        Optional<Schedule> byA = claim(t0, "replica-a");

        // then: replica B gets nothing while A's lease runs, and the tag once it has run out (A died)
        assertThat(byA).get().extracting(Schedule::namespace).isEqualTo(ns);
        assertThat(claimFor(ns, t0.plusSeconds(60), "replica-b")).isEmpty();
        Optional<Schedule> byB = claimFor(ns, t0.plus(LEASE).plusSeconds(1), "replica-b");
        assertThat(byB).isPresent();

        // and A, back late, cannot overwrite B's outcome
        assertThat(schedules.finishCheck(byA.get(), "replica-a", t0.plusSeconds(200), Schedule.UPDATED, null, null,
                "sha256:late", t0.plusSeconds(3600))).isFalse();
        assertThat(schedules.finishCheck(byB.get(), "replica-b", t0.plusSeconds(200), Schedule.UNCHANGED, null, null,
                "sha256:b", t0.plusSeconds(3600))).isTrue();
        Schedule stored = schedules.find(ns, "app", "v1").orElseThrow();
        assertThat(stored.lastSourceDigest()).isEqualTo("sha256:b");
        assertThat(stored.checks()).isEqualTo(1);
        assertThat(stored.nextCheckAt()).isEqualTo(t0.plusSeconds(3600));
    }

    @Test
    void aPokeDuringACheckMakesTheTagDueAgainWhenItEnds() {
        // given: a claimed tag
        Instant t0 = Instant.parse("2100-02-01T00:00:00Z");
        String ns = track(t0);
        Schedule claimed = claimFor(ns, t0, "replica-a").orElseThrow();

        // when: a push notification arrives while the check runs, then the check ends
        String pushed = "sha256:" + "c".repeat(64);
        assertThat(schedules.dueNow(List.of("registry.example:5000"), "team/" + ns, "v1", pushed, t0.plusSeconds(1))).isEqualTo(1);
        schedules.finishCheck(claimed, "replica-a", t0.plusSeconds(2), Schedule.UNCHANGED, null, null, "sha256:a",
                t0.plusSeconds(3600));

        // then: it is due at once rather than an interval later, with the pushed digest still to import
        assertThat(schedules.find(ns, "app", "v1").orElseThrow().nextCheckAt()).isEqualTo(t0.plusSeconds(2));
        assertThat(schedules.find(ns, "app", "v1").orElseThrow().pushedDigest()).isEqualTo(pushed);
        Schedule again = claimFor(ns, t0.plusSeconds(2), "replica-a").orElseThrow();
        schedules.finishCheck(again, "replica-a", t0.plusSeconds(3), Schedule.UNCHANGED, null, null, "sha256:a",
                t0.plusSeconds(3600));
        assertThat(schedules.find(ns, "app", "v1").orElseThrow().nextCheckAt()).isEqualTo(t0.plusSeconds(3600));
        assertThat(schedules.find(ns, "app", "v1").orElseThrow().pushedDigest()).isNull();
    }

    @Test
    void whatAnImportOrCheckFoundIsRecordedAndTheScheduledTagsAreGroupedByWhatDecidesTheirCost() {
        // given: four scheduled tags of one repository and an unscheduled one, none due
        Instant t0 = Instant.parse("2100-03-01T00:00:00Z");
        String ns = "ns-" + UUID.randomUUID().toString().substring(0, 8);
        for (String tag : List.of("a", "b", "c", "d", "once")) {
            schedules.track(new TrackedTag(ns, "app", tag, "registry.example:5000/team/app:" + tag,
                    "registry.example:5000", "team/app", tag, true, "Legacy", !tag.equals("once"), 1), t0,
                    t0.plusSeconds(86400));
        }

        // when: a is imported as a list of three, b as an image, and a check of c sees an image manifest
        schedules.recordImport(ns, "app", "a", "registry.example:5000/team/app:a",
                new SourceManifest("sha256:a", MediaTypes.OCI_INDEX, 3), t0);
        schedules.recordImport(ns, "app", "b", "registry.example:5000/team/app:b",
                new SourceManifest("sha256:b", MediaTypes.OCI_MANIFEST, 0), t0);
        schedules.dueNow(ns, "app", "c", t0);
        Schedule claimed = claimFor(ns, t0, "replica-a").orElseThrow();
        assertThat(schedules.finishCheck(claimed, "replica-a", t0, Schedule.UNCHANGED, null, null,
                new SourceManifest(null, MediaTypes.OCI_MANIFEST, null), t0.plusSeconds(3600))).isTrue();

        // then
        assertThat(schedules.find(ns, "app", "a").orElseThrow())
                .extracting(Schedule::lastSourceDigest, Schedule::lastSourceMediaType, Schedule::lastSourceChildren)
                .containsExactly("sha256:a", MediaTypes.OCI_INDEX, 3);
        assertThat(schedules.find(ns, "app", "c").orElseThrow())
                .extracting(Schedule::lastSourceDigest, Schedule::lastSourceMediaType, Schedule::lastSourceChildren)
                .containsExactly(null, MediaTypes.OCI_MANIFEST, null);
        assertThat(schedules.scheduledGroups()).filteredOn(group -> group.namespace().equals(ns))
                .containsExactlyInAnyOrder(
                        new ScheduledGroup(ns, "registry.example:5000", "team/app", "Legacy", MediaTypes.OCI_INDEX, 3, 1),
                        new ScheduledGroup(ns, "registry.example:5000", "team/app", "Legacy", MediaTypes.OCI_MANIFEST, 0, 1),
                        new ScheduledGroup(ns, "registry.example:5000", "team/app", "Legacy", MediaTypes.OCI_MANIFEST, null, 1),
                        new ScheduledGroup(ns, "registry.example:5000", "team/app", "Legacy", null, null, 1));

        // and a tag whose source changes forgets what its old source was
        schedules.track(new TrackedTag(ns, "app", "a", "registry.example:5000/team/other:a", "registry.example:5000",
                "team/other", "a", true, "Legacy", true, 2), t0, t0.plusSeconds(86400));
        assertThat(schedules.find(ns, "app", "a").orElseThrow())
                .extracting(Schedule::lastSourceDigest, Schedule::lastSourceMediaType, Schedule::lastSourceChildren)
                .containsOnlyNulls();
    }

    private String track(Instant due) {
        String ns = "ns-" + UUID.randomUUID().toString().substring(0, 8);
        schedules.track(new TrackedTag(ns, "app", "v1", "registry.example:5000/team/" + ns + ":v1", "registry.example:5000",
                "team/" + ns, "v1", true, "Legacy", true, 1), due, due);
        return ns;
    }

    private Optional<Schedule> claim(Instant now, String owner) {
        return schedules.claimDue(now, owner, now.plus(LEASE));
    }

    /** Claims until the tag of {@code ns} comes up (other tests' tags may be due at the same instant). */
    private Optional<Schedule> claimFor(String ns, Instant now, String owner) {
        for (int i = 0; i < 100; i++) {
            Optional<Schedule> claimed = claim(now, owner);
            if (claimed.isEmpty() || claimed.get().namespace().equals(ns)) {
                return claimed;
            }
        }
        return Optional.empty();
    }
}
