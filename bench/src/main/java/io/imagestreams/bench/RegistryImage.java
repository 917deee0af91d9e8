package io.imagestreams.bench;

import io.imagestreams.bench.Http.BenchException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;

/**
 * A one-layer OCI image made in memory (a real tar with one file, gzipped, its config and manifest) and pushed
 * to a registry through the distribution API alone: blob uploads, then the manifest by tag.
 */
final class RegistryImage {

    static final String MANIFEST_TYPE = "application/vnd.oci.image.manifest.v1+json";
    static final String CONFIG_TYPE = "application/vnd.oci.image.config.v1+json";
    static final String LAYER_TYPE = "application/vnd.oci.image.layer.v1.tar+gzip";
    /** What an importer accepts when it resolves a tag: single-arch manifests and indexes, OCI and Docker. */
    static final String ACCEPT = String.join(", ", MANIFEST_TYPE, "application/vnd.docker.distribution.manifest.v2+json",
            "application/vnd.oci.image.index.v1+json", "application/vnd.docker.distribution.manifest.list.v2+json");

    private static final int BLOCK = 512;

    private final HttpClient client;
    private final String registry;

    RegistryImage(HttpClient client, String registry) {
        this.client = client;
        this.registry = registry;
    }

    /** Pushes the image as {@code repository:tag}; returns the manifest digest the registry reports. */
    String push(String repository, String tag) {
        return push(repository, tag, "");
    }

    /**
     * Pushes the image as {@code repository:tag} with {@code variant} as a config label (none when empty), so each
     * variant has a digest of its own while sharing the layer; returns the manifest digest the registry reports.
     */
    String push(String repository, String tag, String variant) {
        byte[] tar = tar("hello.txt", "hello from the image streams benchmark\n".getBytes(StandardCharsets.UTF_8));
        byte[] layer = gzip(tar);
        String labels = variant.isEmpty() ? "" : ",\"Labels\":{\"bench.variant\":\"" + variant + "\"}";
        byte[] config = """
                {"architecture":"amd64","os":"linux","config":{"Cmd":["/hello.txt"]%s},\
                "rootfs":{"type":"layers","diff_ids":["sha256:%s"]},\
                "history":[{"created":"2026-01-01T00:00:00Z","created_by":"image streams benchmark"}]}"""
                .formatted(labels, Dataset.sha256Hex(tar)).getBytes(StandardCharsets.UTF_8);
        String layerDigest = uploadBlob(repository, layer);
        String configDigest = uploadBlob(repository, config);
        byte[] manifest = """
                {"schemaVersion":2,"mediaType":"%s",\
                "config":{"mediaType":"%s","digest":"%s","size":%d},\
                "layers":[{"mediaType":"%s","digest":"%s","size":%d}]}"""
                .formatted(MANIFEST_TYPE, CONFIG_TYPE, configDigest, config.length, LAYER_TYPE, layerDigest, layer.length)
                .getBytes(StandardCharsets.UTF_8);
        HttpRequest put = Http.request(registry, "/v2/" + repository + "/manifests/" + tag)
                .header("Content-Type", MANIFEST_TYPE).PUT(BodyPublishers.ofByteArray(manifest)).build();
        HttpResponse<String> response = Http.expect(client, put, 201);
        String expected = "sha256:" + Dataset.sha256Hex(manifest);
        String reported = response.headers().firstValue("Docker-Content-Digest").orElse("");
        if (!expected.equals(reported)) {
            throw new BenchException("the registry stored the manifest as '" + reported + "', expected " + expected);
        }
        return reported;
    }

    private String uploadBlob(String repository, byte[] blob) {
        String digest = "sha256:" + Dataset.sha256Hex(blob);
        HttpRequest start = Http.request(registry, "/v2/" + repository + "/blobs/uploads/").POST(BodyPublishers.noBody()).build();
        String location = Http.expect(client, start, 202).headers().firstValue("Location")
                .orElseThrow(() -> new BenchException("the registry started an upload without a Location header"));
        URI upload = URI.create(registry + "/").resolve(location);
        String target = upload + (upload.getQuery() == null ? "?" : "&") + "digest=" + URLEncoder.encode(digest, StandardCharsets.UTF_8);
        HttpRequest put = HttpRequest.newBuilder(URI.create(target)).timeout(Http.REQUEST_TIMEOUT)
                .header("Content-Type", "application/octet-stream").PUT(BodyPublishers.ofByteArray(blob)).build();
        Http.expect(client, put, 201);
        return digest;
    }

    /** A ustar archive with one regular file, owned by root, dated 2020-01-01. */
    static byte[] tar(String name, byte[] content) {
        byte[] header = new byte[BLOCK];
        put(header, 0, name);
        put(header, 100, "0000644");
        put(header, 108, "0000000");
        put(header, 116, "0000000");
        put(header, 124, String.format("%011o", content.length));
        put(header, 136, String.format("%011o", 1_577_836_800L));
        put(header, 148, "        ");
        header[156] = '0';
        put(header, 257, "ustar");
        put(header, 263, "00");
        put(header, 265, "root");
        put(header, 297, "root");
        int checksum = 0;
        for (byte b : header) {
            checksum += b & 0xff;
        }
        put(header, 148, String.format("%06o", checksum));
        header[154] = 0;
        header[155] = ' ';
        int padded = (content.length + BLOCK - 1) / BLOCK * BLOCK;
        byte[] archive = new byte[BLOCK + padded + 2 * BLOCK];
        System.arraycopy(header, 0, archive, 0, BLOCK);
        System.arraycopy(content, 0, archive, BLOCK, content.length);
        return archive;
    }

    private static void put(byte[] header, int offset, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(bytes, 0, header, offset, bytes.length);
    }

    private static byte[] gzip(byte[] data) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(buffer)) {
            gzip.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return buffer.toByteArray();
    }
}
