package io.imagestreams.stream.auth;

import java.security.GeneralSecurityException;
import java.security.cert.CertPathValidator;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateParsingException;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.security.auth.x500.X500Principal;

/**
 * Whom the front-proxy headers are believed from: a client certificate that chains to one of the request-header
 * client CAs, is meant for client authentication, and, when names are configured, has one of them as its common
 * name (kube-apiserver's {@code --requestheader-client-ca-file} and {@code --requestheader-allowed-names}).
 *
 * @param authorities  the request-header client CAs; none: no certificate is believed
 * @param allowedNames the common names a front proxy may have; empty: any the CAs signed
 * @param source       where the CAs were read from, for the log
 */
public record FrontProxyTrust(List<X509Certificate> authorities, List<String> allowedNames, String source) {

    /** Nothing read yet: every certificate is refused. */
    public static final FrontProxyTrust NONE = new FrontProxyTrust(List.of(), List.of(), "nothing");

    static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";
    static final String ANY_EXTENDED_KEY_USAGE = "2.5.29.37.0";

    public FrontProxyTrust {
        authorities = List.copyOf(authorities);
        allowedNames = List.copyOf(allowedNames);
    }

    /** The certificates of a PEM bundle ({@code -----BEGIN CERTIFICATE-----} blocks); none is an error. */
    public static List<X509Certificate> parsePem(String pem) {
        try {
            Collection<? extends Certificate> certificates = CertificateFactory.getInstance("X.509")
                    .generateCertificates(new java.io.ByteArrayInputStream(pem.getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
            List<X509Certificate> result = new ArrayList<>();
            for (Certificate certificate : certificates) {
                result.add((X509Certificate) certificate);
            }
            if (result.isEmpty()) {
                throw new IllegalArgumentException("no PEM certificate");
            }
            return result;
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not PEM certificates: " + e.getMessage(), e);
        }
    }

    /** Why {@code chain} (the client's certificate first) is not a front proxy's at {@code now}; empty when it is. */
    public Optional<String> problem(List<? extends Certificate> chain, Date now) {
        if (authorities.isEmpty()) {
            return Optional.of("no request-header client CA is loaded");
        }
        if (chain == null || chain.isEmpty() || !(chain.get(0) instanceof X509Certificate leaf)) {
            return Optional.of("no X.509 client certificate");
        }
        List<X509Certificate> path = new ArrayList<>();
        path.add(leaf);
        for (Certificate certificate : chain.subList(1, chain.size())) {
            // the path ends below the trust anchor; a client may send the CA along, which is not part of it
            if (certificate instanceof X509Certificate x509 && !authorities.contains(x509)) {
                path.add(x509);
            }
        }
        try {
            Set<TrustAnchor> anchors = new LinkedHashSet<>();
            authorities.forEach(ca -> anchors.add(new TrustAnchor(ca, null)));
            PKIXParameters parameters = new PKIXParameters(anchors);
            parameters.setRevocationEnabled(false);
            parameters.setDate(now);
            CertPathValidator.getInstance("PKIX").validate(CertificateFactory.getInstance("X.509").generateCertPath(path), parameters);
        } catch (GeneralSecurityException e) {
            return Optional.of("the client certificate " + leaf.getSubjectX500Principal().getName(X500Principal.RFC2253)
                    + " does not verify against the request-header client CA: " + e.getMessage());
        }
        try {
            List<String> usages = leaf.getExtendedKeyUsage();
            if (usages != null && !usages.contains(CLIENT_AUTH) && !usages.contains(ANY_EXTENDED_KEY_USAGE)) {
                return Optional.of("the client certificate is not meant for client authentication (extended key usage " + usages + ")");
            }
        } catch (CertificateParsingException e) {
            return Optional.of("the client certificate's extended key usage does not parse");
        }
        if (!allowedNames.isEmpty()) {
            String name = commonName(leaf);
            if (!allowedNames.contains(name)) {
                return Optional.of("the client certificate's common name \"" + name + "\" is not one of the allowed front-proxy names " + allowedNames);
            }
        }
        return Optional.empty();
    }

    /** The subject's common name (the last one, as Go reads it), {@code ""} when it has none. */
    static String commonName(X509Certificate certificate) {
        String name = "";
        try {
            for (Rdn rdn : new LdapName(certificate.getSubjectX500Principal().getName(X500Principal.RFC2253)).getRdns()) {
                if ("CN".equalsIgnoreCase(rdn.getType())) {
                    name = String.valueOf(rdn.getValue());
                }
            }
        } catch (InvalidNameException e) {
            return "";
        }
        return name;
    }
}
