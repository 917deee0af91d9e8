package io.imagestreams.importer.service;

import io.imagestreams.api.reference.ImageReference;
import io.imagestreams.importer.client.ImportOptions;
import io.imagestreams.importer.client.ImportOptions.CredentialLookup;
import io.imagestreams.importer.repository.RegistrySettingsRepository;
import io.imagestreams.importer.repository.RegistrySettingsRepository.RegistrySettings;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * How one image is fetched: the tag's own policy, OR-ed with what an operator set for its registry (DESIGN §8:
 * insecure when the tag asks for it or the registry is marked insecure), and the namespace's pull credentials.
 */
@ApplicationScoped
public class ImportTargets {

    private final RegistrySettingsRepository settings;

    public ImportTargets(RegistrySettingsRepository settings) {
        this.settings = settings;
    }

    public ImportOptions options(ImageReference reference, boolean insecure, String importMode, String preferArch,
            String preferOs, CredentialLookup credentials) {
        boolean registryInsecure = settings.find(RegistryHosts.normalize(reference.registry()))
                .map(RegistrySettings::insecure).orElse(false);
        return new ImportOptions(insecure || registryInsecure, importMode, preferArch, preferOs, credentials);
    }
}
