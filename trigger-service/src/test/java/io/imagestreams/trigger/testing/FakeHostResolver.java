package io.imagestreams.trigger.testing;

import io.imagestreams.trigger.client.HostResolver;
import io.imagestreams.trigger.client.SystemHostResolver;
import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The JVM resolver, except for names a test maps (to model DNS answers such as a name pointing at a metadata
 * address); records every lookup.
 */
@Alternative
@Priority(1)
@Singleton
public class FakeHostResolver implements HostResolver {

    private final SystemHostResolver system = new SystemHostResolver();
    private final Map<String, List<InetAddress>> answers = new ConcurrentHashMap<>();
    private final List<String> lookups = new CopyOnWriteArrayList<>();

    public void answer(String host, String... addresses) {
        answers.put(host, java.util.Arrays.stream(addresses).map(FakeHostResolver::literal).toList());
    }

    public List<String> lookups() {
        return List.copyOf(lookups);
    }

    @Override
    public List<InetAddress> resolve(String host) throws UnknownHostException {
        lookups.add(host);
        List<InetAddress> answer = answers.get(host);
        return answer != null ? answer : system.resolve(host);
    }

    private static InetAddress literal(String address) {
        try {
            return InetAddress.getByName(address);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(address, e);
        }
    }
}
