package io.imagestreams.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The local suite's token issuer for development (DESIGN §6, standalone mode): an EC P-256 key pair made once per
 * data folder, whose public half stream-service trusts when started with {@code IMAGESTREAMS_AUTH_MODE=jwt}, and
 * ES256 tokens signed with the private half ({@code ./suite token}).
 */
public final class LocalTokens {

    /** The issuer of the suite's tokens. */
    public static final String ISSUER = "imagestreams-local";
    static final String PRIVATE_KEY_FILE = "auth-signing-key.pem";
    static final String PUBLIC_KEY_FILE = "auth-public-key.pem";

    private final PrivateKey signingKey;
    private final String issuer;

    public LocalTokens(PrivateKey signingKey, String issuer) {
        this.signingKey = signingKey;
        this.issuer = issuer;
    }

    /** The data folder's key pair, made on first use; the public key's file is what stream-service reads. */
    public static LocalTokens loadOrCreate(Path dataDir) {
        Path privateFile = dataDir.resolve(PRIVATE_KEY_FILE);
        try {
            if (!Files.isRegularFile(privateFile) || !Files.isRegularFile(dataDir.resolve(PUBLIC_KEY_FILE))) {
                KeyPair pair = newKeyPair();
                Files.createDirectories(dataDir);
                write(dataDir, PUBLIC_KEY_FILE, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
                write(dataDir, PRIVATE_KEY_FILE, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
                return new LocalTokens(pair.getPrivate(), ISSUER);
            }
            String pem = Files.readString(privateFile);
            byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", "").trim());
            return new LocalTokens(KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(der)), ISSUER);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write the suite's token keys in " + dataDir, e);
        } catch (GeneralSecurityException e) {
            throw new LaunchException(privateFile + " does not hold an EC private key; delete it and the public key beside it to make new ones");
        }
    }

    public static Path publicKeyFile(Path dataDir) {
        return dataDir.resolve(PUBLIC_KEY_FILE);
    }

    /** A new EC P-256 key pair. */
    public static KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK cannot make EC P-256 keys", e);
        }
    }

    /** A PEM block of {@code type} around {@code der}. */
    public static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    /** A token for {@code user} with {@code grants} (e.g. {@code team-a:edit}), valid for {@code ttl} from {@code now}. */
    public String token(String user, List<String> grants, Duration ttl, Instant now) {
        String claims = "{\"iss\":" + json(issuer) + ",\"sub\":" + json(user) + ",\"iat\":" + now.getEpochSecond()
                + ",\"nbf\":" + now.getEpochSecond() + ",\"exp\":" + now.plus(ttl).getEpochSecond() + ",\"jti\":" + json(UUID.randomUUID().toString())
                + ",\"roles\":[" + grants.stream().map(LocalTokens::json).collect(Collectors.joining(",")) + "]}";
        return sign("{\"alg\":\"ES256\",\"typ\":\"JWT\"}", claims);
    }

    /** A compact JWS of {@code header} and {@code claims} (JSON texts), signed ES256 with this issuer's key. */
    public String sign(String header, String claims) {
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        String signed = base64.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                + base64.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
        try {
            Signature signature = Signature.getInstance("SHA256withECDSAinP1363Format");
            signature.initSign(signingKey);
            signature.update(signed.getBytes(StandardCharsets.US_ASCII));
            return signed + "." + base64.encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign with the suite's key", e);
        }
    }

    private static String json(String value) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    private static void write(Path dir, String name, String content) throws IOException {
        Path temporary = Files.createTempFile(dir, name, ".tmp");
        try {
            Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the folder's own permissions apply
        }
        Files.writeString(temporary, content);
        Files.move(temporary, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
