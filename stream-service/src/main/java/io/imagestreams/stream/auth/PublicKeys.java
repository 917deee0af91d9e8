package io.imagestreams.stream.auth;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Public keys from PEM text ({@code PUBLIC KEY} blocks, RSA or EC) and from JSON Web Key Sets. */
public final class PublicKeys {

    private static final Pattern PEM = Pattern.compile("-----BEGIN PUBLIC KEY-----([A-Za-z0-9+/=\\s]+)-----END PUBLIC KEY-----");

    private PublicKeys() {
    }

    /** Every {@code PUBLIC KEY} block of {@code pem}; fails when there is none or one does not decode. */
    public static List<PublicKey> fromPem(String pem) {
        List<PublicKey> keys = new ArrayList<>();
        Matcher matcher = PEM.matcher(pem);
        while (matcher.find()) {
            byte[] der = Base64.getMimeDecoder().decode(matcher.group(1));
            keys.add(decode(der));
        }
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("no -----BEGIN PUBLIC KEY----- block found");
        }
        return keys;
    }

    private static PublicKey decode(byte[] der) {
        for (String algorithm : List.of("RSA", "EC")) {
            try {
                return KeyFactory.getInstance(algorithm).generatePublic(new X509EncodedKeySpec(der));
            } catch (GeneralSecurityException e) {
                // try the next algorithm
            }
        }
        throw new IllegalArgumentException("a PUBLIC KEY block is neither an RSA nor an EC key");
    }

    /**
     * The signing keys of a JWK Set ({@code {"keys": [...]}}) by key id ({@code ""} for keys without one); keys
     * of other types or uses are left out.
     */
    public static Map<String, PublicKey> fromJwks(JsonNode jwks) {
        Map<String, PublicKey> keys = new LinkedHashMap<>();
        for (JsonNode jwk : jwks.path("keys")) {
            if (jwk.hasNonNull("use") && !"sig".equals(jwk.get("use").asText())) {
                continue;
            }
            try {
                PublicKey key = switch (jwk.path("kty").asText()) {
                    case "RSA" -> KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(unsigned(jwk, "n"), unsigned(jwk, "e")));
                    case "EC" -> ecKey(jwk);
                    default -> null;
                };
                if (key != null) {
                    keys.put(jwk.path("kid").asText(""), key);
                }
            } catch (GeneralSecurityException | IllegalArgumentException e) {
                // a key this service cannot use is skipped; tokens signed with it are refused
            }
        }
        return keys;
    }

    private static PublicKey ecKey(JsonNode jwk) throws GeneralSecurityException {
        String curve = switch (jwk.path("crv").asText()) {
            case "P-256" -> "secp256r1";
            case "P-384" -> "secp384r1";
            case "P-521" -> "secp521r1";
            default -> throw new IllegalArgumentException("unsupported curve");
        };
        AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
        parameters.init(new ECGenParameterSpec(curve));
        ECParameterSpec spec = parameters.getParameterSpec(ECParameterSpec.class);
        return KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(new ECPoint(unsigned(jwk, "x"), unsigned(jwk, "y")), spec));
    }

    private static BigInteger unsigned(JsonNode jwk, String field) {
        if (!jwk.hasNonNull(field)) {
            throw new IllegalArgumentException("missing " + field);
        }
        return new BigInteger(1, Base64.getUrlDecoder().decode(jwk.get(field).asText()));
    }
}
