package io.imagestreams.stream.auth;

import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReviewBuilder;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReviewSpec;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReviewSpecBuilder;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReviewStatus;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.imagestreams.stream.config.StreamServiceConfig;
import io.imagestreams.stream.config.StreamServiceConfig.Auth;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

/**
 * The aggregated API server mode's decisions: a {@code SubjectAccessReview} (authorization.k8s.io/v1) to the
 * cluster's API server for the user, groups and extra attributes of the request, with its resource attributes
 * (namespace, verb, group {@code image.openshift.io}, version, resource, subresource, name), or for discovery and
 * the OpenAPI document its non-resource attributes (path, verb), as Kubernetes' delegated authorization asks.
 *
 * <p>The review runs on a worker thread, never on the event loop; answers are kept for {@code authorized-ttl} /
 * {@code unauthorized-ttl}. A failed review is a failed future (the request is refused) and is not kept.
 */
@ApplicationScoped
public class SubjectAccessReviews implements Authorizer {

    static final String GROUP = "image.openshift.io";
    static final String VERSION = "v1";

    private final Instance<KubernetesClient> client;
    private final Vertx vertx;
    private final DecisionCache<SubjectAccessReviewSpec> cache;

    public SubjectAccessReviews(StreamServiceConfig config, Instance<KubernetesClient> client, Vertx vertx) {
        Auth.FrontProxy frontProxy = config.auth().frontProxy();
        this.client = client;
        this.vertx = vertx;
        this.cache = new DecisionCache<>(frontProxy.authorizedTtl(), frontProxy.unauthorizedTtl(), frontProxy.cacheSize(), System::nanoTime);
    }

    @Override
    public Future<Decision> authorize(Identity identity, AccessRequest request) {
        SubjectAccessReviewSpec spec = spec(identity, request);
        Decision kept = cache.get(spec);
        if (kept != null) {
            return Future.succeededFuture(kept);
        }
        return vertx.executeBlocking(() -> review(spec), false).onSuccess(decision -> cache.put(spec, decision));
    }

    /** What is asked: the same spec for the same question, so that it also serves as the cache key. */
    static SubjectAccessReviewSpec spec(Identity identity, AccessRequest request) {
        SubjectAccessReviewSpecBuilder spec = new SubjectAccessReviewSpecBuilder().withUser(identity.user()).withGroups(identity.groups());
        if (!identity.extra().isEmpty()) {
            spec.withExtra(identity.extra());
        }
        RequestAttributes resource = request.resource();
        if (resource != null) {
            spec.withNewResourceAttributes().withNamespace(resource.namespace()).withVerb(resource.verb()).withGroup(GROUP)
                    .withVersion(VERSION).withResource(resource.baseResource()).withSubresource(resource.subresource())
                    .withName(resource.name()).endResourceAttributes();
        } else {
            spec.withNewNonResourceAttributes().withPath(request.path()).withVerb(request.verb()).endNonResourceAttributes();
        }
        return spec.build();
    }

    /** Blocking: asks the cluster. */
    private Decision review(SubjectAccessReviewSpec spec) {
        SubjectAccessReview answer = client.get().authorization().v1().subjectAccessReview()
                .create(new SubjectAccessReviewBuilder().withSpec(spec).build());
        SubjectAccessReviewStatus status = answer == null ? null : answer.getStatus();
        if (status == null) {
            throw new IllegalStateException("the SubjectAccessReview came back without a status");
        }
        boolean allowed = Boolean.TRUE.equals(status.getAllowed()) && !Boolean.TRUE.equals(status.getDenied());
        return new Decision(allowed, status.getReason());
    }
}
