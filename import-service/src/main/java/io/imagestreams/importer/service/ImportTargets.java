package io.imagestreams.importer.service;

import io.imagestreams.api.image.PlatformPreference;
import io.imagestreams.api.reference.ImageReference;
import io.imagestreams.importer.client.ImportOptions;
import io.imagestreams.importer.client.ImportOptions.CredentialLookup;
import io.imagestreams.importer.repository.RegistrySettingsRepository;
import io.imagestreams.importer.repository.RegistrySettingsRepository.RegistrySettings;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * How one image is fetched: the tag's own policy, OR-ed with what an operator set for its registry (DESIGN §8:
 * insecure when the tag asks for it or the registry is marked insecure), the platform the target tag prefers,
 * and the namespace's pull credentials.
 */
@ApplicationScoped
public class ImportTargets {

    private final RegistrySettingsRepository settings;

    public ImportTargets(RegistrySettingsRepository settings) {
        this.settings = settings;
    }

    /**
     * @param platform the target tag's platform preference; pass {@link PlatformPreference#NONE} for an import by
     *                 digest, which names the manifest (or list) itself
     */
    public ImportOptions options(ImageReference reference, boolean insecure, String importMode,
            PlatformPreference platform, CredentialLookup credentials) {
        boolean registryInsecure = settings.find(RegistryHosts.normalize(reference.registry()))
                .map(RegistrySettings::insecure).orElse(false);
        PlatformPreference preference = platform == null ? PlatformPreference.NONE : platform;
        return new ImportOptions(insecure || registryInsecure, importMode, preference.preferArch(),
                preference.preferOs(), credentials);
    }
}
