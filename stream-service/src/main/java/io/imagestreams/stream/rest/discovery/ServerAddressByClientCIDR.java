package io.imagestreams.stream.rest.discovery;

/** {@code metav1.ServerAddressByClientCIDR}: which address clients on a network should use. */
public record ServerAddressByClientCIDR(String clientCIDR, String serverAddress) {
}
