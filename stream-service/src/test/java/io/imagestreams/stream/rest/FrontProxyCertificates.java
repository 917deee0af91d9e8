package io.imagestreams.stream.rest;

import io.imagestreams.testsupport.registry.SelfSignedCertificate;
import io.imagestreams.testsupport.tls.ClientCertificate;
import io.imagestreams.testsupport.tls.TestCertificateAuthority;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The certificates of the aggregated API server mode's tests, made once with keytool and read back by the test
 * profile and the test (which run in different class loaders): stream-service's serving certificate, the
 * request-header client CA with the front proxy's certificate ({@code CN=front-proxy-client}) and one of a name
 * not allowed, and another CA with a certificate of the front proxy's name.
 */
public record FrontProxyCertificates(Path servingCertificate, Path servingKey, X509Certificate serving, Path clientCa, ClientCertificate proxy,
        ClientCertificate wrongName, ClientCertificate otherCa) {

    public static final String PROXY_NAME = "front-proxy-client";

    public static FrontProxyCertificates loadOrCreate(Path dir) {
        try {
            Path complete = dir.resolve("complete");
            if (!Files.exists(complete) || Files.getLastModifiedTime(complete).toInstant().isBefore(Instant.now().minus(Duration.ofDays(7)))) {
                create(dir);
                Files.writeString(complete, Instant.now().toString());
            }
            try (InputStream in = Files.newInputStream(dir.resolve("serving/tls.crt"))) {
                X509Certificate serving = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
                return new FrontProxyCertificates(dir.resolve("serving/tls.crt"), dir.resolve("serving/tls.key"), serving,
                        dir.resolve("request-header-ca/ca.crt"), ClientCertificate.load(dir.resolve("request-header-ca/proxy.p12")),
                        ClientCertificate.load(dir.resolve("request-header-ca/wrong-name.p12")),
                        ClientCertificate.load(dir.resolve("other-ca/proxy.p12")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void create(Path dir) throws IOException, GeneralSecurityException {
        if (Files.exists(dir)) {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
        Files.createDirectories(dir.resolve("serving"));
        SelfSignedCertificate.generate(dir.resolve("serving"));
        TestCertificateAuthority requestHeader = TestCertificateAuthority.create(dir.resolve("request-header-ca"), "front-proxy-ca");
        requestHeader.issueClient("proxy", PROXY_NAME);
        requestHeader.issueClient("wrong-name", "someone-else");
        TestCertificateAuthority other = TestCertificateAuthority.create(dir.resolve("other-ca"), "front-proxy-ca");
        other.issueClient("proxy", PROXY_NAME);
    }
}
