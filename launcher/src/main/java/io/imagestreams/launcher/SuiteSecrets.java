package io.imagestreams.launcher;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Properties;

/**
 * The local suite's own secrets, made once per data folder and kept there (owner-only file), so a restart keeps
 * stored pull credentials readable: the key import-service encrypts them with, and the shared secret a local
 * registry's push notifications carry. They reach the service through its environment, not its command line.
 */
final class SuiteSecrets {

    static final String FILE = "secrets.properties";
    private static final String CREDENTIALS_KEY = "credentials-encryption-key";
    private static final String NOTIFICATIONS_SECRET = "notifications-secret";

    private final String credentialsKey;
    private final String notificationsSecret;

    private SuiteSecrets(String credentialsKey, String notificationsSecret) {
        this.credentialsKey = credentialsKey;
        this.notificationsSecret = notificationsSecret;
    }

    /** Reads the data folder's secrets, making them on first use. */
    static SuiteSecrets loadOrCreate(Path dataDir) {
        Path file = dataDir.resolve(FILE);
        try {
            Properties properties = new Properties();
            if (Files.isRegularFile(file)) {
                try (Reader reader = Files.newBufferedReader(file)) {
                    properties.load(reader);
                }
            }
            boolean changed = properties.putIfAbsent(CREDENTIALS_KEY, random(32)) == null;
            changed |= properties.putIfAbsent(NOTIFICATIONS_SECRET, random(24)) == null;
            if (changed) {
                Files.createDirectories(dataDir);
                Path temporary = Files.createTempFile(dataDir, FILE, ".tmp");
                restrict(temporary);
                try (Writer writer = Files.newBufferedWriter(temporary)) {
                    properties.store(writer, "the local suite's secrets: keep private, keep with the data");
                }
                Files.move(temporary, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            }
            return new SuiteSecrets(properties.getProperty(CREDENTIALS_KEY), properties.getProperty(NOTIFICATIONS_SECRET));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write " + file, e);
        }
    }

    /** The shared secret of registry push notifications. */
    String notificationsSecret() {
        return notificationsSecret;
    }

    /** import-service's environment: its secrets, in the variables its configuration reads. */
    Map<String, String> importServiceEnvironment() {
        return Map.of("IMAGESTREAMS_CREDENTIALS_ENCRYPTION_KEY", credentialsKey,
                "IMAGESTREAMS_NOTIFICATIONS_SECRET", notificationsSecret);
    }

    private static String random(int bytes) {
        byte[] value = new byte[bytes];
        new SecureRandom().nextBytes(value);
        return Base64.getEncoder().encodeToString(value);
    }

    private static void restrict(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // the folder's own permissions protect it
        }
    }
}
