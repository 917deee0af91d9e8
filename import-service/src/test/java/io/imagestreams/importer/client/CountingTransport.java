package io.imagestreams.importer.client;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A {@link RegistryTransport} that records every request it is handed before passing it on. */
final class CountingTransport implements RegistryTransport {

    private final RegistryTransport delegate;
    private final List<String> requests = new CopyOnWriteArrayList<>();

    CountingTransport(RegistryTransport delegate) {
        this.delegate = delegate;
    }

    @Override
    public RegistryResponse send(HttpRequest request, boolean skipTlsVerification, long maxBodyBytes)
            throws IOException, InterruptedException {
        URI uri = request.uri();
        requests.add(request.method() + " " + uri);
        return delegate.send(request, skipTlsVerification, maxBodyBytes);
    }

    List<String> requests() {
        return List.copyOf(requests);
    }
}
