package io.imagestreams.trigger.kubernetes;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.imagestreams.api.json.GoDuration;
import io.imagestreams.api.json.Rfc3339;
import io.imagestreams.trigger.config.TriggerServiceConfig;
import io.imagestreams.trigger.kubernetes.TriggerAnnotation.FieldTrigger;
import io.imagestreams.trigger.kubernetes.TriggerAnnotation.Parsed;
import io.imagestreams.trigger.repository.TagImage;
import io.imagestreams.trigger.repository.TagImageRepository;
import io.imagestreams.trigger.repository.WorkloadTriggerRepository;
import io.imagestreams.trigger.repository.WorkloadTriggerRepository.IndexedTrigger;
import io.imagestreams.trigger.repository.WorkloadTriggerRepository.IndexedWorkload;
import io.imagestreams.trigger.repository.WorkloadTriggerRepository.Pending;
import io.imagestreams.trigger.repository.WorkloadTriggerRepository.PendingImage;
import io.imagestreams.trigger.repository.WorkloadTriggerRepository.TriggerState;
import io.imagestreams.trigger.service.MinImageAge;
import io.imagestreams.trigger.service.TagImageListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Workload triggers: watches Deployments, StatefulSets, DaemonSets and CronJobs carrying
 * {@code image.openshift.io/triggers}, keeps the index istag → workloads in MongoDB, and when a followed tag has an
 * image the container does not run yet, patches the workload with a JSON patch whose {@code test} operations make
 * it apply only to the image it was computed from. Unlike OpenShift it remembers the image it applied: a container
 * changed by hand away from that image is left alone until the tag moves to another image. A workload annotated
 * {@code imagestreams.io/min-image-age} gets no image younger than that: the trigger's state in MongoDB holds it,
 * due when it is old enough, and any replica that takes the due state (with a lease) reconciles the workload then.
 *
 * <p>All reconciliation runs on one thread, in order; a failure is retried with backoff and never stops the watch
 * or other workloads. Off unless {@code imagestreams.kubernetes.enabled=true}.
 */
@ApplicationScoped
public class WorkloadTriggerController implements TagImageListener {

    /** How long a replica owns a due held image; if its reconcile did not settle it, another try follows then. */
    private static final Duration HELD_IMAGE_LEASE = Duration.ofSeconds(30);

