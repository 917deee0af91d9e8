package io.imagestreams.api.meta;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.imagestreams.api.json.ImageApiJson;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Kubernetes {@code metav1.Status}, the body of every error response. The factories copy the apiserver's
 * {@code k8s.io/apimachinery/pkg/api/errors} constructors, wording included, and return top-level objects
 * ({@code kind: Status}, {@code apiVersion: v1}); use {@link #withoutTypeMeta()} where a status is embedded, as
 * in {@code ImageImportStatus.status}.
 */
@JsonInclude(Include.ALWAYS)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"kind", "apiVersion", "metadata", "status", "message", "reason", "details", "code"})
public class Status {

    public static final String KIND = "Status";
    public static final String API_VERSION = "v1";
    public static final String SUCCESS = "Success";
    public static final String FAILURE = "Failure";

    /** The apiserver's text for an update whose resourceVersion is stale. */
    public static final String OBJECT_MODIFIED =
            "the object has been modified; please apply your changes to the latest version and try again";

    @JsonProperty("kind")
    @JsonInclude(Include.NON_EMPTY)
    private String kind;
    @JsonProperty("apiVersion")
    @JsonInclude(Include.NON_EMPTY)
    private String apiVersion;
    @JsonProperty("metadata")
    private ListMeta metadata = new ListMeta();
    @JsonProperty("status")
    @JsonInclude(Include.NON_EMPTY)
    private String status;
    @JsonProperty("message")
    @JsonInclude(Include.NON_EMPTY)
    private String message;
    @JsonProperty("reason")
    @JsonInclude(Include.NON_EMPTY)
    private String reason;
    @JsonProperty("details")
    @JsonInclude(Include.NON_NULL)
    private StatusDetails details;
    @JsonProperty("code")
    @JsonInclude(Include.NON_DEFAULT)
    private int code;

    public Status() {
    }

    public static Status success() {
        Status result = topLevel();
        result.setStatus(SUCCESS);
        return result;
    }

    /** {@code 404 NotFound}: {@code imagestreams.image.openshift.io "foo" not found}. */
    /** The answer to a DELETE of a resource that is removed at once: Success, with the deleted object named. */
    public static Status deleted(String group, String resource, String name, String uid) {
        Status status = success();
        StatusDetails details = new StatusDetails();
        details.setName(name);
        details.setGroup(group);
        details.setKind(resource);
        details.setUid(uid);
        status.setDetails(details);
        return status;
    }

    public static Status notFound(String group, String resource, String name) {
        return failure(404, StatusReasons.NOT_FOUND,
                qualified(resource, group) + " " + GoQuote.quote(name) + " not found",
                new StatusDetails(name, group, resource));
    }

    /** {@code 409 AlreadyExists}: {@code imagestreams.image.openshift.io "foo" already exists}. */
    public static Status alreadyExists(String group, String resource, String name) {
        return failure(409, StatusReasons.ALREADY_EXISTS,
                qualified(resource, group) + " " + GoQuote.quote(name) + " already exists",
                new StatusDetails(name, group, resource));
    }

    /** {@code 409 Conflict} for a stale resourceVersion, with the apiserver's {@link #OBJECT_MODIFIED} text. */
    public static Status conflict(String group, String resource, String name) {
        return conflict(group, resource, name, OBJECT_MODIFIED);
    }

    /** {@code 409 Conflict}: {@code Operation cannot be fulfilled on <resource>.<group> "<name>": <cause>}. */
    public static Status conflict(String group, String resource, String name, String cause) {
        return failure(409, StatusReasons.CONFLICT,
                "Operation cannot be fulfilled on " + qualified(resource, group) + " " + GoQuote.quote(name) + ": "
                        + cause,
                new StatusDetails(name, group, resource));
    }

    public static Status invalid(String group, String kind, String name, FieldError... errors) {
        return invalid(group, kind, name, List.of(errors));
    }

    /**
     * {@code 422 Invalid}: {@code ImageStream.image.openshift.io "foo" is invalid: spec.tags[latest].from.name:
     * Required value}; several distinct errors are joined as {@code [a, b]}.
     */
    public static Status invalid(String group, String kind, String name, List<FieldError> errors) {
        StatusDetails details = new StatusDetails(name, group, kind);
        details.setCauses(errors.stream().map(FieldError::toCause).toList());
        String message = qualified(kind, group) + " " + GoQuote.quote(name) + " is invalid";
        Set<String> distinct = new LinkedHashSet<>();
        errors.forEach(error -> distinct.add(error.toString()));
        if (distinct.size() == 1) {
            message += ": " + distinct.iterator().next();
        } else if (distinct.size() > 1) {
            message += ": [" + String.join(", ", distinct) + "]";
        }
        return failure(422, StatusReasons.INVALID, message, details);
    }

    /** {@code 400 BadRequest} with the message as given. */
    public static Status badRequest(String message) {
        return failure(400, StatusReasons.BAD_REQUEST, message, null);
    }

