package io.imagestreams.testsupport.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.imagestreams.testsupport.registry.ImageSpec.ManifestFormat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;

/**
 * Pushes images to a registry over the distribution API (blob upload {@code POST} + {@code PUT ?digest=},
 * manifest {@code PUT}), as a container tool would, with basic or bearer-token credentials when the registry asks:
 * single-platform Docker schema 2 / OCI images with random layers, manifest lists / OCI indexes, many tags of one
 * image, and deletes.
 */
public final class RegistryPusher {

    public static final String DOCKER_MANIFEST = "application/vnd.docker.distribution.manifest.v2+json";
    public static final String DOCKER_MANIFEST_LIST = "application/vnd.docker.distribution.manifest.list.v2+json";
    public static final String OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";
    public static final String OCI_INDEX = "application/vnd.oci.image.index.v1+json";
    private static final String ACCEPT_ALL = String.join(", ", DOCKER_MANIFEST, DOCKER_MANIFEST_LIST, OCI_MANIFEST,
            OCI_INDEX);
    private static final Pattern CHALLENGE_PARAM = Pattern.compile("(\\w+)=\"([^\"]*)\"");

    private final URI registry;
    private final String username;
    private final String password;
    private final SSLContext sslContext;
    private final HttpClient http;
    private final ObjectMapper json = new ObjectMapper();
    /** Bearer tokens by scope, so pushing 100 tags costs one token request. */
    private final Map<String, String> tokens = new ConcurrentHashMap<>();

    /** A pusher for {@code registry} (e.g. {@code http://127.0.0.1:5000}), anonymous. */
    public RegistryPusher(URI registry) {
        this(registry, null, null);
    }

    public RegistryPusher(URI registry, String username, String password) {
        this(registry, username, password, null);
    }

