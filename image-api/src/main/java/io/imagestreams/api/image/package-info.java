/**
 * The {@code image.openshift.io/v1} types, written field by field as OpenShift's Go types write them:
 * <ul>
 *   <li>{@code omitempty} strings, lists and maps: {@code @JsonInclude(NON_EMPTY)}; numbers and booleans:
 *       {@code NON_DEFAULT}; pointers: {@code NON_NULL};</li>
 *   <li>no {@code omitempty}: always written, so strings default to {@code ""} and Go value structs are never
 *       {@code null} (setters turn {@code null} into the empty value, as Go's decoder leaves a zero value);</li>
 *   <li>a Go struct is written even with {@code omitempty}, and an unset {@code metav1.Time} as {@code null};</li>
 *   <li>properties in Go's declaration order, map keys sorted.</li>
 * </ul>
 * Unknown fields are ignored on input, as Kubernetes ignores them. Collections that Go omits when empty are never
 * {@code null} here and their getters write through.
 */
package io.imagestreams.api.image;
