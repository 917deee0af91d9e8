package io.imagestreams.importer.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.imagestreams.api.image.Image;
import io.imagestreams.api.image.ImageManifest;
import io.imagestreams.api.json.ImageApiJson;
import io.imagestreams.api.reference.ImageReference;
import io.imagestreams.importer.client.ImportOptions.BasicCredentials;
import io.imagestreams.importer.client.RegistryException.Reason;
import io.imagestreams.importer.config.ImportServiceConfig;
import io.imagestreams.importer.config.ImportServiceConfig.RegistriesConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;
import org.jboss.logging.Logger;

/**
 * {@link Registries} over the OCI distribution API with the JDK HTTP client. A request is sent as is (no
 * {@code /v2/} ping); a 401 is answered from its {@code WWW-Authenticate} challenge (bearer token from the realm,
 * or basic credentials) and the request retried once. What a registry taught us (its auth challenge, whether it
 * speaks HTTPS, its tokens) is remembered, so a conditional check of an unchanged tag costs one {@code HEAD}.
 * Only an answer that does not look like a registry's (no {@value #API_VERSION_HEADER} header, no distribution
 * error body, or a manifest that is not JSON) costs a {@code GET /v2/}, which tells a host that is not a registry
 * ({@code NotV2Registry}) from a registry that merely lacks what was asked for.
 */
@ApplicationScoped
public class HttpRegistries implements Registries {

    private static final Logger LOG = Logger.getLogger(HttpRegistries.class);

    static final String REQUESTS_METER = "imagestreams.registry.requests";
    private static final long MANIFEST_LIMIT = 4L * 1024 * 1024;
    private static final long CONFIG_LIMIT = 16L * 1024 * 1024;
    private static final long TAGS_PAGE_LIMIT = 8L * 1024 * 1024;
    private static final long TOKEN_LIMIT = 1024L * 1024;
    /** Enough for the home page of a web server that is not a registry; a larger answer only leaves it undecided. */
    private static final long PING_LIMIT = 4L * 1024 * 1024;
    /** The header every distribution (v2) registry sends; OpenShift's and Docker's clients look for it on {@code /v2/}. */
    static final String API_VERSION_HEADER = "Docker-Distribution-API-Version";
    private static final long NO_BODY = 0;
    private static final int MAX_REDIRECTS = 5;
    private static final int MAX_TAG_PAGES = 10_000;
    /** How long a registry found to speak only plain HTTP is remembered before HTTPS is tried again. */
    private static final Duration HTTP_ONLY_MEMORY = Duration.ofMinutes(10);
    private static final Pattern NEXT_LINK = Pattern.compile("<([^>]+)>\\s*;[^,]*rel=\"?next\"?");
    private static final Platform LINUX_AMD64 = new Platform("linux", "amd64", null);
    /** Reads error bodies and tells JSON from a web page; thread-safe once configured. */
    private static final ObjectMapper PLAIN_JSON = new ObjectMapper();
    private static final Map<String, String> DIGEST_ALGORITHMS =
            Map.of("sha256", "SHA-256", "sha384", "SHA-384", "sha512", "SHA-512");

    private final RegistriesConfig config;
    private final TargetPolicy policy;
    private final RegistryBudgets budgets;
    private final MeterRegistry meters;
    private final Clock clock;
    private final RegistryTransport transport;
    private final TokenCache tokens;
    private final ObjectMapper json = ImageApiJson.newObjectMapper();
    private final ImageAssembler assembler = new ImageAssembler(json);
    private final Platform defaultPlatform;
    private final ConcurrentMap<String, Semaphore> inFlight = new ConcurrentHashMap<>();
    /** The last auth challenge (without scope) per registry authority: lets us authenticate before the 401. */
    private final ConcurrentMap<String, AuthChallenge> challenges = new ConcurrentHashMap<>();
    /** When a registry authority was found to answer only plain HTTP. */
    private final ConcurrentMap<String, Instant> httpOnlySince = new ConcurrentHashMap<>();
    /** Registry authorities that answered a request without challenging it. */
    private final Set<String> answeredWithoutChallenge = ConcurrentHashMap.newKeySet();

    @Inject
    HttpRegistries(ImportServiceConfig config, RegistryBudgets budgets, MeterRegistry meters, Instance<Clock> clock) {
        this(config.registries(), budgets, meters, clock.isResolvable() ? clock.get() : Clock.systemUTC(),
                HostResolver.SYSTEM, new JdkRegistryTransport(config.registries().connectTimeout()));
    }

    public HttpRegistries(RegistriesConfig config, RegistryBudgets budgets, MeterRegistry meters, Clock clock,
            HostResolver resolver, RegistryTransport transport) {
        this.config = config;
        this.policy = new TargetPolicy(config.allowed().orElse(List.of()), config.blockedCidrs().orElse(List.of()),
                config.allowedCidrs().orElse(List.of()), resolver);
        this.budgets = budgets;
        this.meters = meters;
        this.clock = clock;
        this.transport = transport;
        this.tokens = new TokenCache(clock);
        this.defaultPlatform = Platform.parse(config.defaultPlatform());
    }

