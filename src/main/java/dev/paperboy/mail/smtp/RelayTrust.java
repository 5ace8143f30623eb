package dev.paperboy.mail.smtp;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * The TLS trust for a relay whose certificate a private CA signed: the certificates of a PEM file, and only those,
 * through the JDK's own trust manager, so chains, expiry and the rest are checked as for any CA.
 */
final class RelayTrust {

    private RelayTrust() {}

    /** @throws IllegalStateException naming the file when it cannot be read or holds no certificate */
    static SSLSocketFactory socketFactory(Path pem) {
        try (InputStream in = Files.newInputStream(pem)) {
            Collection<? extends Certificate> certificates = CertificateFactory.getInstance("X.509")
                    .generateCertificates(in);
            if (certificates.isEmpty()) {
                throw new IllegalStateException("paperboy.mail.smtp.trust-certificates: " + pem + " holds no certificate");
            }
            KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
            trusted.load(null, null);
            int i = 0;
            for (Certificate c : certificates) {
                trusted.setCertificateEntry("relay-ca-" + i++, c);
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trusted);
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(null, tmf.getTrustManagers(), null);
            return tls.getSocketFactory();
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("paperboy.mail.smtp.trust-certificates: cannot read " + pem + ": "
                    + e.getMessage(), e);
        }
    }
}
