package io.imagestreams.trigger.rest;

import io.imagestreams.trigger.repository.Delivery;
import io.imagestreams.trigger.service.ApiException;
import io.imagestreams.trigger.service.DeliveryService;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import java.util.stream.Collectors;

/** The webhook delivery log: {@code /api/v1/deliveries}. */
@Path("/api/v1/deliveries")
@Produces(MediaType.APPLICATION_JSON)
public class DeliveryResource {

    private static final int MAX_LIMIT = 500;

    private final DeliveryService deliveries;

    public DeliveryResource(DeliveryService deliveries) {
        this.deliveries = deliveries;
    }

    /** Newest first; {@code status} is Pending, Delivered, Failed (dead letters), Superseded or Cancelled. */
    @GET
    public Representations.DeliveryList listDeliveries(@QueryParam("triggerId") String triggerId,
            @QueryParam("status") String status, @QueryParam("limit") @DefaultValue("100") String limit) {
        return new Representations.DeliveryList(deliveries.list(blankToNull(triggerId), status(status), limit(limit))
                .stream().map(Representations::delivery).toList());
    }

    @GET
    @Path("/{id}")
    public Representations.DeliveryView getDelivery(@PathParam("id") String id) {
        return Representations.delivery(deliveries.find(id));
    }

    @POST
    @Path("/{id}/redeliver")
    public Response redeliver(@PathParam("id") String id) {
        return Response.accepted(Representations.delivery(deliveries.redeliver(id))).build();
    }

    private static Delivery.Status status(String status) {
        if (status == null || status.isEmpty()) {
            return null;
        }
        return Arrays.stream(Delivery.Status.values()).filter(s -> s.name().equals(status)).findFirst()
                .orElseThrow(() -> ApiException.badRequest("status", "status must be one of "
                        + Arrays.stream(Delivery.Status.values()).map(Enum::name).collect(Collectors.joining(", "))));
    }

    private static int limit(String limit) {
        try {
            int value = Integer.parseInt(limit);
            if (value >= 1 && value <= MAX_LIMIT) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ApiException.badRequest("limit", "limit must be a number from 1 to " + MAX_LIMIT);
    }

    private static String blankToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
