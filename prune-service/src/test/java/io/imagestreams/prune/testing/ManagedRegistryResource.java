package io.imagestreams.prune.testing;

import io.imagestreams.testsupport.registry.DockerRegistryServer;
import io.imagestreams.testsupport.registry.RecordingProxy;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Map;

/**
 * The managed registry of prune-service's clean-up: a real registry (Debian's docker-registry, deletes enabled)
 * behind a {@link RecordingProxy}, which is what {@code imagestreams.registry.url} points at, so a test sees every
 * request and can make the registry answer with an error. Fields annotated {@link ManagedRegistry} get the
 * registry and the proxy.
 */
public class ManagedRegistryResource implements QuarkusTestResourceLifecycleManager {

    /** Marks the test's {@link DockerRegistryServer} and {@link RecordingProxy} fields. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    public @interface ManagedRegistry {
    }

    private DockerRegistryServer registry;
    private RecordingProxy proxy;

    @Override
    public Map<String, String> start() {
        registry = DockerRegistryServer.start();
        proxy = RecordingProxy.start(registry.url());
        return Map.of("imagestreams.registry.url", proxy.url().toString(), "imagestreams.registry.timeout", "5s");
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(registry, new TestInjector.AnnotatedAndMatchesType(ManagedRegistry.class, DockerRegistryServer.class));
        injector.injectIntoFields(proxy, new TestInjector.AnnotatedAndMatchesType(ManagedRegistry.class, RecordingProxy.class));
    }

    @Override
    public void stop() {
        if (proxy != null) {
            proxy.close();
        }
        if (registry != null) {
            registry.close();
        }
    }
}
