package io.imagestreams.stream.client;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Starts a {@link FakeImportService} before Quarkus, points {@code imagestreams.import-service.url} at it, and
 * hands it to the test's {@code FakeImportService} field so each test chooses the answers.
 */
public class FakeImportServiceResource implements QuarkusTestResourceLifecycleManager {

    private FakeImportService fake;

    @Override
    public Map<String, String> start() {
        fake = FakeImportService.start();
        return Map.of("imagestreams.import-service.url", fake.url().toString());
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(fake, new TestInjector.MatchesType(FakeImportService.class));
    }

    @Override
    public void stop() {
        if (fake != null) {
            fake.close();
        }
    }
}
