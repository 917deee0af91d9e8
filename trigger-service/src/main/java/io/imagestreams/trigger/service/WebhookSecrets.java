package io.imagestreams.trigger.service;

import io.imagestreams.trigger.config.TriggerServiceConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Webhook signing secrets in the Standard Webhooks form {@code whsec_<base64>}: generated when a registration
 * has none, checked when given, and encrypted at rest (AES-GCM) when {@code imagestreams.webhooks.secret-encryption-key}
 * is set. Stored forms: {@code enc:v1:<base64 iv+ciphertext>} or the secret itself.
 */
@ApplicationScoped
public class WebhookSecrets {

    static final String PREFIX = "whsec_";
    private static final String ENCRYPTED_PREFIX = "enc:v1:";
    private static final int GENERATED_BYTES = 32;
    private static final int MIN_KEY_BYTES = 24;
    private static final int MAX_KEY_BYTES = 64;
    private static final int IV_BYTES = 12;

    private final SecureRandom random = new SecureRandom();
    private final SecretKey encryptionKey;

    public WebhookSecrets(TriggerServiceConfig config) {
        this.encryptionKey = config.webhooks().secretEncryptionKey().map(WebhookSecrets::aesKey).orElse(null);
    }

    private static SecretKey aesKey(String base64) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("imagestreams.webhooks.secret-encryption-key is not base64");
        }
        if (key.length != 16 && key.length != 24 && key.length != 32) {
            throw new IllegalArgumentException("imagestreams.webhooks.secret-encryption-key must be 16, 24 or 32 bytes");
        }
        return new SecretKeySpec(key, "AES");
    }

    public String generate() {
        byte[] key = new byte[GENERATED_BYTES];
        random.nextBytes(key);
        return PREFIX + Base64.getEncoder().encodeToString(key);
    }

    /** Throws a 400 naming {@code field} unless {@code secret} is {@code whsec_} + base64 of 24 to 64 bytes. */
    public void validate(String secret, String field) {
        if (!secret.startsWith(PREFIX)) {
            throw ApiException.badRequest(field, "the secret must have the form whsec_<base64>");
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(secret.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(field, "the part after whsec_ must be base64");
        }
        if (key.length < MIN_KEY_BYTES || key.length > MAX_KEY_BYTES) {
            throw ApiException.badRequest(field, "the secret must decode to " + MIN_KEY_BYTES + " to " + MAX_KEY_BYTES + " bytes");
        }
    }

    /** The HMAC key: the base64-decoded part after {@code whsec_}. */
    public byte[] signingKey(String storedSecret) {
        String secret = reveal(storedSecret);
        return Base64.getDecoder().decode(secret.substring(PREFIX.length()));
    }

    public String seal(String secret) {
        if (encryptionKey == null) {
            return secret;
        }
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, encryptionKey, new GCMParameterSpec(128, iv));
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            return ENCRYPTED_PREFIX + Base64.getEncoder().encodeToString(
                    ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt a webhook secret", e);
        }
    }

    String reveal(String stored) {
        if (!stored.startsWith(ENCRYPTED_PREFIX)) {
            return stored;
        }
        if (encryptionKey == null) {
            throw new IllegalStateException("a webhook secret is encrypted but no imagestreams.webhooks.secret-encryption-key is set");
        }
        try {
            byte[] sealed = Base64.getDecoder().decode(stored.substring(ENCRYPTED_PREFIX.length()));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, encryptionKey, new GCMParameterSpec(128, sealed, 0, IV_BYTES));
            return new String(cipher.doFinal(sealed, IV_BYTES, sealed.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot decrypt a webhook secret (wrong encryption key?)", e);
        }
    }
}
