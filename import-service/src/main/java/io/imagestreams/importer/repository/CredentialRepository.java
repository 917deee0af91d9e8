package io.imagestreams.importer.repository;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** A namespace's pull credentials ({@code credentials}): registry hosts in the clear, the secret only encrypted. */
@ApplicationScoped
public class CredentialRepository {

    static final String COLLECTION = "credentials";

    /** @param encryptedSecret the dockerconfigjson, encrypted; never stored otherwise */
    public record StoredCredentials(String namespace, List<String> registries, String encryptedSecret, Instant updatedAt) {
    }

    private final MongoCollection<Document> credentials;

    public CredentialRepository(MongoClient mongo, @ConfigProperty(name = "quarkus.mongodb.database") String database) {
        this.credentials = mongo.getDatabase(database).getCollection(COLLECTION);
    }

    /** Replaces the namespace's credentials; answers whether it had some before. */
    public boolean put(StoredCredentials stored) {
        return credentials.replaceOne(Filters.eq("_id", stored.namespace()), new Document("_id", stored.namespace())
                .append("registries", stored.registries())
                .append("secret", stored.encryptedSecret())
                .append("updatedAt", Date.from(stored.updatedAt())), new ReplaceOptions().upsert(true))
                .getMatchedCount() == 1;
    }

    public Optional<StoredCredentials> find(String namespace) {
        return Optional.ofNullable(credentials.find(Filters.eq("_id", namespace)).first()).map(CredentialRepository::stored);
    }

    public List<StoredCredentials> list() {
        List<StoredCredentials> all = new ArrayList<>();
        credentials.find().sort(Sorts.ascending("_id")).forEach(document -> all.add(stored(document)));
        return all;
    }

    public boolean delete(String namespace) {
        return credentials.deleteOne(Filters.eq("_id", namespace)).getDeletedCount() == 1;
    }

    private static StoredCredentials stored(Document d) {
        return new StoredCredentials(d.getString("_id"), d.getList("registries", String.class, List.of()),
                d.getString("secret"), d.getDate("updatedAt").toInstant());
    }
}
