package io.imagestreams.trigger.client;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/** Resolves a webhook host name to the addresses a connection could reach. */
public interface HostResolver {

    List<InetAddress> resolve(String host) throws UnknownHostException;
}
