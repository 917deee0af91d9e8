package io.imagestreams.trigger.service;

import io.imagestreams.api.json.GoDuration;
import io.imagestreams.trigger.client.TargetPolicy;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Pattern;

/** Checks registrations field by field; the first problem becomes a 400 naming the field. */
final class TriggerValidation {

    static final String IMAGE_STREAM_TAG = "ImageStreamTag";
    private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
    private static final Pattern STREAM_NAME = Pattern.compile("[a-z0-9]([-a-z0-9._]*[a-z0-9])?");
    private static final Pattern TAG_NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}");
    private static final int MAX_URL_LENGTH = 2048;

    private TriggerValidation() {
    }

    static void validateFrom(TriggerRequest.From from) {
        if (from == null) {
            throw ApiException.badRequest("from", "from is required");
        }
        if (from.kind() == null || from.kind().isEmpty()) {
            throw ApiException.badRequest("from.kind", "from.kind is required (ImageStreamTag)");
        }
        if (!IMAGE_STREAM_TAG.equals(from.kind())) {
            throw ApiException.badRequest("from.kind", "only ImageStreamTag is supported, not " + from.kind());
        }
        if (from.namespace() == null || from.namespace().isEmpty()) {
            throw ApiException.badRequest("from.namespace", "from.namespace is required");
        }
        if (from.namespace().length() > 63 || !DNS_LABEL.matcher(from.namespace()).matches()) {
            throw ApiException.badRequest("from.namespace", "from.namespace must be a DNS-1123 label");
        }
        String name = from.name();
        if (name == null || name.isEmpty()) {
            throw ApiException.badRequest("from.name", "from.name is required (stream:tag)");
        }
        int colon = name.indexOf(':');
        if (colon <= 0 || colon == name.length() - 1 || name.indexOf(':', colon + 1) >= 0) {
            throw ApiException.badRequest("from.name", "from.name must have the form stream:tag");
        }
        String stream = name.substring(0, colon);
        if (stream.length() > 253 || !STREAM_NAME.matcher(stream).matches()) {
            throw ApiException.badRequest("from.name", "the stream name " + stream + " is not a valid image stream name");
        }
        if (!TAG_NAME.matcher(name.substring(colon + 1)).matches()) {
            throw ApiException.badRequest("from.name", "the tag name " + name.substring(colon + 1) + " is not a valid tag name");
        }
    }

    static URI validateUrl(TriggerRequest.Webhook webhook) {
        if (webhook == null) {
            throw ApiException.badRequest("webhook", "webhook is required");
        }
        String url = webhook.url();
        if (url == null || url.isEmpty()) {
            throw ApiException.badRequest("webhook.url", "webhook.url is required");
        }
        if (url.length() > MAX_URL_LENGTH) {
            throw ApiException.badRequest("webhook.url", "webhook.url is longer than " + MAX_URL_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw ApiException.badRequest("webhook.url", "webhook.url is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw ApiException.badRequest("webhook.url", "webhook.url must be an http or https URL");
        }
        if (uri.getRawUserInfo() != null) {
            throw ApiException.badRequest("webhook.url", "webhook.url must not carry credentials; requests are signed with the secret");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw ApiException.badRequest("webhook.url", "webhook.url has no host");
        }
        if (uri.getRawFragment() != null) {
            throw ApiException.badRequest("webhook.url", "webhook.url must not have a fragment");
        }
        return uri;
    }

    /** {@code null} = no gate ({@link Duration#ZERO}); the gate counts in whole milliseconds. */
    static Duration validateMinImageAge(String minImageAge) {
        if (minImageAge == null) {
            return Duration.ZERO;
        }
        return GoDuration.parse(minImageAge).map(age -> Duration.ofMillis(age.toMillis()))
                .orElseThrow(() -> ApiException.badRequest("minImageAge",
                        "minImageAge \"" + minImageAge + "\" is not a duration such as 30m, 1h30m or 0s"));
    }

    static void checkTarget(TargetPolicy policy, URI url) {
        TargetPolicy.Decision decision = policy.check(url, true);
        if (!decision.allowed()) {
            throw ApiException.badRequest("webhook.url", "webhook.url is refused by the target policy: " + decision.reason());
        }
    }
}
