package io.imagestreams.stream.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.imagestreams.launcher.LocalTokens;
import io.imagestreams.stream.auth.TokenVerifier.InvalidToken;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Signature, issuer, audience and time checks of bearer tokens, and the grants read from their claims. */
class TokenVerifierTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final KeyPair ecKeys = LocalTokens.newKeyPair();
    private final LocalTokens issuer = new LocalTokens(ecKeys.getPrivate(), "https://issuer.example");

    @Test
    void aTokenSignedByATrustedKeyNamesItsUserAndGrants() throws Exception {
        // given
        String token = issuer.token("alice", List.of("team-a:edit", "*:view", "registry-viewer", "team-b:unknown"), Duration.ofHours(1), NOW);

        // when
        Identity identity = verifier(Map.of()).verify(token, NOW);

        // then: unknown roles grant nothing; a bare role means all namespaces
        assertThat(identity.user()).isEqualTo("alice");
        assertThat(identity.grants()).extracting(Grant::toString).containsExactly("team-a:edit", "*:view", "*:registry-viewer");
        assertThat(identity.allows("create", "imagestreams", "team-a")).isTrue();
        assertThat(identity.allows("create", "imagestreams", "team-b")).isFalse();
        assertThat(identity.allows("list", "imagestreams", null)).isTrue();
        assertThat(identity.allows("get", "images", null)).isTrue();
    }

    @Test
    void groupsClaimGrantsWhatTheConfigurationMapsThemTo() throws Exception {
        // given
        String claims = claims("bob", "").replace("\"roles\":[]", "\"groups\":[\"platform\",\"other\"]");
        String token = issuer.sign("{\"alg\":\"ES256\"}", claims);

        // when
        Identity identity = verifier(Map.of("platform", List.of("*:registry-editor"))).verify(token, NOW);

        // then
        assertThat(identity.groups()).containsExactly("platform", "other");
        assertThat(identity.allows("delete", "images", null)).isTrue();
    }

    @Test
    void refusesTokensItCannotTrust() {
        TokenVerifier verifier = verifier(Map.of());
        LocalTokens stranger = new LocalTokens(LocalTokens.newKeyPair().getPrivate(), "https://issuer.example");
        LocalTokens otherIssuer = new LocalTokens(ecKeys.getPrivate(), "https://elsewhere.example");
        String good = issuer.token("alice", List.of("*:view"), Duration.ofHours(1), NOW);
        String[] parts = good.split("\\.");
        String unsigned = B64.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8)) + "." + parts[1] + ".";
        String tampered = parts[0] + "." + B64.encodeToString(claims("mallory", "\"*:admin\"").getBytes(StandardCharsets.UTF_8)) + "." + parts[2];

        assertRefused(verifier, stranger.token("alice", List.of("*:view"), Duration.ofHours(1), NOW), "signature");
        assertRefused(verifier, otherIssuer.token("alice", List.of("*:view"), Duration.ofHours(1), NOW), "issuer");
        assertRefused(verifier, issuer.token("alice", List.of("*:view"), Duration.ofMinutes(5), NOW.minus(Duration.ofMinutes(10))), "expired");
        assertRefused(verifier, unsigned, "unsupported algorithm none");
        assertRefused(verifier, tampered, "signature");
        assertRefused(verifier, "not-a-token", "compact form");
        assertRefused(verifier, issuer.sign("{\"alg\":\"ES256\"}", claims("alice", "").replace(",\"exp\":" + NOW.plusSeconds(3600).getEpochSecond(), "")),
                "no exp");
        assertRefused(verifierWithAudience(), good, "audience");
    }

    @Test
    void verifiesRsaTokensWithKeysFromAJwkSetByKeyId() throws Exception {
        // given an RSA key published in a JWK Set under a key id
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair rsa = generator.generateKeyPair();
        RSAPublicKey publicKey = (RSAPublicKey) rsa.getPublic();
        String jwks = """
                {"keys":[{"kty":"RSA","kid":"k1","use":"sig","n":"%s","e":"%s"},{"kty":"oct","k":"c2VjcmV0"}]}"""
                .formatted(unsigned(publicKey.getModulus()), unsigned(publicKey.getPublicExponent()));
        Map<String, PublicKey> keys = PublicKeys.fromJwks(new ObjectMapper().readTree(jwks));
        TokenVerifier verifier = new TokenVerifier(kid -> keys.containsKey(kid) ? List.of(keys.get(kid)) : List.of(), "https://issuer.example",
                Optional.empty(), "sub", "roles", "groups", Map.of());
        String header = B64.encodeToString("{\"alg\":\"RS256\",\"kid\":\"k1\"}".getBytes(StandardCharsets.UTF_8));
        String body = B64.encodeToString(claims("carol", "\"team-c:view\"").getBytes(StandardCharsets.UTF_8));
        Signature signature = Signature.getInstance("SHA256withRSA");
        signature.initSign(rsa.getPrivate());
        signature.update((header + "." + body).getBytes(StandardCharsets.US_ASCII));
        String token = header + "." + body + "." + B64.encodeToString(signature.sign());

        // when / then
        assertThat(keys).containsOnlyKeys("k1");
        assertThat(verifier.verify(token, NOW).user()).isEqualTo("carol");
        String otherKid = B64.encodeToString("{\"alg\":\"RS256\",\"kid\":\"k2\"}".getBytes(StandardCharsets.UTF_8));
        assertRefused(verifier, otherKid + "." + body + "." + token.split("\\.")[2], "signature");
    }

    @Test
    void readsPemPublicKeys() {
        // given
        String pem = LocalTokens.pem("PUBLIC KEY", ecKeys.getPublic().getEncoded());

        // when / then
        assertThat(PublicKeys.fromPem("comment\n" + pem + pem)).hasSize(2).allSatisfy(key -> assertThat(key).isEqualTo(ecKeys.getPublic()));
        assertThatThrownBy(() -> PublicKeys.fromPem("nothing here")).hasMessageContaining("no -----BEGIN PUBLIC KEY----- block");
    }

    private TokenVerifier verifier(Map<String, List<String>> groupRoles) {
        return new TokenVerifier(kid -> List.of(ecKeys.getPublic()), "https://issuer.example", Optional.empty(), "sub", "roles", "groups",
                groupRoles);
    }

    private TokenVerifier verifierWithAudience() {
        return new TokenVerifier(kid -> List.of(ecKeys.getPublic()), "https://issuer.example", Optional.of("imagestreams"), "sub", "roles",
                "groups", Map.of());
    }

    private static String claims(String user, String roles) {
        return "{\"iss\":\"https://issuer.example\",\"sub\":\"" + user + "\",\"exp\":" + NOW.plusSeconds(3600).getEpochSecond() + ",\"roles\":["
                + roles + "]}";
    }

    private static void assertRefused(TokenVerifier verifier, String token, String why) {
        assertThatThrownBy(() -> verifier.verify(token, NOW)).isInstanceOf(InvalidToken.class).hasMessageContaining(why);
    }

    private static String unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes[0] == 0) {
            bytes = java.util.Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return B64.encodeToString(bytes);
    }
}
