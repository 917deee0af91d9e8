package io.imagestreams.testsupport.tls;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;

/**
 * A certificate authority for tests (EC P-256, 30 days), made with the JDK's {@code keytool}, that issues client
 * certificates ({@code extendedKeyUsage=clientAuth}), e.g. a Kubernetes front proxy's. Everything lives in one
 * directory: {@code ca.p12} (its key), {@code ca.crt} (its PEM certificate) and a {@code <alias>.p12} per client,
 * which {@link ClientCertificate#load} reads back in another class loader or JVM.
 */
public final class TestCertificateAuthority {

    static final String PASSWORD = "test-ca-store";
    private static final String CA_ALIAS = "ca";

    private final Path directory;
    private final X509Certificate certificate;

    private TestCertificateAuthority(Path directory, X509Certificate certificate) {
        this.directory = directory;
        this.certificate = certificate;
    }

    /** Makes a new CA named {@code CN=<commonName>} in {@code directory} (created when missing). */
    public static TestCertificateAuthority create(Path directory, String commonName) throws IOException, GeneralSecurityException {
        Files.createDirectories(directory);
        Keytool.run(directory, "-genkeypair", "-alias", CA_ALIAS, "-keyalg", "EC", "-groupname", "secp256r1", "-sigalg", "SHA256withECDSA",
                "-dname", "CN=" + commonName, "-ext", "bc:c", "-ext", "ku:c=keyCertSign,cRLSign", "-validity", "30",
                "-storetype", "PKCS12", "-keystore", "ca.p12", "-storepass", PASSWORD, "-keypass", PASSWORD);
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(directory.resolve("ca.p12"))) {
            store.load(in, PASSWORD.toCharArray());
        }
        X509Certificate certificate = (X509Certificate) store.getCertificate(CA_ALIAS);
        Files.writeString(directory.resolve("ca.crt"), pem(certificate));
        return new TestCertificateAuthority(directory, certificate);
    }

    /** The CA's PEM certificate file. */
    public Path certificateFile() {
        return directory.resolve("ca.crt");
    }

    public X509Certificate certificate() {
        return certificate;
    }

    /**
     * Issues a client certificate {@code CN=<commonName>} and keeps it, with its key and this CA's certificate, in
     * {@code <alias>.p12}.
     */
    public ClientCertificate issueClient(String alias, String commonName) throws IOException, GeneralSecurityException {
        String store = alias + ".key.p12";
        Keytool.run(directory, "-genkeypair", "-alias", alias, "-keyalg", "EC", "-groupname", "secp256r1", "-sigalg", "SHA256withECDSA",
                "-dname", "CN=" + commonName, "-validity", "30", "-storetype", "PKCS12", "-keystore", store, "-storepass", PASSWORD,
                "-keypass", PASSWORD);
        Keytool.run(directory, "-certreq", "-alias", alias, "-keystore", store, "-storepass", PASSWORD, "-file", alias + ".csr");
        Keytool.run(directory, "-gencert", "-alias", CA_ALIAS, "-keystore", "ca.p12", "-storepass", PASSWORD, "-infile", alias + ".csr",
                "-outfile", alias + ".crt", "-rfc", "-validity", "30", "-sigalg", "SHA256withECDSA",
                "-ext", "ku:c=digitalSignature", "-ext", "eku=clientAuth");
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(directory.resolve(store))) {
            keys.load(in, PASSWORD.toCharArray());
        }
        PrivateKey key = (PrivateKey) keys.getKey(alias, PASSWORD.toCharArray());
        X509Certificate leaf;
        try (InputStream in = Files.newInputStream(directory.resolve(alias + ".crt"))) {
            leaf = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
        KeyStore client = KeyStore.getInstance("PKCS12");
        client.load(null, null);
        client.setKeyEntry(ClientCertificate.ALIAS, key, PASSWORD.toCharArray(), new Certificate[] {leaf, certificate});
        Path file = directory.resolve(alias + ".p12");
        try (OutputStream out = Files.newOutputStream(file)) {
            client.store(out, PASSWORD.toCharArray());
        }
        return ClientCertificate.load(file);
    }

    static String pem(Certificate certificate) throws GeneralSecurityException {
        String base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(certificate.getEncoded());
        return "-----BEGIN CERTIFICATE-----\n" + base64 + "\n-----END CERTIFICATE-----\n";
    }
}
