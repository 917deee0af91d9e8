package io.imagestreams.stream.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.imagestreams.stream.rest.FrontProxyCertificates;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Whose front-proxy headers are believed: a client certificate of the request-header CA, of an allowed name, in date. */
class FrontProxyTrustTest {

    private static final FrontProxyCertificates CERTIFICATES = FrontProxyCertificates.loadOrCreate(Path.of("target", "front-proxy-test"));

    @Test
    void believesTheFrontProxysCertificateOnly() throws IOException {
        // given
        List<X509Certificate> ca = FrontProxyTrust.parsePem(Files.readString(CERTIFICATES.clientCa()));
        FrontProxyTrust named = new FrontProxyTrust(ca, List.of(FrontProxyCertificates.PROXY_NAME), "test");
        FrontProxyTrust anyName = new FrontProxyTrust(ca, List.of(), "test");
        Date now = new Date();

        // when / then
        assertThat(named.problem(List.of(CERTIFICATES.proxy().chain()), now)).isEmpty();
        assertThat(named.problem(List.of(CERTIFICATES.proxy().certificate()), now)).as("without the CA in the chain").isEmpty();
        assertThat(named.problem(List.of(CERTIFICATES.wrongName().chain()), now)).get().asString()
                .contains("common name \"someone-else\" is not one of the allowed front-proxy names");
        assertThat(anyName.problem(List.of(CERTIFICATES.wrongName().chain()), now)).as("no names configured: any the CA signed").isEmpty();
        assertThat(named.problem(List.of(CERTIFICATES.otherCa().chain()), now)).get().asString()
                .contains("does not verify against the request-header client CA");
        assertThat(named.problem(List.of(CERTIFICATES.proxy().chain()), new Date(now.getTime() + 90L * 24 * 3600 * 1000)))
                .as("expired").isPresent();
        assertThat(named.problem(List.of(CERTIFICATES.serving()), now)).as("a self-signed certificate").isPresent();
        assertThat(named.problem(List.of(), now)).isPresent();
        assertThat(FrontProxyTrust.NONE.problem(List.of(CERTIFICATES.proxy().chain()), now)).get().asString()
                .isEqualTo("no request-header client CA is loaded");
    }

    @Test
    void readsAPemBundleAndRefusesAnythingElse() throws IOException {
        String pem = Files.readString(CERTIFICATES.clientCa());
        assertThat(FrontProxyTrust.parsePem(pem + pem)).hasSize(2);
        assertThatThrownBy(() -> FrontProxyTrust.parsePem("not a certificate")).isInstanceOf(IllegalArgumentException.class);
        assertThat(FrontProxyTrust.commonName(CERTIFICATES.proxy().certificate())).isEqualTo(FrontProxyCertificates.PROXY_NAME);
    }
}
