package io.imagestreams.importer.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.imagestreams.importer.client.ImportOptions.BasicCredentials;
import io.imagestreams.importer.client.ImportOptions.CredentialLookup;
import io.imagestreams.importer.repository.CredentialRepository;
import io.imagestreams.importer.repository.CredentialRepository.StoredCredentials;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Pull credentials per namespace, given as a {@code .dockerconfigjson} document. Write-only: what goes out is the
 * list of registry hosts, never a user name, password or token, and nothing about them is logged.
 */
@ApplicationScoped
public class CredentialService {

    /** What the API shows of a namespace's credentials. */
    public record CredentialsView(String namespace, List<String> registries, Instant updated) {
        static CredentialsView of(StoredCredentials stored) {
            return new CredentialsView(stored.namespace(), stored.registries(), stored.updatedAt());
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final CredentialRepository repository;
    private final SecretBox box;
    private final Clock clock;

    public CredentialService(CredentialRepository repository, SecretBox box, Clock clock) {
        this.repository = repository;
        this.box = box;
        this.clock = clock;
    }

    /** Validates and stores {@code dockerConfig}, replacing what the namespace had; answers whether it had some. */
    public boolean put(String namespace, JsonNode dockerConfig) {
        Names.requireNamespace(namespace);
        Map<String, BasicCredentials> parsed = parse(dockerConfig);
        ObjectNode normalized = JSON.createObjectNode();
        ObjectNode auths = normalized.putObject("auths");
        parsed.forEach((registry, credentials) -> auths.putObject(registry)
                .put("username", credentials.username()).put("password", credentials.password()));
        String sealed = box.seal(namespace, normalized.toString());
        return repository.put(new StoredCredentials(namespace, List.copyOf(parsed.keySet()), sealed,
                clock.instant().truncatedTo(ChronoUnit.SECONDS)));
    }

    public Optional<CredentialsView> find(String namespace) {
        return repository.find(namespace).map(CredentialsView::of);
    }

    public List<CredentialsView> list() {
        return repository.list().stream().map(CredentialsView::of).toList();
    }

    public boolean delete(String namespace) {
        return repository.delete(namespace);
    }

    /**
     * The credentials imports into {@code namespace} use, read once. Credentials that cannot be decrypted (the key
     * changed) are treated as absent and reported in the log without their content.
     */
    public CredentialLookup lookup(String namespace) {
        Optional<StoredCredentials> stored = repository.find(namespace);
        if (stored.isEmpty()) {
            return CredentialLookup.NONE;
        }
        Map<String, BasicCredentials> byRegistry;
        try {
            byRegistry = parse(JSON.readTree(box.open(namespace, stored.get().encryptedSecret())));
        } catch (Exception e) {
            Log.warnf("pull credentials of namespace %s are unusable: %s", namespace, e.getMessage());
            return CredentialLookup.NONE;
        }
        return registry -> Optional.ofNullable(byRegistry.get(RegistryHosts.normalize(registry)));
    }

    /** Reads {@code auths} of a docker config: {@code auth} (base64 of user:password) or username and password. */
    static Map<String, BasicCredentials> parse(JsonNode config) {
        if (config == null || !config.isObject()) {
            throw ApiException.badRequest("", "the body must be a docker config JSON object with \"auths\"");
        }
        JsonNode auths = config.get("auths");
        if (auths == null || !auths.isObject() || auths.isEmpty()) {
            throw ApiException.badRequest("auths", "auths must be an object with at least one registry");
        }
        Iterator<String> unknown = config.fieldNames();
        while (unknown.hasNext()) {
            String name = unknown.next();
            if (!name.equals("auths")) {
                throw ApiException.badRequest(name, "unknown field \"" + name + "\"");
            }
        }
        Map<String, BasicCredentials> parsed = new LinkedHashMap<>();
        List<String> registries = new ArrayList<>();
        auths.fieldNames().forEachRemaining(registries::add);
        for (String registry : registries) {
            String field = "auths[\"" + registry + "\"]";
            String host = RegistryHosts.normalize(registry);
            if (host.isEmpty() || host.contains(" ")) {
                throw ApiException.badRequest(field, "\"" + registry + "\" is not a registry host");
            }
            parsed.put(host, credentials(auths.get(registry), field));
        }
        return parsed;
    }

    private static BasicCredentials credentials(JsonNode entry, String field) {
        if (entry == null || !entry.isObject()) {
            throw ApiException.badRequest(field, "must be an object with auth, or username and password");
        }
        JsonNode auth = entry.get("auth");
        if (auth != null && !auth.asText().isEmpty()) {
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(auth.asText()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest(field + ".auth", "auth must be base64 of username:password");
            }
            int colon = decoded.indexOf(':');
            if (colon <= 0) {
                throw ApiException.badRequest(field + ".auth", "auth must be base64 of username:password");
            }
            return new BasicCredentials(decoded.substring(0, colon), decoded.substring(colon + 1));
        }
        String username = text(entry, "username");
        String password = text(entry, "password");
        if (username.isEmpty()) {
            throw ApiException.badRequest(field + ".username", "username (or auth) is required");
        }
        if (password.isEmpty()) {
            throw ApiException.badRequest(field + ".password", "password (or auth) is required");
        }
        return new BasicCredentials(username, password);
    }

    private static String text(JsonNode entry, String field) {
        JsonNode value = entry.get(field);
        return value == null || value.isNull() ? "" : value.asText();
    }
}
