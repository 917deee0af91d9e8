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

/** Per-registry settings an operator made through {@code /api/v1/registries} ({@code registries}). */
@ApplicationScoped
public class RegistrySettingsRepository {

    static final String COLLECTION = "registries";

    /** @param insecure plain HTTP or unverified TLS allowed for every import from this registry */
    public record RegistrySettings(String registry, boolean insecure, Instant updatedAt) {
    }

    private final MongoCollection<Document> registries;

    public RegistrySettingsRepository(MongoClient mongo, @ConfigProperty(name = "quarkus.mongodb.database") String database) {
        this.registries = mongo.getDatabase(database).getCollection(COLLECTION);
    }

    /** Stores the settings; answers whether the registry had settings before. */
    public boolean put(RegistrySettings settings) {
        return registries.replaceOne(Filters.eq("_id", settings.registry()), new Document("_id", settings.registry())
                .append("insecure", settings.insecure())
                .append("updatedAt", Date.from(settings.updatedAt())), new ReplaceOptions().upsert(true))
                .getMatchedCount() == 1;
    }

    public Optional<RegistrySettings> find(String registry) {
        return Optional.ofNullable(registries.find(Filters.eq("_id", registry)).first()).map(RegistrySettingsRepository::settings);
    }

    public List<RegistrySettings> list() {
        List<RegistrySettings> all = new ArrayList<>();
        registries.find().sort(Sorts.ascending("_id")).forEach(document -> all.add(settings(document)));
        return all;
    }

    public boolean delete(String registry) {
        return registries.deleteOne(Filters.eq("_id", registry)).getDeletedCount() == 1;
    }

    private static RegistrySettings settings(Document d) {
        return new RegistrySettings(d.getString("_id"), Boolean.TRUE.equals(d.getBoolean("insecure")),
                d.getDate("updatedAt").toInstant());
    }
}
