package io.imagestreams.prune.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

/** Holds live events back while the projection is rebuilt from the beginning of the topic. */
@ApplicationScoped
public class ProjectionGate {

    private final AtomicReference<CompletableFuture<Void>> rebuild = new AtomicReference<>(CompletableFuture.completedFuture(null));

    /** Closes the gate; false when a rebuild is already running. */
    public boolean close() {
        CompletableFuture<Void> current = rebuild.get();
        return current.isDone() && rebuild.compareAndSet(current, new CompletableFuture<>());
    }

    public void open() {
        rebuild.get().complete(null);
    }

    public boolean isRebuilding() {
        return !rebuild.get().isDone();
    }

    /** Completes at once, or when the running rebuild ends. */
    public Uni<Void> whenLive() {
        CompletableFuture<Void> current = rebuild.get();
        return current.isDone() ? Uni.createFrom().voidItem() : Uni.createFrom().completionStage(current);
    }
}
