package io.imagestreams.stream.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Verifies JWT bearer tokens (JWS compact form, RS256/384/512, PS256/384/512 or ES256/384/512) against the
 * configured keys, issuer and audience, and reads the user, groups and grants from their claims. Grants come from
 * the roles claim and from the groups the token names ({@code group-roles}).
 */
public final class TokenVerifier {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration CLOCK_SKEW = Duration.ofSeconds(60);

    private final Function<String, Collection<PublicKey>> keys;
    private final String issuer;
    private final Optional<String> audience;
    private final String usernameClaim;
    private final String rolesClaim;
    private final String groupsClaim;
    private final Map<String, List<String>> groupGrants;

    /**
     * @param keys        the candidate keys for a key id ({@code ""} when the token names none)
     * @param groupGrants grants per group name, for providers whose tokens carry groups but no roles
     */
    public TokenVerifier(Function<String, Collection<PublicKey>> keys, String issuer, Optional<String> audience, String usernameClaim,
            String rolesClaim, String groupsClaim, Map<String, List<String>> groupGrants) {
        this.keys = keys;
        this.issuer = issuer;
        this.audience = audience;
        this.usernameClaim = usernameClaim;
        this.rolesClaim = rolesClaim;
        this.groupsClaim = groupsClaim;
        this.groupGrants = groupGrants;
    }

    /** The identity {@code token} proves at {@code now}; the exception says why it proves none (for the log only). */
    public Identity verify(String token, Instant now) throws InvalidToken {
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            throw new InvalidToken("not a JWS in compact form");
        }
        JsonNode header = json(parts[0], "header");
        JsonNode claims = json(parts[1], "claims");
        String algorithm = header.path("alg").asText();
        String signatureAlgorithm = switch (algorithm) {
            case "RS256" -> "SHA256withRSA";
            case "RS384" -> "SHA384withRSA";
            case "RS512" -> "SHA512withRSA";
            case "PS256" -> "RSASSA-PSS";
            case "PS384" -> "RSASSA-PSS";
            case "PS512" -> "RSASSA-PSS";
            case "ES256" -> "SHA256withECDSAinP1363Format";
            case "ES384" -> "SHA384withECDSAinP1363Format";
            case "ES512" -> "SHA512withECDSAinP1363Format";
            default -> throw new InvalidToken("unsupported algorithm " + algorithm); // also "none" and HMAC
        };
        byte[] signed = (parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII);
        byte[] signature = decode(parts[2], "signature");
        boolean verified = false;
        for (PublicKey key : keys.apply(header.path("kid").asText(""))) {
            if (matches(key, algorithm) && verifies(signatureAlgorithm, algorithm, key, signed, signature)) {
                verified = true;
                break;
            }
        }
        if (!verified) {
            throw new InvalidToken("signature does not verify with any configured key");
        }
        checkTimes(claims, now);
        if (!issuer.equals(claims.path("iss").asText(null))) {
            throw new InvalidToken("issuer " + claims.path("iss").asText("(none)") + " is not " + issuer);
        }
        if (audience.isPresent() && !strings(claims.get("aud")).contains(audience.get())) {
            throw new InvalidToken("audience does not include " + audience.get());
        }
        String user = claims.path(usernameClaim).asText("");
        if (user.isEmpty()) {
            throw new InvalidToken("no " + usernameClaim + " claim");
        }
        List<String> groups = strings(claims.get(groupsClaim));
        List<Grant> grants = new ArrayList<>();
        strings(claims.get(rolesClaim)).forEach(value -> Grant.parse(value).ifPresent(grants::add));
        groups.forEach(group -> groupGrants.getOrDefault(group, List.of()).forEach(value -> Grant.parse(value).ifPresent(grants::add)));
        return new Identity(user, groups, grants);
    }

    private static void checkTimes(JsonNode claims, Instant now) throws InvalidToken {
        if (!claims.path("exp").isNumber()) {
            throw new InvalidToken("no exp claim");
        }
        if (now.minus(CLOCK_SKEW).isAfter(Instant.ofEpochSecond(claims.get("exp").asLong()))) {
            throw new InvalidToken("expired");
        }
        if (claims.path("nbf").isNumber() && now.plus(CLOCK_SKEW).isBefore(Instant.ofEpochSecond(claims.get("nbf").asLong()))) {
            throw new InvalidToken("not valid yet");
        }
    }

    private static boolean matches(PublicKey key, String algorithm) {
        return algorithm.startsWith("ES") ? key instanceof ECPublicKey : key instanceof RSAPublicKey;
    }

    private static boolean verifies(String signatureAlgorithm, String algorithm, PublicKey key, byte[] signed, byte[] signature) {
        try {
            Signature verifier = Signature.getInstance(signatureAlgorithm);
            if (algorithm.startsWith("PS")) {
                String digest = "SHA-" + algorithm.substring(2);
                int saltLength = Integer.parseInt(algorithm.substring(2)) / 8;
                verifier.setParameter(new java.security.spec.PSSParameterSpec(digest, "MGF1",
                        new java.security.spec.MGF1ParameterSpec(digest), saltLength, 1));
            }
            verifier.initVerify(key);
            verifier.update(signed);
            return verifier.verify(signature);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    private static List<String> strings(JsonNode node) {
        List<String> values = new ArrayList<>();
        if (node == null || node.isNull()) {
            return values;
        }
        if (node.isArray()) {
            node.forEach(value -> values.add(value.asText()));
        } else {
            for (String value : node.asText().split("[,\\s]+")) {
                if (!value.isEmpty()) {
                    values.add(value);
                }
            }
        }
        return values;
    }

    private static JsonNode json(String part, String what) throws InvalidToken {
        try {
            JsonNode node = JSON.readTree(decode(part, what));
            if (node == null || !node.isObject()) {
                throw new InvalidToken("the " + what + " is not a JSON object");
            }
            return node;
        } catch (java.io.IOException e) {
            throw new InvalidToken("the " + what + " is not JSON");
        }
    }

    private static byte[] decode(String part, String what) throws InvalidToken {
        try {
            return Base64.getUrlDecoder().decode(part);
        } catch (IllegalArgumentException e) {
            throw new InvalidToken("the " + what + " is not base64url");
        }
    }

    /** Why a token proves no identity. */
    public static final class InvalidToken extends Exception {

        public InvalidToken(String message) {
            super(message, null, false, false);
        }
    }
}
