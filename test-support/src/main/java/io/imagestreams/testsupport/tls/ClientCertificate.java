package io.imagestreams.testsupport.tls;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedKeyManager;

/**
 * A client certificate with its key and chain (the issuing CA last), as {@link TestCertificateAuthority} issues it.
 * {@link #sslContext} presents it to any server that asks, whichever issuers the server names, so that a test can
 * also offer a certificate the server will not believe.
 */
public record ClientCertificate(PrivateKey key, X509Certificate[] chain) {

    static final String ALIAS = "client";

    /** Reads a {@code <alias>.p12} a {@link TestCertificateAuthority} wrote. */
    public static ClientCertificate load(Path file) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, TestCertificateAuthority.PASSWORD.toCharArray());
        }
        Certificate[] chain = store.getCertificateChain(ALIAS);
        return new ClientCertificate((PrivateKey) store.getKey(ALIAS, TestCertificateAuthority.PASSWORD.toCharArray()),
                Arrays.copyOf(chain, chain.length, X509Certificate[].class));
    }

    /** The client's own certificate. */
    public X509Certificate certificate() {
        return chain[0];
    }

    /** TLS that presents this certificate and trusts the server certificate {@code server} only. */
    public SSLContext sslContext(X509Certificate server) throws IOException, GeneralSecurityException {
        return context(new KeyManager[] {new Presenting()}, server);
    }

    /** TLS without a client certificate, trusting the server certificate {@code server} only. */
    public static SSLContext withoutCertificate(X509Certificate server) throws IOException, GeneralSecurityException {
        return context(null, server);
    }

    private static SSLContext context(KeyManager[] keys, X509Certificate server) throws IOException, GeneralSecurityException {
        KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
        trusted.load(null, null);
        trusted.setCertificateEntry("server", server);
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys, trust.getTrustManagers(), null);
        return context;
    }

    /** Always offers this certificate when a server asks for one. */
    private final class Presenting extends X509ExtendedKeyManager {

        @Override
        public String[] getClientAliases(String keyType, Principal[] issuers) {
            return new String[] {ALIAS};
        }

        @Override
        public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
            return ALIAS;
        }

        @Override
        public String chooseEngineClientAlias(String[] keyType, Principal[] issuers, SSLEngine engine) {
            return ALIAS;
        }

        @Override
        public String[] getServerAliases(String keyType, Principal[] issuers) {
            return null;
        }

        @Override
        public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
            return null;
        }

        @Override
        public X509Certificate[] getCertificateChain(String alias) {
            return chain.clone();
        }

        @Override
        public PrivateKey getPrivateKey(String alias) {
            return key;
        }
    }
}
