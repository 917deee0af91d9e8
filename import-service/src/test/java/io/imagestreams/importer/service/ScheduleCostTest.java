package io.imagestreams.importer.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.imagestreams.importer.client.RegistryAuth;
import io.imagestreams.importer.client.RegistryBudget;
import io.imagestreams.importer.service.ScheduleCost.ChangeCost;
import io.imagestreams.importer.service.ScheduleCost.IntervalUse;
import io.imagestreams.importer.service.ScheduleCost.Kind;
import io.imagestreams.importer.service.ScheduleCost.Learned;
import io.imagestreams.importer.service.ScheduleCost.Preview;
import io.imagestreams.importer.service.ScheduleCost.Rate;
import io.imagestreams.importer.service.ScheduleCost.RegistryCost;
import io.imagestreams.importer.service.ScheduleCost.Settings;
import io.imagestreams.importer.service.ScheduleCost.TagGroup;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/**
 * The cost computation on its own: three registries (Docker Hub with learned bearer tokens and pull budget, a
 * registry not contacted yet, a local registry without auth and with a tight learned budget), tags checked every
 * minute, every 15 minutes (the default) and every hour, images, manifest lists in both import modes and a tag not
 * imported yet.
 */
class ScheduleCostTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private static final Duration DEFAULT = Duration.ofMinutes(15);

    /** Docker Hub: bearer tokens of 300 s from auth.docker.io; 3 pulls left of 100 per 6 h. */
    private static final Learned HUB = new Learned("registry-1.docker.io", true,
            Optional.of(new RegistryAuth("registry-1.docker.io", RegistryAuth.Scheme.BEARER, "auth.docker.io",
                    Duration.ofSeconds(300))),
            Optional.of(new RegistryBudget("registry-1.docker.io", OptionalLong.of(100), Duration.ofHours(6),
                    OptionalLong.of(3), NOW.plusSeconds(7200), null, NOW.minusSeconds(60))));
    /** A registry that has not answered yet. */
    private static final Learned QUAY = new Learned("quay.io", false, Optional.empty(), Optional.empty());
    /** A local registry without auth that announced 100 requests per hour, 10 left for the next 30 minutes. */
    private static final Learned LOCAL = new Learned("registry.local:5000", false,
            Optional.of(new RegistryAuth("registry.local:5000", RegistryAuth.Scheme.NONE, null, null)),
            Optional.of(new RegistryBudget("registry.local:5000", OptionalLong.of(100), Duration.ofHours(1),
                    OptionalLong.of(10), NOW.plusSeconds(1800), null, NOW.minusSeconds(5))));
    private static final Map<String, Learned> LEARNED = Map.of("docker.io", HUB, "quay.io", QUAY,
            "registry.local:5000", LOCAL);

    private static final List<TagGroup> TAGS = List.of(
            // two tags of a multi-arch image at the default interval, and one more in another namespace not
            // checked yet: all anonymous, so they share one token
            new TagGroup("team-a", "docker.io", "library/nginx", "Legacy", Kind.ManifestList, 4, false, null, 2),
            new TagGroup("team-b", "docker.io", "library/nginx", "Legacy", Kind.Unknown, null, false, null, 1),
            // an image checked every minute: one token serves five checks
            new TagGroup("team-a", "docker.io", "library/redis", "Legacy", Kind.Image, 0, false, Duration.ofMinutes(1), 1),
            // a list kept whole (three children) checked hourly
            new TagGroup("team-a", "quay.io", "org/app", "PreserveOriginal", Kind.ManifestList, 3, true,
                    Duration.ofHours(1), 1),
            // four images checked every minute
            new TagGroup("team-b", "registry.local:5000", "demo/app", "Legacy", Kind.Image, 0, false,
                    Duration.ofMinutes(1), 4));

    private static Preview preview(Optional<String> namespace, Optional<Duration> whatIf, int maxChecksPerMinute) {
        return ScheduleCost.preview(TAGS, namespace, new Settings(DEFAULT, whatIf, maxChecksPerMinute, true, NOW),
                LEARNED::get);
    }

    private static RegistryCost registry(Preview preview, String name) {
        return preview.registries().stream().filter(r -> r.registry().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void countsOneHeadPerCheckAndShowsTheChangesTokensAndOpenShiftSeparately() {
        // when
        Preview preview = preview(Optional.empty(), Optional.empty(), 600);

        // then: Docker Hub: 3 tags × 4/h + 1 tag × 60/h
        RegistryCost hub = registry(preview, "docker.io");
        assertThat(hub.scheduledTags()).isEqualTo(4);
        assertThat(hub.intervals()).containsExactly(new IntervalUse("1m0s", "1m0s", 1), new IntervalUse("15m0s", "15m0s", 3));
        assertThat(hub.requestsPerHour()).isEqualTo(new Rate(72, 72));
        assertThat(hub.perChange()).containsExactly(
                new ChangeCost("Image", null, null, 1, 2),
                new ChangeCost("ManifestList", "Legacy", null, 2, 3),
                new ChangeCost("Unknown", "Legacy", null, 1, 2));
        assertThat(hub.perChangeOfEveryTag()).isEqualTo(10);
        // nginx: 12 checks/h, 5 min apart, each after its token (270 s of use) ran out; redis: 60/h, one token per 5
        assertThat(hub.tokens().auth()).isEqualTo("bearer");
        assertThat(hub.tokens().tokenService()).isEqualTo("auth.docker.io");
        assertThat(hub.tokens().lifetimeSeconds()).isEqualTo(300);
        assertThat(hub.tokens().lifetimeSource()).isEqualTo("learned");
        assertThat(hub.tokens().repositories()).isEqualTo(2);
        assertThat(hub.tokens().requestsPerHour()).isEqualTo(new Rate(24, 24));
        // OpenShift: every tag every 15 min at best, a full import each: 2 × 4 × 3 + 4 × 2 + 4 × 2
        assertThat(hub.openShiftEquivalentPerHour()).isEqualTo(40);

        // and a registry not contacted yet: tokens as bearer with the typical lifetime; a list kept whole
        RegistryCost quay = registry(preview, "quay.io");
        assertThat(quay.requestsPerHour()).isEqualTo(new Rate(1, 1));
        assertThat(quay.perChange()).containsExactly(new ChangeCost("ManifestList", "PreserveOriginal", 3, 1, 7));
        assertThat(quay.tokens().auth()).isEqualTo("unknown");
        assertThat(quay.tokens().lifetimeSeconds()).isEqualTo(300);
        assertThat(quay.tokens().lifetimeSource()).isEqualTo("typical");
        assertThat(quay.tokens().requestsPerHour()).isEqualTo(new Rate(1, 1));
        assertThat(quay.openShiftEquivalentPerHour()).isEqualTo(7);
        assertThat(quay.budget()).isNull();

        // and a registry without auth costs no tokens
        RegistryCost local = registry(preview, "registry.local:5000");
        assertThat(local.requestsPerHour()).isEqualTo(new Rate(240, 240));
        assertThat(local.tokens().auth()).isEqualTo("none");
        assertThat(local.tokens().requestsPerHour()).isEqualTo(new Rate(0, 0));
        assertThat(local.openShiftEquivalentPerHour()).isEqualTo(32);

        // and the totals
        assertThat(preview.scheduledTags()).isEqualTo(9);
        assertThat(preview.requestsPerHour()).isEqualTo(new Rate(313, 313));
        assertThat(preview.tokenRequestsPerHour()).isEqualTo(new Rate(25, 25));
        assertThat(preview.openShiftEquivalentPerHour()).isEqualTo(79);
        assertThat(preview.cap().exceeded()).isFalse();
        assertThat(preview.cap().slowdown()).isEqualTo(1);
        assertThat(preview.interval()).isEqualTo("15m0s");
        assertThat(preview.preview()).isFalse();
    }

    @Test
    void learnedBudgetsTheProjectionExceedsAreWarnedAbout() {
        // when
        Preview preview = preview(Optional.empty(), Optional.empty(), 600);

        // then: 240 HEADs per hour against 100 per hour; 10 left for 30 minutes run out after 150 s
        RegistryCost local = registry(preview, "registry.local:5000");
        assertThat(local.budget().limit()).isEqualTo(100);
        assertThat(local.budget().windowSeconds()).isEqualTo(3600);
        assertThat(local.budget().remaining()).isEqualTo(10);
        assertThat(local.budget().projectedPerWindow()).isEqualTo(240);
        assertThat(local.warnings()).containsExactly(
                "registry.local:5000: about 240 requests per 1h0m0s exceed the limit of 100 the registry announced"
                        + " (RateLimit-Limit)",
                "registry.local:5000: 10 requests remain until 2026-11-23T10:30:00Z but about 120 are due by then:"
                        + " they run out about 2026-11-23T10:02:30Z");

        // and Docker Hub: HEADs are free, but one change of every tag is 2 × 2 + 1 + 1 manifest GETs, 3 remain
        RegistryCost hub = registry(preview, "docker.io");
        assertThat(hub.budget().counts()).contains("manifest GETs");
        assertThat(hub.budget().projectedPerWindow()).isEqualTo(0);
        assertThat(hub.warnings()).singleElement().asString()
                .contains("Docker Hub counts manifest GETs, not HEADs")
                .contains("costs 6 manifest GETs and 3 remain until 2026-11-23T12:00:00Z");
        assertThat(registry(preview, "quay.io").warnings()).isEmpty();
        assertThat(preview.warnings()).containsExactlyElementsOf(
                java.util.stream.Stream.concat(hub.warnings().stream(), local.warnings().stream()).toList());
    }

    @Test
    void theCapSpreadsChecksAndTheEffectiveFiguresFollowIt() {
        // when: at most 2 checks per minute (120 per hour) for 313 due
        Preview preview = preview(Optional.empty(), Optional.empty(), 2);

        // then
        assertThat(preview.cap().exceeded()).isTrue();
        assertThat(preview.cap().maxChecksPerHour()).isEqualTo(120);
        assertThat(preview.cap().checksPerHour()).isEqualTo(new Rate(313, 120));
        assertThat(preview.cap().slowdown()).isEqualTo(2.61);
        assertThat(preview.requestsPerHour().projected()).isEqualTo(313);
        assertThat(preview.requestsPerHour().effective()).isCloseTo(120, org.assertj.core.data.Offset.offset(0.02));
        RegistryCost local = registry(preview, "registry.local:5000");
        assertThat(local.requestsPerHour()).isEqualTo(new Rate(240, 92.01));
        // a minute becomes about 2m37s
        assertThat(local.intervals()).containsExactly(new IntervalUse("1m0s", "2m37s", 4));
        assertThat(preview.warnings().get(0)).isEqualTo("313 checks per hour are due but at most 120 start"
                + " (imagestreams.schedules.max-checks-per-minute=2): every tag is checked about 2.61 times later than"
                + " its interval");
        // fewer checks, fewer tokens: redis' 23 checks an hour, 157 s apart, share a token by two
        assertThat(registry(preview, "docker.io").tokens().requestsPerHour().effective())
                .isCloseTo(4.6 + 11.5, org.assertj.core.data.Offset.offset(0.02));
    }

    @Test
    void aWhatIfIntervalChangesOnlyTheTagsWithoutTheirOwn() {
        // when: a default of 5 minutes instead of 15
        Preview preview = preview(Optional.empty(), Optional.of(Duration.ofMinutes(5)), 600);

        // then: the nginx tags are checked 12 times an hour, redis and the others keep their own intervals
        assertThat(preview.interval()).isEqualTo("5m0s");
        assertThat(preview.configuredInterval()).isEqualTo("15m0s");
        assertThat(preview.preview()).isTrue();
        RegistryCost hub = registry(preview, "docker.io");
        assertThat(hub.intervals()).containsExactly(new IntervalUse("1m0s", "1m0s", 1), new IntervalUse("5m0s", "5m0s", 3));
        assertThat(hub.requestsPerHour()).isEqualTo(new Rate(96, 96));
        // 36 nginx checks an hour, 100 s apart: a token serves three
        assertThat(hub.tokens().requestsPerHour()).isEqualTo(new Rate(24, 24));
        // OpenShift cannot go below 15 minutes
        assertThat(hub.openShiftEquivalentPerHour()).isEqualTo(40);
        assertThat(registry(preview, "registry.local:5000").requestsPerHour()).isEqualTo(new Rate(240, 240));
    }

    @Test
    void aNamespaceSeesItsOwnTagsWeighedAgainstTheWholeCap() {
        // when: team-a only, with a cap only all namespaces together exceed
        Preview preview = preview(Optional.of("team-a"), Optional.empty(), 2);

        // then
        assertThat(preview.namespace()).isEqualTo("team-a");
        assertThat(preview.registries()).extracting(RegistryCost::registry).containsExactly("docker.io", "quay.io");
        assertThat(preview.scheduledTags()).isEqualTo(4);
        assertThat(preview.requestsPerHour().projected()).isEqualTo(69);
        assertThat(preview.cap().checksPerHour().projected()).isEqualTo(313);
        assertThat(preview.cap().exceeded()).isTrue();
    }

    @Test
    void scheduledChecksOffSpendNothing() {
        // when
        Preview preview = ScheduleCost.preview(TAGS, Optional.empty(), new Settings(DEFAULT, Optional.empty(), 600,
                false, NOW), LEARNED::get);

        // then
        assertThat(preview.enabled()).isFalse();
        assertThat(preview.requestsPerHour()).isEqualTo(new Rate(313, 0));
        assertThat(preview.tokenRequestsPerHour().effective()).isZero();
        assertThat(preview.warnings().get(0)).startsWith("scheduled checks are off");
    }

    @Test
    void aTokenServesTheChecksWithinItsReuse() {
        // 270 s of use of a 300 s token
        Duration reuse = RegistryAuth.tokenReuse(Duration.ofSeconds(300));
        assertThat(reuse).isEqualTo(Duration.ofSeconds(270));
        assertThat(ScheduleCost.tokensPerHour(4, reuse)).isEqualTo(4);
        assertThat(ScheduleCost.tokensPerHour(60, reuse)).isEqualTo(12);
        assertThat(ScheduleCost.tokensPerHour(3600, reuse)).isEqualTo(3600.0 / 270);
        // a 60 s token (the spec's default) is used for 54 s
        assertThat(ScheduleCost.tokensPerHour(3600, RegistryAuth.tokenReuse(Duration.ofSeconds(60)))).isEqualTo(3600.0 / 54);
        assertThat(ScheduleCost.tokensPerHour(0, reuse)).isZero();
    }
}
