package io.imagestreams.importer.client;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Name lookup for the target policy; a seam so tests can prove literal addresses need no lookup. */
@FunctionalInterface
public interface HostResolver {

    HostResolver SYSTEM = InetAddress::getAllByName;

    InetAddress[] resolve(String host) throws UnknownHostException;
}
