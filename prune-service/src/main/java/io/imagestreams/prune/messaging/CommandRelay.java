package io.imagestreams.prune.messaging;

import io.imagestreams.prune.repository.CommandOutboxRepository;
import io.imagestreams.prune.repository.CommandOutboxRepository.PendingCommand;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sends the queued prune commands in the order they were decided, at least once: a command is marked sent only
 * after Kafka acknowledged it. A round stops at the first failure (recording it on the command) and the next
 * round, woken after a commit or by the poll, tries again from there — a broker outage delays commands, it never
 * loses them. A run that waits too long for outcomes cancels what was not sent (RunService).
 */
@ApplicationScoped
public class CommandRelay {

    static final int BATCH = 100;

    private final Pool pool;
    private final CommandOutboxRepository outbox;
    private final PruneCommandSender sender;
    private final Clock clock;
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();
    private final AtomicLong pending = new AtomicLong();
    private final Counter sent;
    private final Counter failures;

    public CommandRelay(Pool pool, CommandOutboxRepository outbox, PruneCommandSender sender, Clock clock, MeterRegistry registry) {
        this.pool = pool;
        this.outbox = outbox;
        this.sender = sender;
        this.clock = clock;
        this.sent = Counter.builder("imagestreams.prune.commands.sent").description("prune commands Kafka acknowledged")
                .register(registry);
        this.failures = Counter.builder("imagestreams.prune.commands.send.failures")
                .description("command sends that failed and will be retried").register(registry);
        registry.gauge("imagestreams.prune.commands.pending", pending);
    }

    /** Messaging channels are wired once the application has started; sending before that fails. */
    void onStart(@Observes StartupEvent event) {
        started.set(true);
        wake();
    }

    /** Asks for a round now (after a commit that queued commands), without waiting for the next poll. */
    public void wake() {
        if (!started.get()) {
            return;
        }
        again.set(true);
        if (running.compareAndSet(false, true)) {
            loop();
        }
    }

    @Scheduled(every = "${imagestreams.outbox.poll-interval:5s}", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        wake();
    }

    private void loop() {
        again.set(false);
        relayOnce().subscribe().with(count -> {
            if (count < BATCH) {
                // a short round ends the loop unless a commit woke it meanwhile; a failed send waits for the poll
                finishRound();
                return;
            }
            again.set(true);
            finishRound();
        }, failure -> {
            Log.warnf("command relay round failed, retrying on the next poll: %s", failure.getMessage());
            again.set(false);
            finishRound();
        });
    }

    private void finishRound() {
        running.set(false);
        if (again.get() && running.compareAndSet(false, true)) {
            loop();
        }
    }

    /** One round: takes the relay lock, sends a batch in order until one fails; returns how many were sent. */
    public Uni<Integer> relayOnce() {
        return pool.withTransaction(c -> outbox.tryRelayLock(c).flatMap(locked -> {
            if (!locked) {
                return Uni.createFrom().item(0);
            }
            return outbox.pending(c, BATCH).flatMap(commands -> sendInOrder(c, commands, 0))
                    .flatMap(count -> outbox.countPending(c).invoke(pending::set).replaceWith(count));
        }));
    }

    private Uni<Integer> sendInOrder(SqlConnection c, List<PendingCommand> commands, int index) {
        if (index == commands.size()) {
            return Uni.createFrom().item(index);
        }
        PendingCommand command = commands.get(index);
        return sender.send(command)
                .flatMap(ignored -> outbox.markSent(c, command.seq(), clock.instant()))
                .invoke(() -> sent.increment())
                .flatMap(ignored -> sendInOrder(c, commands, index + 1))
                .onFailure().recoverWithUni(e -> {
                    // the rest of the batch waits, so commands of one stream never overtake each other
                    failures.increment();
                    Log.warnf("sending prune command %s (%s) failed, retrying on the next round: %s", command.id(), command.key(),
                            e.getMessage());
                    return outbox.sendFailed(c, command.seq(), describe(e)).replaceWith(index);
                });
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? "the send failed" : message;
    }
}