    /** {@code 401 Unauthorized}; an empty message becomes {@code not authorized}. */
    public static Status unauthorized(String message) {
        return failure(401, StatusReasons.UNAUTHORIZED,
                message == null || message.isEmpty() ? "not authorized" : message, null);
    }

    /**
     * {@code 403 Forbidden}: {@code imagestreams.image.openshift.io "foo" is forbidden: <cause>}, without the
     * quoted name when {@code name} is empty.
     */
    public static Status forbidden(String group, String resource, String name, String cause) {
        String message;
        if (resource.isEmpty() && group.isEmpty()) {
            message = "forbidden: " + cause;
        } else if (name == null || name.isEmpty()) {
            message = qualified(resource, group) + " is forbidden: " + cause;
        } else {
            message = qualified(resource, group) + " " + GoQuote.quote(name) + " is forbidden: " + cause;
        }
        return failure(403, StatusReasons.FORBIDDEN, message, new StatusDetails(name, group, resource));
    }

    /** {@code 405 MethodNotAllowed}: {@code <action> is not supported on resources of kind "<resource>.<group>"}. */
    public static Status methodNotSupported(String group, String resource, String action) {
        return failure(405, StatusReasons.METHOD_NOT_ALLOWED,
                action + " is not supported on resources of kind " + GoQuote.quote(qualified(resource, group)),
                new StatusDetails(null, group, resource));
    }

    /** {@code 410 Expired}, e.g. for a watch from a resourceVersion that is no longer kept. */
    public static Status expired(String message) {
        return failure(410, StatusReasons.EXPIRED, message, null);
    }

    /** {@code 500 InternalError}: {@code Internal error occurred: <cause>}, the cause repeated in details. */
    public static Status internalError(String cause) {
        StatusDetails details = new StatusDetails();
        details.setCauses(List.of(new StatusCause(null, cause, null)));
        return failure(500, StatusReasons.INTERNAL_ERROR, "Internal error occurred: " + cause, details);
    }

    /**
     * {@code 500 ServerTimeout} after repeated conflicts: {@code The <operation> operation against
     * <resource>.<group> could not be completed at this time, please try again.}
     */
    public static Status serverTimeout(String group, String resource, String operation, int retryAfterSeconds) {
        StatusDetails details = new StatusDetails(operation, group, resource);
        details.setRetryAfterSeconds(retryAfterSeconds);
        return failure(500, StatusReasons.SERVER_TIMEOUT,
                "The " + operation + " operation against " + qualified(resource, group)
                        + " could not be completed at this time, please try again.",
                details);
    }

    /** A failure with any reason, e.g. an import's per-image {@code RateLimited}. */
    public static Status failure(int code, String reason, String message) {
        return failure(code, reason, message, null);
    }

    /** Clears {@code kind} and {@code apiVersion}, as for a status embedded in another object. */
    public Status withoutTypeMeta() {
        kind = null;
        apiVersion = null;
        return this;
    }

    /** {@code true} when {@code status} is {@code Success}. */
    public boolean succeeded() {
        return SUCCESS.equals(status);
    }

    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = kind;
    }

    public String getApiVersion() {
        return apiVersion;
    }

    public void setApiVersion(String apiVersion) {
        this.apiVersion = apiVersion;
    }

    public ListMeta getMetadata() {
        return metadata;
    }

    public void setMetadata(ListMeta metadata) {
        this.metadata = metadata == null ? new ListMeta() : metadata;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public String getMessage() {
        return message;
    }

    public void setMessage(String message) {
        this.message = message;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    public StatusDetails getDetails() {
        return details;
    }

    public void setDetails(StatusDetails details) {
        this.details = details;
    }

    public int getCode() {
        return code;
    }

    public void setCode(int code) {
        this.code = code;
    }

    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof Status other
                && Objects.equals(kind, other.kind)
                && Objects.equals(apiVersion, other.apiVersion)
                && metadata.equals(other.metadata)
                && Objects.equals(status, other.status)
                && Objects.equals(message, other.message)
                && Objects.equals(reason, other.reason)
                && Objects.equals(details, other.details)
                && code == other.code;
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, apiVersion, metadata, status, message, reason, details, code);
    }

    @Override
    public String toString() {
        return ImageApiJson.toJsonString(this);
    }

    private static Status topLevel() {
        Status result = new Status();
        result.setKind(KIND);
        result.setApiVersion(API_VERSION);
        return result;
    }

    private static Status failure(int code, String reason, String message, StatusDetails details) {
        Status result = topLevel();
        result.setStatus(FAILURE);
        result.setCode(code);
        result.setReason(reason);
        result.setMessage(message);
        result.setDetails(details);
        return result;
    }

    /** {@code schema.GroupResource.String()} / {@code GroupKind.String()}: {@code name.group}, or the name alone. */
    private static String qualified(String name, String group) {
        return group == null || group.isEmpty() ? name : name + "." + group;
    }
}