    private RegistryPusher(URI registry, String username, String password, SSLContext sslContext) {
        this.registry = registry;
        this.username = username;
        this.password = password;
        this.sslContext = sslContext;
        HttpClient.Builder client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5));
        if (sslContext != null) {
            client.sslContext(sslContext);
        }
        this.http = client.build();
    }

    /** A pusher for the same registry with credentials. */
    public RegistryPusher withCredentials(String username, String password) {
        return new RegistryPusher(registry, username, password, sslContext);
    }

    /** A pusher for the same (HTTPS) registry that trusts the certificates {@code context} trusts. */
    public RegistryPusher trusting(SSLContext context) {
        return new RegistryPusher(registry, username, password, context);
    }

    /** Pushes a single-platform image under {@code tag}. */
    public PushedImage push(String repository, String tag, ImageSpec spec) {
        PushedImage image = uploadImage(repository, spec);
        putManifest(repository, tag, image.mediaType(), image.manifest());
        return new PushedImage(repository, tag, image.digest(), image.mediaType(), image.manifest(), image.config(),
                image.layers(), spec);
    }

    /**
     * Pushes a manifest list (all {@link ManifestFormat#DOCKER}) or OCI index (otherwise) of one image per spec,
     * the children by digest first.
     */
    public PushedIndex pushIndex(String repository, String tag, List<ImageSpec> platforms) {
        boolean docker = platforms.stream().allMatch(p -> p.format() == ManifestFormat.DOCKER);
        List<PushedImage> children = new ArrayList<>();
        List<Map<String, Object>> descriptors = new ArrayList<>();
        for (ImageSpec spec : platforms) {
            PushedImage child = uploadImage(repository, spec);
            putManifest(repository, child.digest(), child.mediaType(), child.manifest());
            children.add(child);
            Map<String, Object> platform = new LinkedHashMap<>();
            platform.put("architecture", spec.architecture());
            platform.put("os", spec.os());
            if (spec.variant() != null) {
                platform.put("variant", spec.variant());
            }
            Map<String, Object> descriptor = new LinkedHashMap<>();
            descriptor.put("mediaType", child.mediaType());
            descriptor.put("size", child.manifest().length);
            descriptor.put("digest", child.digest());
            descriptor.put("platform", platform);
            descriptors.add(descriptor);
        }
        String mediaType = docker ? DOCKER_MANIFEST_LIST : OCI_INDEX;
        Map<String, Object> index = new LinkedHashMap<>();
        index.put("schemaVersion", 2);
        index.put("mediaType", mediaType);
        index.put("manifests", descriptors);
        byte[] bytes = toJson(index);
        putManifest(repository, tag, mediaType, bytes);
        return new PushedIndex(repository, tag, sha256(bytes), mediaType, bytes, children);
    }

    /** Pushes one image and then its manifest under every tag (blobs uploaded once): fast many-tag repositories. */
    public PushedImage pushTags(String repository, List<String> tags, ImageSpec spec) {
        PushedImage image = uploadImage(repository, spec);
        for (String tag : tags) {
            putManifest(repository, tag, image.mediaType(), image.manifest());
        }
        return image;
    }

    /** Points {@code tag} at an image already in the repository. */
    public void tag(String repository, String tag, PushedImage image) {
        putManifest(repository, tag, image.mediaType(), image.manifest());
    }

    /** Deletes the manifest {@code digest} (and so every tag pointing at it). */
    public void deleteManifest(String repository, String digest) {
        HttpResponse<byte[]> response = send(repository, "delete",
                () -> HttpRequest.newBuilder(url("/v2/" + repository + "/manifests/" + digest)).DELETE());
        expect(response, 202, "DELETE manifest " + digest);
    }

    /** Deletes the manifest {@code tag} points at; returns its digest. */
    public String deleteTag(String repository, String tag) {
        String digest = digestOf(repository, tag)
                .orElseThrow(() -> new IllegalStateException(repository + ":" + tag + " does not exist"));
        deleteManifest(repository, digest);
        return digest;
    }

    /** The digest {@code tag} points at now, if the tag exists. */
    public Optional<String> digestOf(String repository, String tag) {
        HttpResponse<byte[]> response = send(repository, "pull",
                () -> HttpRequest.newBuilder(url("/v2/" + repository + "/manifests/" + tag))
                        .method("HEAD", HttpRequest.BodyPublishers.noBody()).header("Accept", ACCEPT_ALL));
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        expect(response, 200, "HEAD manifest " + tag);
        return response.headers().firstValue("Docker-Content-Digest");
    }

    private PushedImage uploadImage(String repository, ImageSpec spec) {
        boolean docker = spec.format() == ManifestFormat.DOCKER;
        List<PushedBlob> layers = new ArrayList<>();
        List<String> diffIds = new ArrayList<>();
        for (int i = 0; i < spec.layerCount(); i++) {
            byte[] content = new byte[spec.layerSize()];
            ThreadLocalRandom.current().nextBytes(content);
            // the registry checks digests, not archive formats: random bytes stand in for a gzipped tar
            String digest = uploadBlob(repository, content);
            diffIds.add(digest);
            layers.add(new PushedBlob(digest, content.length, docker ? "application/vnd.docker.image.rootfs.diff.tar.gzip"
                    : "application/vnd.oci.image.layer.v1.tar+gzip"));
        }
        byte[] configBytes = toJson(configOf(spec, diffIds));
        PushedBlob config = new PushedBlob(uploadBlob(repository, configBytes), configBytes.length,
                docker ? "application/vnd.docker.container.image.v1+json" : "application/vnd.oci.image.config.v1+json");
        String mediaType = docker ? DOCKER_MANIFEST : OCI_MANIFEST;
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("schemaVersion", 2);
        manifest.put("mediaType", mediaType);
        manifest.put("config", descriptor(config));
        manifest.put("layers", layers.stream().map(RegistryPusher::descriptor).toList());
        byte[] bytes = toJson(manifest);
        return new PushedImage(repository, null, sha256(bytes), mediaType, bytes, config, layers, spec);
    }

    private static Map<String, Object> configOf(ImageSpec spec, List<String> diffIds) {
        Map<String, Object> containerConfig = new LinkedHashMap<>();
        if (spec.user() != null) {
            containerConfig.put("User", spec.user());
        }
        if (!spec.exposedPorts().isEmpty()) {
            Map<String, Object> ports = new LinkedHashMap<>();
            spec.exposedPorts().forEach(port -> ports.put(port, Map.of()));
            containerConfig.put("ExposedPorts", ports);
        }
        containerConfig.put("Env", spec.env());
        if (!spec.entrypoint().isEmpty()) {
            containerConfig.put("Entrypoint", spec.entrypoint());
        }
        containerConfig.put("Cmd", spec.cmd());
        if (spec.workingDir() != null) {
            containerConfig.put("WorkingDir", spec.workingDir());
        }
        containerConfig.put("Labels", spec.labels());
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("architecture", spec.architecture());
        config.put("os", spec.os());
        if (spec.variant() != null) {
            config.put("variant", spec.variant());
        }
        config.put("created", spec.created().toString());
        config.put("config", containerConfig);
        config.put("rootfs", Map.of("type", "layers", "diff_ids", diffIds));
        config.put("history", List.of(Map.of("created", spec.created().toString(), "created_by", "RegistryPusher")));
        return config;
    }

    private static Map<String, Object> descriptor(PushedBlob blob) {
        Map<String, Object> descriptor = new LinkedHashMap<>();
        descriptor.put("mediaType", blob.mediaType());
        descriptor.put("size", blob.size());
        descriptor.put("digest", blob.digest());
        return descriptor;
    }

    /** {@code POST} an upload session, then {@code PUT} the content with {@code ?digest=}. */
    private String uploadBlob(String repository, byte[] content) {
        String digest = sha256(content);
        HttpResponse<byte[]> started = send(repository, "pull,push",
                () -> HttpRequest.newBuilder(url("/v2/" + repository + "/blobs/uploads/"))
                        .POST(HttpRequest.BodyPublishers.noBody()));
        expect(started, 202, "POST blob upload");
        URI location = registry.resolve(started.headers().firstValue("Location")
                .orElseThrow(() -> new IllegalStateException("blob upload answered without Location")));
        String separator = location.getRawQuery() == null ? "?" : "&";
        URI put = URI.create(location + separator + "digest=" + URLEncoder.encode(digest, StandardCharsets.UTF_8));
        HttpResponse<byte[]> finished = send(repository, "pull,push", () -> HttpRequest.newBuilder(put)
                .header("Content-Type", "application/octet-stream")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(content)));
        expect(finished, 201, "PUT blob " + digest);
        return digest;
    }

    private void putManifest(String repository, String reference, String mediaType, byte[] bytes) {
        HttpResponse<byte[]> response = send(repository, "pull,push",
                () -> HttpRequest.newBuilder(url("/v2/" + repository + "/manifests/" + reference))
                        .header("Content-Type", mediaType)
                        .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes)));
        expect(response, 201, "PUT manifest " + reference);
    }

    /**
     * Sends a request, answering a 401 once: basic credentials, or a bearer token from the challenge's realm for
     * {@code repository:<repository>:<actions>}.
     */
    private HttpResponse<byte[]> send(String repository, String actions, Supplier<HttpRequest.Builder> request) {
        String scope = "repository:" + repository + ":" + actions;
        String cached = tokens.get(scope);
        HttpResponse<byte[]> response = exchange(authorized(request.get(), cached == null ? null : "Bearer " + cached));
        if (response.statusCode() != 401) {
            return response;
        }
        String challenge = response.headers().firstValue("WWW-Authenticate").orElse("");
        if (challenge.regionMatches(true, 0, "Basic", 0, 5)) {
            return exchange(authorized(request.get(), basicHeader()));
        }
        if (challenge.regionMatches(true, 0, "Bearer", 0, 6)) {
            String token = fetchToken(challenge, scope);
            tokens.put(scope, token);
            return exchange(authorized(request.get(), "Bearer " + token));
        }
        return response;
    }

    private String fetchToken(String challenge, String scope) {
        Map<String, String> params = new LinkedHashMap<>();
        Matcher matcher = CHALLENGE_PARAM.matcher(challenge);
        while (matcher.find()) {
            params.put(matcher.group(1).toLowerCase(), matcher.group(2));
        }
        String realm = params.get("realm");
        String query = "service=" + URLEncoder.encode(params.getOrDefault("service", ""), StandardCharsets.UTF_8)
                + "&scope=" + URLEncoder.encode(scope, StandardCharsets.UTF_8);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(realm + "?" + query)).GET();
        HttpResponse<byte[]> response = exchange(authorized(request, username == null ? null : basicHeader()));
        expect(response, 200, "token request for " + scope);
        try {
            JsonNode body = json.readTree(response.body());
            return body.path("token").asText(body.path("access_token").asText());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private HttpRequest authorized(HttpRequest.Builder request, String authorization) {
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return request.timeout(Duration.ofSeconds(30)).build();
    }

    private String basicHeader() {
        if (username == null) {
            return null;
        }
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private HttpResponse<byte[]> exchange(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static void expect(HttpResponse<byte[]> response, int status, String what) {
        if (response.statusCode() != status) {
            throw new IllegalStateException(what + " answered " + response.statusCode() + " (expected " + status + "): "
                    + new String(response.body(), StandardCharsets.UTF_8));
        }
    }

    private URI url(String path) {
        return registry.resolve(path);
    }

    private byte[] toJson(Object value) {
        try {
            return json.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String sha256(byte[] content) {
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
