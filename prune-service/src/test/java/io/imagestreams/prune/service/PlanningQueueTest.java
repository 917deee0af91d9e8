package io.imagestreams.prune.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.imagestreams.prune.config.PruneServiceConfig;
import io.imagestreams.prune.rest.ApiException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** At most max-concurrent plans run; the rest wait in arrival order; beyond max-queued a run is refused. */
class PlanningQueueTest {

    @Test
    void plansBeyondTheConcurrencyLimitWaitForAFreeSlotInArrivalOrder() {
        // given a queue of two slots and three reserved runs
        PlanningQueue queue = queue(2, 5);
        List<UniEmitter<? super Void>> started = new ArrayList<>();
        List<AtomicBoolean> done = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            queue.reserve();
        }

        // when all three are submitted
        for (int i = 0; i < 3; i++) {
            AtomicBoolean finished = new AtomicBoolean();
            done.add(finished);
            queue.submit(() -> Uni.createFrom().<Void>emitter(started::add)).subscribe().with(ignored -> finished.set(true));
        }

        // then two plan and one waits
        assertThat(started).hasSize(2);
        assertThat(queue.running()).isEqualTo(2);
        assertThat(queue.queued()).isEqualTo(1);

        // when the first finishes
        started.get(0).complete(null);

        // then its slot goes to the waiting one
        assertThat(done.get(0)).isTrue();
        assertThat(started).hasSize(3);
        assertThat(queue.running()).isEqualTo(2);
        assertThat(queue.queued()).isZero();

        // when the others finish, one of them failing
        started.get(1).fail(new IllegalStateException("planning failed"));
        started.get(2).complete(null);

        // then every slot is free again
        assertThat(done.get(2)).isTrue();
        assertThat(queue.running()).isZero();
    }

    @Test
    void aRunBeyondTheQueueIsRefusedWith429AndAReleasedPlaceCanBeTakenAgain() {
        // given one slot and one waiting place, both taken
        PlanningQueue queue = queue(1, 1);
        queue.reserve();
        queue.reserve();

        // when / then
        assertThatThrownBy(queue::reserve).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.status()).isEqualTo(429);
            assertThat(e.getMessage()).contains("1 prune runs are already waiting to be planned");
        });

        // when a reserved run could not be stored
        queue.release();

        // then its place is free
        queue.reserve();
        assertThat(queue.queued()).isEqualTo(2);
    }

    @Test
    void aPlanThatCannotEvenStartFreesItsSlot() {
        // given one slot
        PlanningQueue queue = queue(1, 1);
        queue.reserve();

        // when the plan fails before it returns its Uni
        AtomicBoolean failed = new AtomicBoolean();
        queue.submit(() -> {
            throw new IllegalStateException("no connection");
        }).subscribe().with(ignored -> { }, e -> failed.set(true));

        // then the failure reaches the caller and the slot is free again
        assertThat(failed).isTrue();
        assertThat(queue.running()).isZero();
    }

    @Test
    void aQueueWithoutASlotIsRefusedAtStart() {
        assertThatThrownBy(() -> queue(0, 5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("imagestreams.planning.max-concurrent must be at least 1");
    }

    private static PlanningQueue queue(int maxConcurrent, int maxQueued) {
        PruneServiceConfig.Planning planning = new PruneServiceConfig.Planning() {
            @Override
            public int maxConcurrent() {
                return maxConcurrent;
            }

            @Override
            public int maxQueued() {
                return maxQueued;
            }
        };
        PruneServiceConfig config = (PruneServiceConfig) Proxy.newProxyInstance(PruneServiceConfig.class.getClassLoader(),
                new Class<?>[] {PruneServiceConfig.class}, (proxy, method, args) -> {
                    if (method.getName().equals("planning")) {
                        return planning;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        return new PlanningQueue(config, new SimpleMeterRegistry());
    }
}
