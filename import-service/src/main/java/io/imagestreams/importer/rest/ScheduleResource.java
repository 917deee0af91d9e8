package io.imagestreams.importer.rest;

import io.imagestreams.api.json.GoDuration;
import io.imagestreams.api.json.Rfc3339;
import io.imagestreams.importer.config.ImportServiceConfig;
import io.imagestreams.importer.repository.Schedule;
import io.imagestreams.importer.service.ApiException;
import io.imagestreams.importer.service.ScheduleCost;
import io.imagestreams.importer.service.ScheduleCostService;
import io.imagestreams.importer.service.ScheduleService;
import io.imagestreams.importer.service.Scheduler;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * {@code /api/v1/schedules}: every tracked tag with its next and last check, and what the schedule costs
 * ({@code /cost}).
 */
@Path("/api/v1/schedules")
@Produces(MediaType.APPLICATION_JSON)
public class ScheduleResource {

    private static final int MAX_LIMIT = 5000;

    /**
     * One tracked tag. {@code lastResult}: Unchanged, Updated or Failed (with reason and message);
     * {@code preferArch} / {@code preferOs}: the platform a {@code Legacy} import picks first from a manifest list;
     * {@code lastMediaType}: whether {@code lastDigest} names an image or a manifest list (what a change costs).
     */
    public record ScheduleView(String namespace, String stream, String tag, String from, boolean scheduled,
            String importMode, String preferArch, String preferOs, boolean insecure, String interval,
            String nextCheckAt, String lastCheckAt, String lastResult, String lastReason, String lastMessage,
            String lastDigest, String lastMediaType, long checks) {
    }

    /** The list, with the registry requests the scheduled tags cost per hour when nothing changes (one HEAD per check). */
    public record ScheduleList(String interval, int maxChecksPerMinute, int scheduledTags, double checksPerHour,
            List<ScheduleView> items) {
    }

    private final ScheduleService schedules;
    private final ScheduleCostService costs;
    private final Scheduler scheduler;
    private final int maxChecksPerMinute;

    public ScheduleResource(ScheduleService schedules, ScheduleCostService costs, Scheduler scheduler,
            ImportServiceConfig config) {
        this.schedules = schedules;
        this.costs = costs;
        this.scheduler = scheduler;
        this.maxChecksPerMinute = config.schedules().maxChecksPerMinute();
    }

    @GET
    @Operation(summary = "List tracked tags (optionally of one namespace/stream, or only scheduled ones)")
    public ScheduleList list(@QueryParam("namespace") String namespace, @QueryParam("stream") String stream,
            @QueryParam("scheduled") @DefaultValue("false") boolean scheduledOnly,
            @QueryParam("limit") @DefaultValue("500") int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ApiException.badRequest("limit", "limit must be between 1 and " + MAX_LIMIT);
        }
        if (stream != null && namespace == null) {
            throw ApiException.badRequest("stream", "stream needs namespace");
        }
        List<ScheduleView> items = schedules.list(Optional.ofNullable(namespace), Optional.ofNullable(stream), scheduledOnly, limit)
                .stream().map(this::view).toList();
        int scheduled = (int) items.stream().filter(ScheduleView::scheduled).count();
        double perHour = scheduled * (3600.0 / Math.max(1, schedules.interval().toSeconds()));
        // no tag can be checked more often than the per-minute cap allows
        perHour = Math.min(perHour, maxChecksPerMinute * 60.0);
        return new ScheduleList(format(schedules.interval()), maxChecksPerMinute, scheduled, perHour, items);
    }

    @GET
    @Path("cost")
    @Operation(summary = "What the scheduled tags cost in registry requests per hour, per registry and in total"
            + " (optionally of one namespace, or with another default interval as a what-if)")
    public ScheduleCost.Preview cost(@QueryParam("namespace") String namespace, @QueryParam("interval") String interval) {
        return costs.preview(Optional.ofNullable(namespace), Optional.ofNullable(interval));
    }

    @GET
    @Path("{namespace}/{stream}/{tag}")
    @Operation(summary = "One tracked tag")
    public ScheduleView get(@PathParam("namespace") String namespace, @PathParam("stream") String stream,
            @PathParam("tag") String tag) {
        return schedules.find(namespace, stream, tag).map(this::view)
                .orElseThrow(() -> notTracked(namespace, stream, tag));
    }

    @POST
    @Path("{namespace}/{stream}/{tag}/check")
    @Operation(summary = "Check a tracked tag now instead of at its next check")
    public Response checkNow(@PathParam("namespace") String namespace, @PathParam("stream") String stream,
            @PathParam("tag") String tag) {
        if (!schedules.checkNow(namespace, stream, tag)) {
            throw notTracked(namespace, stream, tag);
        }
        scheduler.wake();
        return Response.accepted(get(namespace, stream, tag)).build();
    }

    private static ApiException notTracked(String namespace, String stream, String tag) {
        return ApiException.notFound("no imported tag " + namespace + "/" + stream + ":" + tag + " is tracked");
    }

    private ScheduleView view(Schedule s) {
        return new ScheduleView(s.namespace(), s.stream(), s.tag(), s.from(), s.scheduled(), s.importMode(),
                s.preferArch(), s.preferOs(), s.insecure(),
                s.scheduled() ? format(schedules.interval()) : null, s.scheduled() ? time(s.nextCheckAt()) : null,
                time(s.lastCheckAt()), s.lastResult(), s.lastReason(), s.lastMessage(), s.lastSourceDigest(),
                s.lastSourceMediaType(), s.checks());
    }

    private static String time(Instant instant) {
        return instant == null ? null : Rfc3339.format(instant);
    }

    /** Go-style duration text, e.g. {@code 15m0s}, as OpenShift users read intervals. */
    static String format(Duration duration) {
        return GoDuration.formatSeconds(duration);
    }
}