    @Override
    public ResolvedManifest resolve(ImageReference reference, ImportOptions options) throws RegistryException {
        Call call = call(reference, options);
        String manifestPath = call.manifestPath(call.tagOrDigest());
        RegistryResponse head = call.exchange("HEAD", manifestPath, MediaTypes.MANIFEST_ACCEPT, NO_BODY);
        requireSuccess(call, head);
        Optional<String> digest = head.header("Docker-Content-Digest").filter(ImageReference::isValidDigest);
        if (digest.isPresent()) {
            return new ResolvedManifest(digest.get(), head.mediaType().orElse(""));
        }
        // a registry that does not say the digest on HEAD: read the manifest and hash it
        Manifest manifest = fetchManifest(call, call.tagOrDigest());
        return new ResolvedManifest(manifest.digest(), manifest.mediaType());
    }

    @Override
    public ImportedImage importImage(ImageReference reference, ImportOptions options) throws RegistryException {
        Call call = call(reference, options);
        Manifest top = fetchManifest(call, call.tagOrDigest());
        if (!MediaTypes.isList(top.mediaType())) {
            return new ImportedImage(top.digest(), imageOf(call, top), List.of(), top.mediaType(), 0);
        }
        List<ImageManifest> children = ImageAssembler.children(top.document());
        if (children.isEmpty()) {
            throw new RegistryException(Reason.Invalid,
                    "the manifest list " + top.digest() + " of " + call.displayRef() + " has no manifests");
        }
        if (ImportOptions.PRESERVE_ORIGINAL.equals(options.importMode())) {
            List<Image> images = new ArrayList<>();
            for (ImageManifest child : children) {
                images.add(imageOf(call, fetchManifest(call, child.getDigest())));
            }
            Image list = assembler.listImage(call.repository(), top.digest(), top.mediaType(), children,
                    clock.instant());
            return new ImportedImage(top.digest(), list, images, top.mediaType(), children.size());
        }
        ImageManifest chosen = choosePlatform(children, options);
        Manifest child = fetchManifest(call, chosen.getDigest());
        return new ImportedImage(top.digest(), imageOf(call, child), List.of(), top.mediaType(), children.size());
    }

    @Override
    public List<String> listTags(ImageReference repository, ImportOptions options) throws RegistryException {
        Call call = call(repository.asRepository(), options);
        List<String> tags = new ArrayList<>();
        String path = "/v2/" + call.repositoryPath() + "/tags/list?n=" + config.tagsPageSize();
        for (int page = 0; path != null; page++) {
            if (page == MAX_TAG_PAGES) {
                throw internalError(call, "more than " + MAX_TAG_PAGES + " pages of tags");
            }
            RegistryResponse response = call.exchange("GET", path, "application/json", TAGS_PAGE_LIMIT);
            requireSuccess(call, response);
            if (!response.header(API_VERSION_HEADER).isPresent() && !isJsonObject(response.body())) {
                call.requireV2Registry();
            }
            JsonNode body = readJson(call, response.body(), "tag list");
            for (JsonNode tag : body.path("tags")) {
                tags.add(tag.asText());
            }
            path = nextPage(response).orElse(null);
        }
        return tags;
    }

    @Override
    public Optional<RegistryAuth> auth(String authority) {
        String key = authority.toLowerCase(Locale.ROOT);
        AuthChallenge challenge = challenges.get(key);
        if (challenge == null) {
            return answeredWithoutChallenge.contains(key)
                    ? Optional.of(new RegistryAuth(key, RegistryAuth.Scheme.NONE, null, null))
                    : Optional.empty();
        }
        if (!challenge.isBearer()) {
            return Optional.of(new RegistryAuth(key, RegistryAuth.Scheme.BASIC, null, null));
        }
        String tokenService = challenge.param("realm").map(HttpRegistries::authorityOf).orElse(null);
        return Optional.of(new RegistryAuth(key, RegistryAuth.Scheme.BEARER, tokenService,
                tokens.lifetime(key).orElse(null)));
    }

