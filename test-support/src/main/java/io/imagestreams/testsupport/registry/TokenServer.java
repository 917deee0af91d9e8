package io.imagestreams.testsupport.registry;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.imagestreams.testsupport.InfraProcesses;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * A registry token service (distribution's "token" auth) on a loopback port: checks user names and passwords,
 * grants actions per repository pattern and user, and issues RS256 JWTs whose {@code kid} is the libtrust key ID
 * of a key the registry trusts through {@link #certificateBundle()}. The key pair and self-signed certificate are
 * made with the JDK's {@code keytool}.
 */
public final class TokenServer implements AutoCloseable {

    /** Grants to anyone, with or without credentials. */
    public static final String ANYONE = "*";

    private static final String STORE_PASSWORD = "token-test-store";

    /** Actions on repositories matching a pattern ({@code *} matches anything, also {@code /}) for a user or anyone. */
    public record Grant(String repositoryPattern, String user, Set<String> actions) {
        boolean covers(String repository, String requester) {
            return (ANYONE.equals(user) || user.equals(requester)) && glob(repositoryPattern).matcher(repository).matches();
        }
    }

    /** One token request as received: the authenticated user ({@code ""} for anonymous) and the scopes asked for. */
    public record TokenRequest(Instant at, String user, List<String> scopes, int status) {
    }

    private final HttpServer server;
    private final Path directory;
    private final String service;
    private final String issuer;
    private final Map<String, String> users;
    private final List<Grant> grants;
    private final Duration expiresIn;
    private final PrivateKey key;
    private final String keyId;
    private final List<TokenRequest> requests = new CopyOnWriteArrayList<>();
    private final ObjectMapper json = new ObjectMapper();

    private TokenServer(Builder builder) throws IOException, GeneralSecurityException, InterruptedException {
        this.directory = InfraProcesses.tempDir("token-server-");
        this.service = builder.service;
        this.issuer = builder.issuer;
        this.users = Map.copyOf(builder.users);
        this.grants = List.copyOf(builder.grants);
        this.expiresIn = builder.expiresIn;
        KeyStore store = generateKeyPair(directory);
        this.key = (PrivateKey) store.getKey("token", STORE_PASSWORD.toCharArray());
        this.keyId = libtrustKeyId(store.getCertificate("token").getPublicKey());
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/token", this::handle);
        server.start();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The realm the registry sends clients to. */
    public URI realm() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/token");
    }

    public String service() {
        return service;
    }

    public String issuer() {
        return issuer;
    }

    /** The PEM certificate whose key signs the tokens: the registry's {@code auth.token.rootcertbundle}. */
    public Path certificateBundle() {
        return directory.resolve("token.crt");
    }

    /** Every token request so far, oldest first. */
    public List<TokenRequest> requests() {
        return List.copyOf(requests);
    }

    public void clearRequests() {
        requests.clear();
    }

    @Override
    public void close() {
        server.stop(0);
        InfraProcesses.deleteRecursively(directory);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Map<String, List<String>> query = query(exchange.getRequestURI().getRawQuery());
            List<String> scopes = query.getOrDefault("scope", List.of());
            String user = "";
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            if (authorization != null) {
                user = authenticate(authorization);
                if (user == null) {
                    requests.add(new TokenRequest(Instant.now(), "?", scopes, 401));
                    respond(exchange, 401, Map.of("errors", List.of(Map.of("code", "UNAUTHORIZED",
                            "message", "incorrect username or password"))));
                    return;
                }
            }
            if (!service.equals(first(query, "service"))) {
                requests.add(new TokenRequest(Instant.now(), user, scopes, 400));
                respond(exchange, 400, Map.of("errors", List.of(Map.of("code", "DENIED", "message", "unknown service"))));
                return;
            }
            List<Map<String, Object>> access = new ArrayList<>();
            for (String scope : scopes) {
                access.add(grantedAccess(scope, user));
            }
            Instant now = Instant.now();
            String token = sign(claims(user, access, now));
            requests.add(new TokenRequest(now, user, scopes, 200));
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("token", token);
            body.put("access_token", token);
            body.put("expires_in", expiresIn.toSeconds());
            body.put("issued_at", now.toString());
            respond(exchange, 200, body);
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot sign the token", e);
        }
    }

    /** {@code type:name:actions}: the actions asked for that a grant allows this user. */
    private Map<String, Object> grantedAccess(String scope, String user) {
        int firstColon = scope.indexOf(':');
        int lastColon = scope.lastIndexOf(':');
        String type = firstColon < 0 ? scope : scope.substring(0, firstColon);
        String name = firstColon < 0 || lastColon == firstColon ? "" : scope.substring(firstColon + 1, lastColon);
        Set<String> asked = lastColon < 0 ? Set.of() : new LinkedHashSet<>(List.of(scope.substring(lastColon + 1).split(",")));
        Set<String> granted = new LinkedHashSet<>();
        if (type.equals("repository")) {
            for (Grant grant : grants) {
                if (grant.covers(name, user)) {
                    asked.stream().filter(a -> grant.actions().contains(a) || grant.actions().contains("*"))
                            .forEach(granted::add);
                }
            }
        }
        Map<String, Object> access = new LinkedHashMap<>();
        access.put("type", type);
        access.put("name", name);
        access.put("actions", List.copyOf(granted));
        return access;
    }

    private Map<String, Object> claims(String user, List<Map<String, Object>> access, Instant now) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", issuer);
        claims.put("sub", user);
        claims.put("aud", service);
        claims.put("exp", now.plus(expiresIn).getEpochSecond());
        claims.put("nbf", now.minusSeconds(5).getEpochSecond());
        claims.put("iat", now.getEpochSecond());
        claims.put("jti", UUID.randomUUID().toString());
        claims.put("access", access);
        return claims;
    }

    private String sign(Map<String, Object> claims) throws IOException, GeneralSecurityException {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("typ", "JWT");
        header.put("alg", "RS256");
        header.put("kid", keyId);
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        String signingInput = base64.encodeToString(json.writeValueAsBytes(header)) + "."
                + base64.encodeToString(json.writeValueAsBytes(claims));
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initSign(key);
        rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
        return signingInput + "." + base64.encodeToString(rsa.sign());
    }

    /** The user whose password matches, or null. */
    private String authenticate(String authorization) {
        if (!authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        String pair;
        try {
            pair = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
        int colon = pair.indexOf(':');
        if (colon < 0) {
            return null;
        }
        String user = pair.substring(0, colon);
        String password = pair.substring(colon + 1);
        return password.equals(users.get(user)) ? user : null;
    }

    private void respond(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = json.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static Map<String, List<String>> query(String rawQuery) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return params;
        }
        for (String pair : rawQuery.split("&")) {
            int equals = pair.indexOf('=');
            String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            params.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        return params;
    }

    private static String first(Map<String, List<String>> query, String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? "" : values.get(0);
    }

    static Pattern glob(String pattern) {
        StringBuilder regex = new StringBuilder();
        for (String part : pattern.split("\\*", -1)) {
            if (regex.length() > 0) {
                regex.append(".*");
            }
            regex.append(Pattern.quote(part));
        }
        return Pattern.compile(regex.toString());
    }

    /**
     * libtrust's key ID, which distribution matches against a token's {@code kid}: the first 240 bits of the
     * SHA-256 of the DER SubjectPublicKeyInfo, base32, in 12 groups of 4 joined by {@code :}.
     */
    static String libtrustKeyId(PublicKey publicKey) throws GeneralSecurityException {
        byte[] hash = MessageDigest.getInstance("SHA-256").digest(publicKey.getEncoded());
        String base32 = base32(java.util.Arrays.copyOf(hash, 30));
        List<String> groups = new ArrayList<>();
        for (int i = 0; i < base32.length(); i += 4) {
            groups.add(base32.substring(i, i + 4));
        }
        return String.join(":", groups);
    }

    private static String base32(byte[] data) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        StringBuilder out = new StringBuilder();
        int buffer = 0;
        int bits = 0;
        for (byte b : data) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                out.append(alphabet.charAt((buffer >> (bits - 5)) & 31));
                bits -= 5;
            }
        }
        if (bits > 0) {
            out.append(alphabet.charAt((buffer << (5 - bits)) & 31));
        }
        return out.toString();
    }

    /** An RSA key pair and self-signed certificate from {@code keytool}; the certificate also as PEM. */
    private static KeyStore generateKeyPair(Path directory) throws IOException, GeneralSecurityException,
            InterruptedException {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Path store = directory.resolve("token.p12");
        run(List.of(keytool.toString(), "-genkeypair", "-alias", "token", "-keyalg", "RSA", "-keysize", "2048",
                "-sigalg", "SHA256withRSA", "-dname", "CN=imagestreams-test-token", "-validity", "30",
                "-storetype", "PKCS12", "-keystore", store.toString(), "-storepass", STORE_PASSWORD,
                "-keypass", STORE_PASSWORD), directory);
        run(List.of(keytool.toString(), "-exportcert", "-rfc", "-alias", "token", "-keystore", store.toString(),
                "-storetype", "PKCS12", "-storepass", STORE_PASSWORD, "-file",
                directory.resolve("token.crt").toString()), directory);
        KeyStore keyStore = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keyStore.load(in, STORE_PASSWORD.toCharArray());
        }
        return keyStore;
    }

    private static void run(List<String> command, Path directory) throws IOException, InterruptedException {
        Path log = directory.resolve("keytool.log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IOException("keytool failed: " + Files.readString(log));
        }
    }

    public static final class Builder {
        private String service = "imagestreams-test-registry";
        private String issuer = "imagestreams-test-issuer";
        private final Map<String, String> users = new LinkedHashMap<>();
        private final List<Grant> grants = new ArrayList<>();
        private Duration expiresIn = Duration.ofSeconds(300);

        public Builder service(String service) {
            this.service = service;
            return this;
        }

        public Builder issuer(String issuer) {
            this.issuer = issuer;
            return this;
        }

        public Builder user(String name, String password) {
            users.put(name, password);
            return this;
        }

        /** Grants {@code actions} ({@code pull}, {@code push}, {@code delete}, {@code *}) on matching repositories. */
        public Builder grant(String repositoryPattern, String user, String... actions) {
            grants.add(new Grant(repositoryPattern, user, Set.of(actions)));
            return this;
        }

        /** The {@code expires_in} of the tokens (and their {@code exp}). */
        public Builder expiresIn(Duration expiresIn) {
            this.expiresIn = expiresIn;
            return this;
        }

        public TokenServer start() {
            try {
                return new TokenServer(this);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("cannot make the token signing key", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while making the token signing key", e);
            }
        }
    }
}
