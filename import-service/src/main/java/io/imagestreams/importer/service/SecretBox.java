package io.imagestreams.importer.service;

import io.imagestreams.importer.config.ImportServiceConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts pull credentials at rest with AES-256-GCM under the configured key. The namespace is bound in as
 * associated data, so a ciphertext copied to another namespace's document does not decrypt.
 * Format: {@code v1:<base64(iv ‖ ciphertext ‖ tag)>}.
 */
@ApplicationScoped
public class SecretBox {

    static final String NOT_CONFIGURED = "credentials cannot be stored: no encryption key is configured"
            + " (imagestreams.credentials.encryption-key)";
    private static final String VERSION = "v1:";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final Optional<SecretKeySpec> key;
    private final SecureRandom random = new SecureRandom();

    @Inject
    public SecretBox(ImportServiceConfig config) {
        this(config.credentials().encryptionKey());
    }

    SecretBox(Optional<String> base64Key) {
        this.key = base64Key.filter(text -> !text.isBlank()).map(SecretBox::parseKey);
    }

    private static SecretKeySpec parseKey(String base64) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("imagestreams.credentials.encryption-key is not base64");
        }
        if (bytes.length != 32) {
            throw new IllegalArgumentException("imagestreams.credentials.encryption-key must be 32 bytes (base64), not "
                    + bytes.length);
        }
        return new SecretKeySpec(bytes, "AES");
    }

    public boolean configured() {
        return key.isPresent();
    }

    public String seal(String namespace, String plaintext) {
        SecretKeySpec secretKey = key.orElseThrow(() -> new ApiException(503, NOT_CONFIGURED, null));
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, secretKey, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(namespace.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            return VERSION + Base64.getEncoder().encodeToString(ByteBuffer.allocate(iv.length + sealed.length)
                    .put(iv).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("credentials could not be encrypted", e);
        }
    }

    /** @throws IllegalStateException when the key is missing or not the one the secret was sealed with */
    public String open(String namespace, String sealed) {
        SecretKeySpec secretKey = key.orElseThrow(() -> new IllegalStateException(NOT_CONFIGURED));
        if (!sealed.startsWith(VERSION)) {
            throw new IllegalStateException("stored credentials of " + namespace + " are in an unknown format");
        }
        byte[] bytes = Base64.getDecoder().decode(sealed.substring(VERSION.length()));
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, secretKey, new GCMParameterSpec(TAG_BITS, bytes, 0, IV_BYTES));
            cipher.updateAAD(namespace.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(bytes, IV_BYTES, bytes.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("stored credentials of " + namespace
                    + " cannot be decrypted with the configured key");
        }
    }
}