    private static String authorityOf(String url) {
        try {
            String authority = URI.create(url).getRawAuthority();
            return authority == null ? null : authority.toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * Which child {@code Legacy} imports, in OpenShift's order: the preferred platform (a part the preference
     * leaves unset is first taken from the default platform, then left open), else the configured default
     * platform, else {@code linux/amd64}, else the first child.
     */
    ImageManifest choosePlatform(List<ImageManifest> children, ImportOptions options) {
        String arch = options.preferArch();
        String os = options.preferOs();
        if (arch != null || os != null) {
            Optional<ImageManifest> preferred = firstMatching(children, os != null ? os : defaultPlatform.os(),
                    arch != null ? arch : defaultPlatform.architecture(), null)
                    .or(() -> firstMatching(children, os, arch, null));
            if (preferred.isPresent()) {
                return preferred.get();
            }
        }
        return firstMatching(children, defaultPlatform.os(), defaultPlatform.architecture(), defaultPlatform.variant())
                .or(() -> firstMatching(children, LINUX_AMD64.os(), LINUX_AMD64.architecture(), null))
                .orElse(children.get(0));
    }

    /** The first child of this platform; a null part matches any value. */
    private static Optional<ImageManifest> firstMatching(List<ImageManifest> children, String os, String architecture,
            String variant) {
        return children.stream()
                .filter(c -> (os == null || os.equalsIgnoreCase(c.getOs()))
                        && (architecture == null || architecture.equalsIgnoreCase(c.getArchitecture()))
                        && (variant == null || variant.equalsIgnoreCase(c.getVariant())))
                .findFirst();
    }

    // ---- manifests and blobs ----

    private record Manifest(String digest, String mediaType, JsonNode document) {
    }

    /** GETs a manifest and verifies it hashes to the digest asked for, or the one the registry announced. */
    private Manifest fetchManifest(Call call, String tagOrDigest) throws RegistryException {
        RegistryResponse response =
                call.exchange("GET", call.manifestPath(tagOrDigest), MediaTypes.MANIFEST_ACCEPT, MANIFEST_LIMIT);
        requireSuccess(call, response);
        byte[] body = response.body();
        if (!response.header(API_VERSION_HEADER).isPresent() && !isJsonObject(body)) {
            // a web page where a manifest should be: tell a host that is no registry from a broken manifest
            call.requireV2Registry();
        }
        String expected = ImageReference.isValidDigest(tagOrDigest) ? tagOrDigest
                : response.header("Docker-Content-Digest").filter(ImageReference::isValidDigest).orElse(null);
        String digest = expected != null ? verifyDigest(call, expected, body, "manifest") : digestOf("sha256", body);
        JsonNode document = readJson(call, body, "manifest");
        String mediaType = manifestMediaType(response, document);
        if (MediaTypes.SCHEMA1.contains(mediaType) || document.path("schemaVersion").asInt(0) == 1) {
            throw new RegistryException(Reason.Invalid, "unsupported image manifest type: " + call.displayRef()
                    + " is a Docker schema 1 image (" + mediaType + "); push it again as Docker schema 2 or OCI");
        }
        if (!MediaTypes.IMAGES.contains(mediaType) && !MediaTypes.LISTS.contains(mediaType)) {
            throw new RegistryException(Reason.Invalid,
                    "unsupported image manifest type: " + mediaType + " (" + call.displayRef() + ")");
        }
        return new Manifest(digest, mediaType, document);
    }

    /** The media type the registry served, else the one the manifest names, else the one its shape implies. */
    private static String manifestMediaType(RegistryResponse response, JsonNode document) {
        Optional<String> served = response.mediaType()
                .filter(type -> !type.equals("application/json") && !type.equals("application/octet-stream")
                        && !type.equals("text/plain"));
        String declared = document.path("mediaType").asText("");
        if (served.isPresent()) {
            return served.get();
        }
        if (!declared.isEmpty()) {
            return declared;
        }
        if (document.has("manifests")) {
            return MediaTypes.OCI_INDEX;
        }
        if (document.has("fsLayers")) {
            return MediaTypes.DOCKER_MANIFEST_V1_SIGNED;
        }
        return document.has("layers") ? MediaTypes.OCI_MANIFEST : response.mediaType().orElse("");
    }

    private Image imageOf(Call call, Manifest manifest) throws RegistryException {
        if (MediaTypes.isList(manifest.mediaType())) {
            throw new RegistryException(Reason.Invalid, "the manifest list " + call.displayRef()
                    + " names another manifest list (" + manifest.digest() + ") as a child");
        }
        JsonNode configDescriptor = manifest.document().path("config");
        String configDigest = configDescriptor.path("digest").asText("");
        if (!ImageReference.isValidDigest(configDigest)) {
            throw new RegistryException(Reason.Invalid,
                    "the manifest " + manifest.digest() + " of " + call.displayRef() + " names no config blob");
        }
        byte[] configBlob = fetchBlob(call, configDigest, CONFIG_LIMIT);
        JsonNode configDocument = readJson(call, configBlob, "image config");
        long configSize = configDescriptor.path("size").asLong(configBlob.length);
        return assembler.image(call.repository(), manifest.digest(), manifest.mediaType(), manifest.document(),
                configDocument, configSize);
    }

    private byte[] fetchBlob(Call call, String digest, long limit) throws RegistryException {
        RegistryResponse response = call.exchange("GET", "/v2/" + call.repositoryPath() + "/blobs/" + digest, "*/*",
                limit);
        requireSuccess(call, response);
        verifyDigest(call, digest, response.body(), "blob");
        return response.body();
    }

    private static String verifyDigest(Call call, String expected, byte[] content, String what)
            throws RegistryException {
        String algorithm = expected.substring(0, expected.indexOf(':'));
        String actual = digestOf(algorithm, content);
        if (!actual.equals(expected)) {
            throw new RegistryException(Reason.Invalid, "content integrity error: the " + what + " retrieved with digest "
                    + expected + " does not match the digest calculated from the content " + actual + " ("
                    + call.displayRef() + ")");
        }
        return actual;
    }

    static String digestOf(String algorithm, byte[] content) {
        try {
            MessageDigest digest = MessageDigest.getInstance(DIGEST_ALGORITHMS.getOrDefault(algorithm, "SHA-256"));
            return algorithm + ":" + HexFormat.of().formatHex(digest.digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode readJson(Call call, byte[] body, String what) throws RegistryException {
        try {
            JsonNode node = json.readTree(body);
            if (node == null || !node.isObject()) {
                throw new IOException("not a JSON object");
            }
            return node;
        } catch (IOException e) {
            throw new RegistryException(Reason.Invalid,
                    "the " + what + " of " + call.displayRef() + " is not valid JSON: " + e.getMessage());
        }
    }

    private static Optional<String> nextPage(RegistryResponse response) {
        for (String link : response.headers().allValues("Link")) {
            Matcher next = NEXT_LINK.matcher(link);
            if (next.find()) {
                URI target = response.uri().resolve(next.group(1));
                // only the path and query: a Link naming another host must not send us (and our token) there
                String query = target.getRawQuery();
                return Optional.of(target.getRawPath() + (query == null ? "" : "?" + query));
            }
        }
        return Optional.empty();
    }

    // ---- status mapping ----

    private static void requireSuccess(Call call, RegistryResponse response) throws RegistryException {
        int status = response.status();
        if (response.isSuccess()) {
            return;
        }
        if (status != 401 && status != 403 && !speaksDistribution(response)) {
            // e.g. a web server's 404: a host that is not a registry is not "image not found"
            call.requireV2Registry();
        }
        if (status == 404) {
            throw new RegistryException(Reason.NotFound,
                    "dockerimage.image.openshift.io \"" + call.displayRef() + "\" not found");
        }
        if (status == 401 || status == 403) {
            throw call.unauthorized();
        }
        throw internalError(call, response.uri() + ": unexpected status " + status + registryErrorOf(response));
    }

    private static RegistryException internalError(Call call, String detail) {
        return new RegistryException(Reason.InternalError,
                "Internal error occurred: " + call.displayRef() + ": " + detail);
    }

    /** The first message of a distribution error body ({@code {"errors":[{"code":…,"message":…}]}}), if any. */
    private static String registryErrorOf(RegistryResponse response) {
        if (response.body().length == 0) {
            return "";
        }
        try {
            JsonNode first = PLAIN_JSON.readTree(response.body()).path("errors").path(0);
            String code = first.path("code").asText("");
            String message = first.path("message").asText("");
            return code.isEmpty() && message.isEmpty() ? "" : " (" + code + (message.isEmpty() ? "" : ": " + message) + ")";
        } catch (IOException e) {
            return "";
        }
    }

    /** Whether an answer comes from the distribution API: its version header, or an {@code errors} body. */
    private static boolean speaksDistribution(RegistryResponse response) {
        if (response.header(API_VERSION_HEADER).isPresent()) {
            return true;
        }
        if (response.body().length == 0) {
            return false;
        }
        try {
            return PLAIN_JSON.readTree(response.body()).path("errors").isArray();
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean isJsonObject(byte[] body) {
        try {
            JsonNode node = PLAIN_JSON.readTree(body);
            return node != null && node.isObject();
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * What a {@code GET /v2/} answer says about the host, as library-go's registry client decides it: a
     * {@value #API_VERSION_HEADER} header, a 2xx, a 401 or a 403 come from a registry; any other answer does not.
     * Two differences: a 2xx HTML page without the header is a web site, not a registry (which never answers
     * {@code /v2/} with a page), and a 5xx leaves it undecided (a registry behind a failing proxy answers that too).
     *
     * @return why the host is not a registry; empty when it is one or when the answer cannot tell
     */
    static Optional<String> notV2Registry(RegistryResponse ping) {
        if (ping.header(API_VERSION_HEADER).isPresent()) {
            return Optional.empty();
        }
        int status = ping.status();
        String answered = "GET " + ping.uri() + " answered " + status;
        if (ping.isSuccess()) {
            return isHtml(ping) ? Optional.of(answered + " with an HTML page and no " + API_VERSION_HEADER + " header")
                    : Optional.empty();
        }
        if (status == 401 || status == 403 || status >= 500) {
            return Optional.empty();
        }
        return Optional.of(answered + " without a " + API_VERSION_HEADER + " header");
    }

    private static boolean isHtml(RegistryResponse response) {
        Optional<String> type = response.mediaType();
        if (type.isPresent()) {
            return type.get().equals("text/html") || type.get().equals("application/xhtml+xml");
        }
        String start = new String(response.body(), 0, Math.min(response.body().length, 64), StandardCharsets.UTF_8)
                .stripLeading().toLowerCase(Locale.ROOT);
        return start.startsWith("<!doctype html") || start.startsWith("<html");
    }

    // ---- one operation against one registry ----

    private Call call(ImageReference reference, ImportOptions options) throws RegistryException {
        ImportOptions effective = options == null ? ImportOptions.defaults() : options;
        if (reference.name().isEmpty()) {
            throw new RegistryException(Reason.Invalid, "the pull spec \"" + reference + "\" names no repository");
        }
        Call call = new Call(reference, effective);
        policy.checkRegistry(call.registryName(), call.target(), call.displayRef());
        return call;
    }

    /** An {@code Authorization} value and where it came from. */
    private record Authorization(String header, TokenCache.Key tokenKey, boolean usesCredentials) {
        static final Authorization NONE = new Authorization(null, null, false);
    }

    /** The state of one operation: the target, credentials and whether the registry rejected them. */
    private final class Call {
        private final ImageReference reference;
        private final String registryName;
        private final HostPort target;
        private final String repositoryPath;
        private final boolean insecure;
        private final BasicCredentials credentials;
        private boolean credentialsRejected;
        private boolean v2Checked;

        Call(ImageReference reference, ImportOptions options) {
            this.reference = reference;
            boolean hub = reference.isDockerHub();
            this.registryName = hub ? ImageReference.DOCKER_HUB_REGISTRY : reference.registry();
            this.target = HostPort.parse(hub ? ImageReference.DOCKER_HUB_V2_REGISTRY : reference.registry());
            String namespace = reference.namespace().isEmpty() && hub ? ImageReference.DOCKER_HUB_LIBRARY
                    : reference.namespace();
            this.repositoryPath = namespace.isEmpty() ? reference.name() : namespace + "/" + reference.name();
            List<String> insecurePatterns = config.insecure().orElse(List.of());
            this.insecure = options.insecure() || TargetPolicy.matchesAny(insecurePatterns, HostPort.parse(registryName))
                    || TargetPolicy.matchesAny(insecurePatterns, target);
            this.credentials = options.credentials().forRegistry(registryName).orElse(null);
        }

        String registryName() {
            return registryName;
        }

        HostPort target() {
            return target;
        }

        String repositoryPath() {
            return repositoryPath;
        }

        /** The pull spec as the user wrote it, for messages. */
        String displayRef() {
            return reference.exact();
        }

        /** {@code registry/namespace/name} as written, the base of {@code dockerImageReference}. */
        String repository() {
            return reference.repository();
        }

        String tagOrDigest() {
            if (reference.hasDigest()) {
                return reference.digest();
            }
            return reference.hasTag() ? reference.tag() : ImageReference.DEFAULT_TAG;
        }

        String manifestPath(String tagOrDigest) {
            return "/v2/" + repositoryPath + "/manifests/" + tagOrDigest;
        }

        String scope() {
            return "repository:" + repositoryPath + ":pull";
        }

        RegistryException unauthorized() {
            return new RegistryException(Reason.Unauthorized, credentialsRejected
                    ? "incorrect username or password for image \"" + displayRef() + "\""
                    : "you may not have access to the container image \"" + displayRef() + "\"");
        }

        BasicCredentials usableCredentials() {
            return credentialsRejected ? null : credentials;
        }

        /**
         * Asks the host's {@code /v2/} (once per operation, without credentials) whether it is a registry at all,
         * after an answer that did not look like one; fails with {@code NotV2Registry} when it is not. When the
         * ping itself fails, the answer that prompted it speaks for itself.
         */
        void requireV2Registry() throws RegistryException {
            if (v2Checked) {
                return;
            }
            v2Checked = true;
            RegistryResponse ping;
            try {
                ping = send("GET", "/v2/", "application/json", Authorization.NONE, PING_LIMIT);
            } catch (RegistryException e) {
                LOG.debugf("%s: the /v2/ check failed: %s", displayRef(), e.getMessage());
                return;
            }
            Optional<String> notV2 = notV2Registry(ping);
            if (notV2.isPresent()) {
                throw new RegistryException(Reason.NotV2Registry, "registry \"" + registryName
                        + "\" does not support the v2 Registry API: " + notV2.get());
            }
        }

        /**
         * Sends a request to the registry, authenticating as the registry last asked (before any 401), and once
         * more after a 401 with what its challenge asks for.
         */
        RegistryResponse exchange(String method, String path, String accept, long maxBody) throws RegistryException {
            // a blocked registry costs nothing, not even a token request
            Optional<Duration> blocked = budgets.blockedFor(target.authority());
            if (blocked.isPresent()) {
                throw rateLimited(this, target.authority(), blocked.get());
            }
            Authorization auth = preemptiveAuthorization();
            RegistryResponse response = send(method, path, accept, auth, maxBody);
            if (response.status() != 401) {
                if (auth == Authorization.NONE && !challenges.containsKey(target.authority())) {
                    answeredWithoutChallenge.add(target.authority());
                }
                return response;
            }
            answeredWithoutChallenge.remove(target.authority());
            Optional<AuthChallenge> challenge = AuthChallenge.parse(response.headers().allValues("WWW-Authenticate"));
            if (challenge.isEmpty()) {
                return response;
            }
            challenges.put(target.authority(), challenge.get().withoutScope());
            if (auth.tokenKey() != null) {
                tokens.invalidate(auth.tokenKey());
            }
            Optional<Authorization> retry = answer(challenge.get(), auth);
            if (retry.isEmpty()) {
                return response;
            }
            response = send(method, path, accept, retry.get(), maxBody);
            if (response.status() == 401 && retry.get().usesCredentials() && challenge.get().isBasic()) {
                // the registry refused the basic credentials themselves: anonymous was tried first, so stop here
                credentialsRejected = true;
            }
            return response;
        }

        private Authorization preemptiveAuthorization() throws RegistryException {
            AuthChallenge known = challenges.get(target.authority());
            if (known == null) {
                return Authorization.NONE;
            }
            if (known.isBearer()) {
                return bearer(known, scope());
            }
            BasicCredentials usable = usableCredentials();
            return known.isBasic() && usable != null ? basic(usable) : Authorization.NONE;
        }

        private Optional<Authorization> answer(AuthChallenge challenge, Authorization previous) throws RegistryException {
            if (challenge.isBearer()) {
                return Optional.of(bearer(challenge, challenge.param("scope").orElse(scope())));
            }
            if (!challenge.isBasic()) {
                return Optional.empty();
            }
            if (previous.usesCredentials()) {
                // sent with credentials and refused: OpenShift retries without them
                credentialsRejected = true;
                return Optional.of(Authorization.NONE);
            }
            BasicCredentials usable = usableCredentials();
            return usable == null ? Optional.empty() : Optional.of(basic(usable));
        }

        private Authorization basic(BasicCredentials credentials) {
            String pair = credentials.username() + ":" + credentials.password();
            return new Authorization("Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)),
                    null, true);
        }

        /** A token for {@code scope}: cached, or from the challenge's realm (credentials first, then anonymous). */
        private Authorization bearer(AuthChallenge challenge, String requestedScope) throws RegistryException {
            BasicCredentials usable = usableCredentials();
            TokenCache.Key key = new TokenCache.Key(target.authority(), scope(), TokenCache.identity(usable));
            Optional<String> cached = tokens.get(key);
            if (cached.isPresent()) {
                return new Authorization("Bearer " + cached.get(), key, usable != null);
            }
            RegistryResponse response = requestToken(challenge, requestedScope, usable);
            if ((response.status() == 401 || response.status() == 403) && usable != null) {
                credentialsRejected = true;
                key = new TokenCache.Key(target.authority(), scope(), TokenCache.ANONYMOUS);
                usable = null;
                response = requestToken(challenge, requestedScope, null);
            }
            if (response.status() == 401 || response.status() == 403) {
                throw unauthorized();
            }
            if (!response.isSuccess()) {
                throw internalError(this, "the token service " + response.uri().getHost() + " answered "
                        + response.status() + registryErrorOf(response));
            }
            JsonNode body = readJson(this, response.body(), "token response");
            String token = body.path("token").asText(body.path("access_token").asText(""));
            if (token.isEmpty()) {
                throw internalError(this, "the token service " + response.uri().getHost() + " answered no token");
            }
            long expiresIn = body.path("expires_in").asLong(0);
            tokens.put(key, token, expiresIn > 0 ? Duration.ofSeconds(expiresIn) : TokenCache.DEFAULT_LIFETIME);
            return new Authorization("Bearer " + token, key, usable != null);
        }

        private RegistryResponse requestToken(AuthChallenge challenge, String requestedScope,
                BasicCredentials credentials) throws RegistryException {
            String realm = challenge.param("realm")
                    .orElseThrow(() -> internalError(this, "the registry's bearer challenge names no realm"));
            URI realmUri;
            try {
                realmUri = URI.create(realm);
            } catch (IllegalArgumentException e) {
                throw internalError(this, "the registry's token realm is not a URL: " + realm);
            }
            String scheme = realmUri.getScheme() == null ? "" : realmUri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("https") && !scheme.equals("http") || realmUri.getHost() == null) {
                throw internalError(this, "the registry's token realm is not an http(s) URL: " + realm);
            }
            // a registry must not make us call an address we would refuse to import from
            policy.checkAddresses(realmUri.getHost(), realmUri.getHost(), displayRef());
            StringBuilder query = new StringBuilder(realmUri.getRawQuery() == null ? "" : realmUri.getRawQuery());
            challenge.param("service").ifPresent(service -> appendParam(query, "service", service));
            for (String scope : requestedScope.split(" ")) {
                if (!scope.isBlank()) {
                    appendParam(query, "scope", scope);
                }
            }
            URI uri = URI.create(scheme + "://" + realmUri.getRawAuthority()
                    + (realmUri.getRawPath() == null || realmUri.getRawPath().isEmpty() ? "/" : realmUri.getRawPath())
                    + (query.length() == 0 ? "" : "?" + query));
            HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET().timeout(config.requestTimeout())
                    .header("Accept", "application/json");
            if (credentials != null) {
                request.header("Authorization", basic(credentials).header());
            }
            return sendOnce(this, request.build(), "GET", insecure, TOKEN_LIMIT);
        }

        /**
         * One request to the registry over HTTPS, or plain HTTP for an insecure registry that does not speak
         * TLS, following redirects (each target checked by the policy) and honouring rate-limit blocks.
         */
        private RegistryResponse send(String method, String path, String accept, Authorization auth, long maxBody)
                throws RegistryException {
            Instant httpOnly = httpOnlySince.get(target.authority());
            if (httpOnly != null && clock.instant().isBefore(httpOnly.plus(HTTP_ONLY_MEMORY))) {
                if (!insecure) {
                    throw httpOnlyRegistry();
                }
                return sendPlainHttp(method, path, accept, auth, maxBody);
            }
            try {
                return sendFollowing(URI.create("https://" + target.authority() + path), method, accept, auth, maxBody);
            } catch (TlsFailure failure) {
                if (!insecure) {
                    if (failure.plainHttp()) {
                        httpOnlySince.put(target.authority(), clock.instant());
                        throw httpOnlyRegistry();
                    }
                    throw failure.asRegistryException();
                }
                RegistryResponse response = sendPlainHttp(method, path, accept, auth, maxBody);
                httpOnlySince.put(target.authority(), clock.instant());
                return response;
            }
        }

        private RegistryResponse sendPlainHttp(String method, String path, String accept, Authorization auth,
                long maxBody) throws RegistryException {
            try {
                return sendFollowing(URI.create("http://" + target.authority() + path), method, accept, auth, maxBody);
            } catch (TlsFailure impossible) {
                // only an https first hop reports a TLS failure
                throw impossible.asRegistryException();
            }
        }

        private RegistryException httpOnlyRegistry() {
            return new RegistryException(Reason.BadRequest, "the repository " + repository()
                    + " is HTTP only and requires the insecure flag to import");
        }

        private RegistryResponse sendFollowing(URI uri, String method, String accept, Authorization auth, long maxBody)
                throws RegistryException, TlsFailure {
            URI current = uri;
            for (int hop = 0; ; hop++) {
                HttpRequest.Builder request = HttpRequest.newBuilder(current)
                        .method(method, HttpRequest.BodyPublishers.noBody())
                        .timeout(config.requestTimeout())
                        .header("Accept", accept);
                // credentials go to the registry only, never to a storage host it redirects to
                if (auth.header() != null && current.getRawAuthority().equals(uri.getRawAuthority())) {
                    request.header("Authorization", auth.header());
                }
                RegistryResponse response = hop == 0
                        ? sendFirst(request.build(), method, maxBody)
                        : sendOnce(this, request.build(), method, insecure, maxBody);
                Optional<String> location = response.header("Location");
                if (response.status() < 300 || response.status() >= 400 || location.isEmpty()
                        || !(method.equals("GET") || method.equals("HEAD"))) {
                    return response;
                }
                if (hop == MAX_REDIRECTS) {
                    throw internalError(this, "more than " + MAX_REDIRECTS + " redirects from " + uri);
                }
                current = current.resolve(location.get());
                if (current.getHost() == null) {
                    throw internalError(this, "a redirect to " + location.get() + " names no host");
                }
                policy.checkAddresses(current.getHost(), current.getHost(), displayRef());
            }
        }

        /** The first hop, where a TLS failure may mean a plain-HTTP registry. */
        private RegistryResponse sendFirst(HttpRequest request, String method, long maxBody)
                throws RegistryException, TlsFailure {
            boolean https = request.uri().getScheme().equals("https");
            try {
                return sendOnceRaw(this, request, method, insecure, maxBody);
            } catch (SSLException e) {
                if (https) {
                    throw new TlsFailure(e, isPlainHttpAnswer(e), this, request.uri());
                }
                throw internalError(this, request.uri() + ": " + e.getMessage());
            } catch (ConnectException | HttpConnectTimeoutException e) {
                if (https && insecure) {
                    throw new TlsFailure(e, false, this, request.uri());
                }
                throw transportError(this, request.uri(), e);
            } catch (IOException e) {
                if (https && insecure && !(e instanceof HttpTimeoutException)) {
                    // an insecure registry may drop a TLS handshake it does not speak
                    throw new TlsFailure(e, false, this, request.uri());
                }
                throw transportError(this, request.uri(), e);
            }
        }
    }

    /** HTTPS did not work with the registry; for insecure registries plain HTTP is tried next. */
    private static final class TlsFailure extends Exception {
        private final boolean plainHttp;
        private final RegistryException asRegistryException;

        TlsFailure(IOException cause, boolean plainHttp, Call call, URI uri) {
            super(cause.getMessage(), cause, false, false);
            this.plainHttp = plainHttp;
            Optional<String> certificate = certificateProblem(cause);
            if (cause instanceof HttpTimeoutException) {
                this.asRegistryException = transportError(call, uri, cause);
            } else if (certificate.isPresent()) {
                // as for an HTTP-only registry: the tag (or the registry's settings) must say insecure
                this.asRegistryException = new RegistryException(Reason.BadRequest, "the repository "
                        + call.repository() + " is served with a TLS certificate that cannot be verified ("
                        + certificate.get() + ") and requires the insecure flag to import", null, cause);
            } else {
                this.asRegistryException = internalError(call, uri + ": "
                        + (cause instanceof SSLException ? "TLS handshake failed: " : "") + cause.getMessage());
            }
        }

        boolean plainHttp() {
            return plainHttp;
        }

        RegistryException asRegistryException() {
            return asRegistryException;
        }
    }

    /**
     * Why the JDK refused a server's certificate, in the words Go's {@code crypto/x509} (and so OpenShift) uses,
     * or empty when a TLS failure is not about the certificate.
     */
    static Optional<String> certificateProblem(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof CertificateExpiredException || cause instanceof CertificateNotYetValidException) {
                return Optional.of("x509: certificate has expired or is not yet valid");
            }
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            String message = String.valueOf(cause.getMessage());
            if (cause instanceof CertPathBuilderException || message.contains("PKIX path building failed")) {
                return Optional.of("x509: certificate signed by unknown authority");
            }
            if (cause instanceof CertificateException
                    && (message.contains("No subject alternative") || message.contains("No name matching"))) {
                return Optional.of("x509: certificate is not valid for the registry's host name: " + message);
            }
            if (cause instanceof CertPathValidatorException || cause instanceof CertificateException) {
                return Optional.of("x509: " + message);
            }
        }
        return Optional.empty();
    }

    /** The JDK's words for a server that answered a TLS hello with something that is not TLS (e.g. HTTP). */
    private static boolean isPlainHttpAnswer(SSLException e) {
        String message = String.valueOf(e.getMessage());
        return message.contains("Unsupported or unrecognized SSL message") || message.contains("plaintext connection");
    }

    /** One request with its rate-limit check, concurrency slot, metrics and budget update; I/O errors mapped. */
    private RegistryResponse sendOnce(Call call, HttpRequest request, String method, boolean skipTls, long maxBody)
            throws RegistryException {
        try {
            return sendOnceRaw(call, request, method, skipTls, maxBody);
        } catch (IOException e) {
            throw transportError(call, request.uri(), e);
        }
    }

    private RegistryResponse sendOnceRaw(Call call, HttpRequest request, String method, boolean skipTls, long maxBody)
            throws RegistryException, IOException {
        String authority = request.uri().getRawAuthority();
        Optional<Duration> blocked = budgets.blockedFor(authority);
        if (blocked.isPresent()) {
            throw rateLimited(call, authority, blocked.get());
        }
        Semaphore slots = inFlight.computeIfAbsent(authority,
                key -> new Semaphore(Math.max(1, config.maxConcurrentPerRegistry()), true));
        try {
            if (!slots.tryAcquire(config.requestTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
                count(authority, method, "timeout");
                throw new RegistryException(Reason.Timeout, call.displayRef() + ": waited " + config.requestTimeout()
                        .toSeconds() + " s for one of " + config.maxConcurrentPerRegistry() + " connections to "
                        + authority);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw internalError(call, "interrupted");
        }
        RegistryResponse response;
        try {
            response = transport.send(request, skipTls, maxBody);
        } catch (HttpTimeoutException e) {
            count(authority, method, "timeout");
            throw e;
        } catch (IOException e) {
            count(authority, method, "error");
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw internalError(call, "interrupted");
        } finally {
            slots.release();
        }
        count(authority, method, response.status() / 100 + "xx");
        LOG.debugf("%s %s -> %d", method, request.uri(), response.status());
        Optional<Duration> retryAfter = budgets.record(authority, response.status(), response.headers());
        if (retryAfter.isPresent()) {
            throw rateLimited(call, authority, retryAfter.get());
        }
        if (response.status() == 429) {
            throw new RegistryException(Reason.RateLimited,
                    call.displayRef() + ": the registry " + authority + " is rate limiting requests (429)");
        }
        return response;
    }

    private static RegistryException rateLimited(Call call, String authority, Duration wait) {
        return new RegistryException(Reason.RateLimited, call.displayRef() + ": the registry " + authority
                + " asked to wait " + Math.max(1, wait.toSeconds()) + " s before the next request (Retry-After)",
                wait, null);
    }

    private static RegistryException transportError(Call call, URI uri, IOException e) {
        if (e instanceof HttpTimeoutException) {
            String what = e instanceof HttpConnectTimeoutException ? "connecting to " : "waiting for ";
            return new RegistryException(Reason.Timeout,
                    call.displayRef() + ": timed out " + what + uri.getRawAuthority(), null, e);
        }
        String detail = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (e instanceof ConnectException) {
            detail = "connection refused by " + uri.getRawAuthority();
        }
        return new RegistryException(Reason.InternalError,
                "Internal error occurred: " + call.displayRef() + ": " + uri + ": " + detail, null, e);
    }

    private void count(String registry, String method, String outcome) {
        Counter.builder(REQUESTS_METER)
                .description("Requests sent to container registries and their token services")
                .tag("registry", registry)
                .tag("method", method)
                .tag("status", outcome)
                .register(meters)
                .increment();
    }

    private static void appendParam(StringBuilder query, String name, String value) {
        if (query.length() > 0) {
            query.append('&');
        }
        query.append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
    }

    /** {@code os/arch[/variant]}. */
    record Platform(String os, String architecture, String variant) {
        static Platform parse(String text) {
            String[] parts = text.trim().split("/");
            if (parts.length < 2 || parts.length > 3 || parts[0].isEmpty() || parts[1].isEmpty()) {
                throw new IllegalArgumentException(
                        "imagestreams.registries.default-platform must be os/arch[/variant], not \"" + text + "\"");
            }
            return new Platform(parts[0], parts[1], parts.length == 3 ? parts[2] : null);
        }
    }
}
