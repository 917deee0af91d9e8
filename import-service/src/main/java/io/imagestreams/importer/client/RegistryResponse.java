package io.imagestreams.importer.client;

import java.net.URI;
import java.net.http.HttpHeaders;
import java.util.Locale;
import java.util.Optional;

/**
 * One answer from a registry or token service, its body read (up to a limit).
 *
 * @param uri the address the request went to
 */
public record RegistryResponse(URI uri, int status, HttpHeaders headers, byte[] body) {

    public Optional<String> header(String name) {
        return headers.firstValue(name);
    }

    /** The media type without parameters ({@code application/json; charset=utf-8} is {@code application/json}). */
    public Optional<String> mediaType() {
        return header("Content-Type").map(value -> {
            int semicolon = value.indexOf(';');
            return (semicolon < 0 ? value : value.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
        }).filter(value -> !value.isEmpty());
    }

    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }
}
