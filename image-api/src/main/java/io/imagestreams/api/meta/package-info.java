/**
 * Kubernetes metadata and errors: {@code ObjectMeta}, {@code ListMeta}, object references, and {@code Status} with
 * factories worded as the apiserver words them. The JSON rules are those described in
 * {@link io.imagestreams.api.image}.
 */
package io.imagestreams.api.meta;
