package io.imagestreams.stream.auth;

import io.vertx.core.Future;

/**
 * Where decisions come from: the grants of the identity (standalone) or the cluster's RBAC through
 * SubjectAccessReviews (aggregated). A failed future means the decision could not be made: the request is refused.
 */
public interface Authorizer {

    /** Called on the event loop: must not block it. */
    Future<Decision> authorize(Identity identity, AccessRequest request);

    /**
     * The standalone mode: the identity's grants decide resource requests; non-resource requests (discovery, the
     * OpenAPI document) are allowed to any authenticated user.
     */
    Authorizer GRANTS = (identity, request) -> Future.succeededFuture(!request.isResourceRequest()
            || identity.allows(request.verb(), request.resource().resource(), request.resource().namespace()) ? Decision.ALLOW : Decision.DENY);
}
