package io.imagestreams.trigger.service;

/**
 * A webhook trigger registration as the API receives it ({@code POST} and {@code PUT /api/v1/triggers}).
 *
 * @param paused      {@code null} = false
 * @param minImageAge a Go duration ({@code 30m}): images younger than that are held until they are that old;
 *                    {@code null} or zero = no gate
 */
public record TriggerRequest(From from, Webhook webhook, Boolean paused, String minImageAge) {

    /** The image stream tag to follow. */
    public record From(String kind, String namespace, String name) {
    }

    /** Where to post, and the signing secret ({@code null} = generate one on create, keep the stored one on update). */
    public record Webhook(String url, String secret) {
    }
}