    private final TriggerServiceConfig config;
    private final Instance<KubernetesClient> clients;
    private final WorkloadTriggerRepository index;
    private final TagImageRepository tagImages;
    private final WorkloadTriggerStatus status;
    private final MinImageAge minImageAge;
    private final MeterRegistry registry;
    private final Clock clock;
    private final String owner = UUID.randomUUID().toString();
    private final ScheduledExecutorService reconciler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "workload-triggers");
        thread.setDaemon(true);
        return thread;
    });
    private final List<SharedIndexInformer<? extends HasMetadata>> informers = new ArrayList<>();
    private final Map<String, Integer> failures = new ConcurrentHashMap<>();
    private final java.util.Set<String> retryScheduled = ConcurrentHashMap.newKeySet();
    private volatile KubernetesClient client;

    public WorkloadTriggerController(TriggerServiceConfig config, Instance<KubernetesClient> clients,
            WorkloadTriggerRepository index, TagImageRepository tagImages, WorkloadTriggerStatus status,
            MinImageAge minImageAge, MeterRegistry registry, Clock clock) {
        this.config = config;
        this.clients = clients;
        this.index = index;
        this.tagImages = tagImages;
        this.status = status;
        this.minImageAge = minImageAge;
        this.registry = registry;
        this.clock = clock;
    }

    void onStart(@Observes StartupEvent start) {
        if (!status.enabled()) {
            Log.info(WorkloadTriggerStatus.DISABLED_MESSAGE);
            return;
        }
        client = clients.get();
        List<String> namespaces = status.namespaces();
        Log.infof("workload triggers enabled: watching %s on %s", namespaces.isEmpty() ? "all namespaces" : namespaces,
                client.getMasterUrl());
        List<CompletableFuture<?>> synced = new ArrayList<>();
        for (WorkloadKind kind : WorkloadKind.values()) {
            for (String namespace : namespaces.isEmpty() ? java.util.Collections.<String>singletonList(null) : namespaces) {
                var resources = client.resources(kind.type());
                SharedIndexInformer<? extends HasMetadata> informer = namespace == null
                        ? resources.inAnyNamespace().runnableInformer(0)
                        : resources.inNamespace(namespace).runnableInformer(0);
                addHandler(informer, kind);
                informers.add(informer);
                synced.add(informer.start().toCompletableFuture());
            }
        }
        // once every watch has listed the cluster, entries of workloads that went away while we were down are dropped
        CompletableFuture.allOf(synced.toArray(CompletableFuture[]::new)).whenComplete((ok, error) -> {
            if (error != null) {
                status.failed("watch failed to start: " + error.getMessage());
                Log.warnf("workload trigger watches failed to start: %s", error.getMessage());
            } else {
                reconciler.execute(this::rebuildIndex);
            }
        });
    }

    @SuppressWarnings("unchecked")
    private <T extends HasMetadata> void addHandler(SharedIndexInformer<T> informer, WorkloadKind kind) {
        informer.addEventHandler(new ResourceEventHandler<T>() {
            @Override
            public void onAdd(T workload) {
                reconciler.execute(() -> reconcile(kind, workload));
            }

            @Override
            public void onUpdate(T previous, T workload) {
                // status-only updates (rollout progress) change nothing a trigger looks at
                if (!Objects.equals(annotation(previous), annotation(workload))
                        || !Objects.equals(minImageAgeAnnotation(previous), minImageAgeAnnotation(workload))
                        || !containerImages(kind, previous).equals(containerImages(kind, workload))) {
                    reconciler.execute(() -> reconcile(kind, workload));
                }
            }

            @Override
            public void onDelete(T workload, boolean finalStateUnknown) {
                reconciler.execute(() -> forget(kind, workload.getMetadata().getNamespace(), workload.getMetadata().getName()));
            }
        });
    }

    @PreDestroy
    void stop() {
        informers.forEach(SharedIndexInformer::stop);
        reconciler.shutdownNow();
    }

    /**
     * Lists every watched workload from the cluster, indexes and reconciles it, and drops index entries of
     * workloads no longer there. Runs at start (on the reconciler thread); safe to run again at any time.
     */
    public CompletableFuture<Void> rebuild() {
        return CompletableFuture.runAsync(this::rebuildIndex, reconciler);
    }

    private void rebuildIndex() {
        if (client == null) {
            return;
        }
        String token = UUID.randomUUID().toString();
        try {
            int seen = 0;
            for (WorkloadKind kind : WorkloadKind.values()) {
                for (HasMetadata workload : list(kind)) {
                    if (annotation(workload) != null) {
                        reconcile(kind, workload, token, true);
                        seen++;
                    }
                }
            }
            long dropped = index.removeNotRebuilt(token);
            status.watching();
            Log.infof("workload trigger index rebuilt: %d annotated workloads, %d stale entries dropped", seen, dropped);
        } catch (RuntimeException e) {
            status.failed("index rebuild failed: " + e.getMessage());
            Log.warnf("workload trigger index rebuild failed, retrying: %s", e.getMessage());
            reconciler.schedule(this::rebuildIndex, config.kubernetes().maxRetryDelay().toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private List<? extends HasMetadata> list(WorkloadKind kind) {
        List<String> namespaces = status.namespaces();
        if (namespaces.isEmpty()) {
            return client.resources(kind.type()).inAnyNamespace().list().getItems();
        }
        List<HasMetadata> all = new ArrayList<>();
        for (String namespace : namespaces) {
            all.addAll(client.resources(kind.type()).inNamespace(namespace).list().getItems());
        }
        return all;
    }

    /** A tag has a new image: every workload following it is reconciled against the live object. */
    @Override
    public void onTagImage(TagImage tag) {
        if (!status.enabled()) {
            return;
        }
        reconciler.execute(() -> {
            for (IndexedWorkload workload : index.findFollowing(tag.namespace(), tag.istagName())) {
                WorkloadKind.of(workload.kind()).ifPresent(kind -> reconcileLive(kind, workload.namespace(), workload.name()));
            }
        });
    }

    /**
     * Reconciles the workloads whose held image is old enough now. Each due trigger state is leased first, so one
     * replica takes it; the reconcile applies the image (which forgets the hold) or holds it again. Everything it
     * needs is in MongoDB, so images held before a restart are applied when due after it.
     */
    @Scheduled(every = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void applyAgedImages() {
        if (client == null) {
            return;
        }
        try {
            Instant now = clock.instant();
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (Optional<String> due = index.claimDue(owner, now, now.plus(HELD_IMAGE_LEASE)); due.isPresent();
                    due = index.claimDue(owner, now, now.plus(HELD_IMAGE_LEASE))) {
                String[] key = due.get().split("/", 3);
                Optional<WorkloadKind> kind = WorkloadKind.of(key[0]);
                if (key.length == 3 && kind.isPresent() && seen.add(due.get())) {
                    reconciler.execute(() -> reconcileLive(kind.get(), key[1], key[2]));
                }
            }
        } catch (RuntimeException e) {
            Log.warnf("looking for workload images old enough to apply failed, retrying: %s", e.getMessage());
        }
    }

    private void reconcileLive(WorkloadKind kind, String namespace, String name) {
        try {
            HasMetadata live = client.resources(kind.type()).inNamespace(namespace).withName(name).get();
            if (live == null) {
                forget(kind, namespace, name);
            } else {
                reconcile(kind, live, null, true);
            }
        } catch (KubernetesClientException e) {
            retryLater(kind, namespace, name, "reading the workload failed: " + e.getMessage());
        }
    }

    /** From a watch event: the object may be older than a patch this service just made. */
    private void reconcile(WorkloadKind kind, HasMetadata workload) {
        try {
            reconcile(kind, workload, null, false);
        } catch (RuntimeException e) {
            // one workload's trouble never stops the others
            Log.warnf("workload %s %s/%s not reconciled: %s", kind.kind(), workload.getMetadata().getNamespace(),
                    workload.getMetadata().getName(), e.getMessage());
            retryLater(kind, workload.getMetadata().getNamespace(), workload.getMetadata().getName(), e.getMessage());
        }
    }

    private void reconcile(WorkloadKind kind, HasMetadata workload, String rebuildToken, boolean live) {
        String namespace = workload.getMetadata().getNamespace();
        String name = workload.getMetadata().getName();
        String annotation = annotation(workload);
        if (annotation == null) {
            forget(kind, namespace, name);
            return;
        }
        PodSpec podSpec = kind.podSpec(workload);
        Parsed parsed = TriggerAnnotation.parse(annotation, kind, podSpec, namespace);
        MinImageAgeAnnotation.Parsed minAge = MinImageAgeAnnotation.parse(minImageAgeAnnotation(workload));
        String error = parsed.error() == null ? minAge.error()
                : minAge.error() == null ? parsed.error() : parsed.error() + "; " + minAge.error();
        String key = IndexedWorkload.key(kind.kind(), namespace, name);
        Optional<IndexedWorkload> before = index.find(kind.kind(), namespace, name);
        IndexedWorkload indexed = new IndexedWorkload(kind.kind(), namespace, name, error,
                parsed.triggers().stream().map(t -> new IndexedTrigger(t.fromNamespace(), t.fromName(), t.fieldPath(),
                        t.paused(), t.containerName(), t.error())).toList(), minAge.minimum(), clock.instant());
        index.put(indexed, rebuildToken);
        reportNewErrors(kind, workload, parsed, minAge, error, before);
        if (error != null) {
            // a workload whose annotations are rejected gets nothing until they are fixed
            index.dropPendingExcept(key, List.of());
            return;
        }
        index.dropPendingExcept(key, parsed.triggers().stream().filter(t -> t.error() == null).map(FieldTrigger::fieldPath).toList());
        if (!applyImages(kind, workload, key, parsed.triggers(), podSpec, minAge.minimum(), live)) {
            reconcileLive(kind, namespace, name);
        }
    }

    /**
     * Patches every non-paused trigger's container whose image should change, in one JSON patch; an image younger
     * than {@code minAge} is held instead.
     *
     * @param live whether {@code workload} was just read from the API server (else it came from a watch event)
     * @return false when a container looks changed by hand but {@code workload} may be stale: read it again first
     */
    private boolean applyImages(WorkloadKind kind, HasMetadata workload, String key, List<FieldTrigger> triggers,
            PodSpec podSpec, Duration minAge, boolean live) {
        Instant now = clock.instant();
        List<Map<String, Object>> operations = new ArrayList<>();
        List<FieldTrigger> changed = new ArrayList<>();
        List<String> images = new ArrayList<>();
        for (FieldTrigger trigger : triggers) {
            if (trigger.error() != null) {
                continue;
            }
            if (trigger.paused()) {
                // an image held before stays held: resuming looks at it again
                index.recordOutcome(key, trigger.fieldPath(), "Paused", "the trigger is paused", PendingImage.KEEP_NOT_DUE, now);
                patches("skipped-paused").increment();
                continue;
            }
            Optional<TagImage> tag = tagImages.find(trigger.fromNamespace(), trigger.stream(), trigger.tag())
                    .filter(t -> t.pullSpec() != null);
            if (tag.isEmpty()) {
                index.recordOutcome(key, trigger.fieldPath(), "WaitingForImage",
                        "image stream tag " + trigger.fromNamespace() + "/" + trigger.fromName() + " has no image yet",
                        PendingImage.DROP, now);
                continue;
            }
            String desired = tag.get().pullSpec();
            Container container = container(podSpec, trigger);
            String current = container.getImage();
            TriggerState state = index.state(key, trigger.fieldPath()).orElse(null);
            if (desired.equals(current)) {
                if (state == null || !desired.equals(state.lastAppliedImage()) || state.pending() != null) {
                    index.recordApplied(key, trigger.fieldPath(), desired, "UpToDate", "the container runs " + desired, now);
                }
                patches("unchanged").increment();
                continue;
            }
            if (state != null && desired.equals(state.lastAppliedImage())) {
                if (!live) {
                    return false; // a watch event older than our own patch looks the same
                }
                // we applied this image and someone changed the container since: a manual rollback stays
                if (!"ChangedByHand".equals(state.outcome())) {
                    patches("skipped-manual-change").increment();
                }
                index.recordOutcome(key, trigger.fieldPath(), "ChangedByHand", "the container runs " + current
                        + ", set by hand after " + desired + " was applied; left alone until the tag moves",
                        PendingImage.DROP, now);
                continue;
            }
            Optional<Instant> holdUntil = MinImageAge.holdUntil(minAge, tag.get().ageFrom(), now);
            if (holdUntil.isPresent()) {
                hold(key, trigger, new Pending(desired, tag.get().ageFrom(), holdUntil.get()), minAge, now);
                continue;
            }
            String path = kind.podSpecPointer() + "/" + trigger.containerList() + "/" + trigger.containerIndex();
            operations.add(Map.of("op", "test", "path", path + "/name", "value", trigger.containerName()));
            operations.add(current == null ? Map.of("op", "add", "path", path + "/image", "value", desired)
                    : Map.of("op", "test", "path", path + "/image", "value", current));
            if (current != null) {
                operations.add(Map.of("op", "replace", "path", path + "/image", "value", desired));
            }
            changed.add(trigger);
            images.add(desired);
        }
        if (changed.isEmpty()) {
            failures.remove(key);
            return true;
        }
        String namespace = workload.getMetadata().getNamespace();
        String name = workload.getMetadata().getName();
        try {
            client.resources(kind.type()).inNamespace(namespace).withName(name)
                    .patch(PatchContext.of(PatchType.JSON), io.fabric8.kubernetes.client.utils.Serialization.asJson(operations));
        } catch (KubernetesClientException e) {
            boolean preconditionFailed = e.getCode() == 409 || e.getCode() == 422;
            patches(preconditionFailed ? "conflict" : "failed").increment();
            for (FieldTrigger trigger : changed) {
                index.recordOutcome(key, trigger.fieldPath(), "PatchFailed", "patch failed: " + e.getMessage(), now);
            }
            if (!preconditionFailed) {
                event(kind, workload, "ImageTriggerFailed", "updating the image from " + TriggerAnnotation.NAME
                        + " failed: " + e.getMessage());
            }
            // the workload changed under us, or the API failed: look again shortly, against the live object
            retryLater(kind, namespace, name, e.getMessage());
            return true;
        }
        failures.remove(key);
        for (int i = 0; i < changed.size(); i++) {
            String held = index.recordApplied(key, changed.get(i).fieldPath(), images.get(i), "Applied", "set to " + images.get(i), now);
            patches("patched").increment();
            if (images.get(i).equals(held)) {
                minImageAge.released(MinImageAge.Trigger.WORKLOAD);
            }
        }
        Log.infof("%s %s/%s: %s", kind.kind(), namespace, name, changed.stream()
                .map(t -> t.containerName() + " → " + images.get(changed.indexOf(t))).collect(Collectors.joining(", ")));
        return true;
    }

    /** Holds an image younger than the workload's minimum age; a newer image replaces one held before. */
    private void hold(String key, FieldTrigger trigger, Pending pending, Duration minAge, Instant now) {
        String message = pending.image() + " is younger than " + GoDuration.format(minAge) + " ("
                + MinImageAgeAnnotation.NAME + "); held until " + Rfc3339.format(pending.notBefore());
        String before = index.hold(key, trigger.fieldPath(), pending, message, now);
        if (!pending.image().equals(before)) {
            minImageAge.held(MinImageAge.Trigger.WORKLOAD);
            if (before != null) {
                minImageAge.superseded(MinImageAge.Trigger.WORKLOAD);
            }
        }
    }

    private static Container container(PodSpec podSpec, FieldTrigger trigger) {
        List<Container> list = trigger.containerList().equals("containers") ? podSpec.getContainers() : podSpec.getInitContainers();
        return list.get(trigger.containerIndex());
    }

    private void reportNewErrors(WorkloadKind kind, HasMetadata workload, Parsed parsed, MinImageAgeAnnotation.Parsed minAge,
            String workloadError, Optional<IndexedWorkload> before) {
        List<String> errors = new ArrayList<>();
        if (workloadError != null) {
            errors.add(workloadError);
        }
        parsed.triggers().stream().map(FieldTrigger::error).filter(Objects::nonNull).forEach(errors::add);
        List<String> previous = new ArrayList<>();
        before.ifPresent(b -> {
            if (b.error() != null) {
                previous.add(b.error());
            }
            b.triggers().stream().map(IndexedTrigger::error).filter(Objects::nonNull).forEach(previous::add);
        });
        if (errors.isEmpty() || errors.equals(previous)) {
            return;
        }
        List<String> triggerErrors = new ArrayList<>();
        if (parsed.error() != null) {
            triggerErrors.add(parsed.error());
        }
        parsed.triggers().stream().map(FieldTrigger::error).filter(Objects::nonNull).forEach(triggerErrors::add);
        String reason = parsed.errorReason() != null ? parsed.errorReason()
                : minAge.error() != null ? "InvalidMinImageAge"
                : triggerErrors.get(0).startsWith("no such container") ? "NoSuchContainer" : "InvalidFieldPath";
        Counter.builder("imagestreams.workload.invalid.annotations").description("workload trigger annotations found invalid")
                .tag("reason", reason).register(registry).increment();
        List<String> parts = new ArrayList<>();
        if (!triggerErrors.isEmpty()) {
            parts.add("invalid " + TriggerAnnotation.NAME + ": " + String.join("; ", triggerErrors));
        }
        if (minAge.error() != null) {
            parts.add(minAge.error() + "; the workload's triggers wait until it is fixed");
        }
        String message = String.join("; ", parts);
        Log.warnf("%s %s/%s: %s", kind.kind(), workload.getMetadata().getNamespace(), workload.getMetadata().getName(), message);
        event(kind, workload, "InvalidImageTriggers", message);
    }

    /** A Warning event on the workload, so {@code kubectl describe} shows the problem. */
    private void event(WorkloadKind kind, HasMetadata workload, String reason, String message) {
        String now = Rfc3339.format(clock.instant());
        try {
            client.v1().events().inNamespace(workload.getMetadata().getNamespace()).resource(new EventBuilder()
                    .withNewMetadata()
                    .withName(workload.getMetadata().getName() + "." + Long.toHexString(System.nanoTime()))
                    .withNamespace(workload.getMetadata().getNamespace())
                    .endMetadata()
                    .withNewInvolvedObject()
                    .withApiVersion(kind.apiVersion()).withKind(kind.kind())
                    .withNamespace(workload.getMetadata().getNamespace()).withName(workload.getMetadata().getName())
                    .withUid(workload.getMetadata().getUid())
                    .endInvolvedObject()
                    .withType("Warning").withReason(reason).withMessage(message)
                    .withNewSource().withComponent("trigger-service").endSource()
                    .withFirstTimestamp(now).withLastTimestamp(now).withCount(1)
                    .build()).create();
        } catch (KubernetesClientException e) {
            Log.warnf("could not record an event on %s %s/%s: %s", kind.kind(), workload.getMetadata().getNamespace(),
                    workload.getMetadata().getName(), e.getMessage());
        }
    }

    private void forget(WorkloadKind kind, String namespace, String name) {
        index.remove(kind.kind(), namespace, name);
        index.removeStates(IndexedWorkload.key(kind.kind(), namespace, name));
        failures.remove(IndexedWorkload.key(kind.kind(), namespace, name));
    }

    private void retryLater(WorkloadKind kind, String namespace, String name, String error) {
        String key = IndexedWorkload.key(kind.kind(), namespace, name);
        if (!retryScheduled.add(key)) {
            return; // one retry per workload is enough: it reads the live object
        }
        int failed = failures.merge(key, 1, Integer::sum);
        Duration delay = config.kubernetes().retryDelay().multipliedBy(1L << Math.min(failed - 1, 10));
        if (delay.compareTo(config.kubernetes().maxRetryDelay()) > 0) {
            delay = config.kubernetes().maxRetryDelay();
        }
        Log.debugf("retrying %s in %s: %s", key, delay, error);
        reconciler.schedule(() -> {
            retryScheduled.remove(key);
            reconcileLive(kind, namespace, name);
        }, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private static List<String> containerImages(WorkloadKind kind, HasMetadata workload) {
        PodSpec podSpec = kind.podSpec(workload);
        List<String> images = new ArrayList<>();
        if (podSpec != null) {
            java.util.stream.Stream.concat(
                    podSpec.getInitContainers() == null ? java.util.stream.Stream.empty() : podSpec.getInitContainers().stream(),
                    podSpec.getContainers() == null ? java.util.stream.Stream.empty() : podSpec.getContainers().stream())
                    .forEach(c -> images.add(c.getName() + "=" + c.getImage()));
        }
        return images;
    }

    private Counter patches(String outcome) {
        return Counter.builder("imagestreams.workload.patches").description("workload trigger evaluations by outcome")
                .tag("outcome", outcome).register(registry);
    }

    private static String annotation(HasMetadata workload) {
        Map<String, String> annotations = workload.getMetadata().getAnnotations();
        return annotations == null ? null : annotations.get(TriggerAnnotation.NAME);
    }

    private static String minImageAgeAnnotation(HasMetadata workload) {
        Map<String, String> annotations = workload.getMetadata().getAnnotations();
        return annotations == null ? null : annotations.get(MinImageAgeAnnotation.NAME);
    }
}
