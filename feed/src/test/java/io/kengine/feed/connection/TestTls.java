package io.kengine.feed.connection;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

/**
 * Self-signed server certificates made at test time (BouncyCastle's bcpkix, already on the classpath through
 * protocol/; the JDK's own providers do the signing and the TLS), and the two sides' {@link SSLContext}s:
 * the server presents the key, a client trusts exactly that one certificate — nothing else, no "trust all".
 */
final class TestTls {
    private static final char[] PASSWORD = "test".toCharArray();

    /** A key pair and its self-signed certificate. */
    record Identity(KeyPair keys, X509Certificate certificate) {

        /** For the server: presents this certificate (TLS 1.2/1.3, the JDK's defaults otherwise). */
        SSLContext serverContext() throws Exception {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setKeyEntry("server", keys.getPrivate(), PASSWORD, new Certificate[] {certificate});
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(ks, PASSWORD);
            SSLContext c = SSLContext.getInstance("TLS");
            c.init(kmf.getKeyManagers(), null, null);
            return c;
        }

        /** For the client: trusts this certificate and nothing else (PKIX, the JDK's default trust manager). */
        SSLSocketFactory trustingClient() throws Exception {
            KeyStore ts = KeyStore.getInstance("PKCS12");
            ts.load(null, null);
            ts.setCertificateEntry("trusted", certificate);
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(ts);
            SSLContext c = SSLContext.getInstance("TLS");
            c.init(null, tmf.getTrustManagers(), null);
            return c.getSocketFactory();
        }
    }

    private TestTls() {
    }

    /**
     * An EC P-256 key and a self-signed server certificate valid from an hour ago for a day, with the given
     * subject alternative names ({@code "DNS:name"} or {@code "IP:address"}), key usage digitalSignature and
     * extended key usage serverAuth.
     */
    static Identity selfSigned(String commonName, String... subjectAltNames) throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair keys = g.generateKeyPair();
        GeneralName[] names = new GeneralName[subjectAltNames.length];
        for (int i = 0; i < names.length; i++) {
            String san = subjectAltNames[i];
            if (san.startsWith("DNS:")) {
                names[i] = new GeneralName(GeneralName.dNSName, san.substring(4));
            } else if (san.startsWith("IP:")) {
                names[i] = new GeneralName(GeneralName.iPAddress, san.substring(3));
            } else {
                throw new IllegalArgumentException("DNS:… or IP:…, not " + san);
            }
        }
        X500Name subject = new X500Name("CN=" + commonName);
        Instant now = Instant.now();
        JcaX509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(subject,
                new BigInteger(64, new SecureRandom()).setBit(63), Date.from(now.minus(Duration.ofHours(1))),
                Date.from(now.plus(Duration.ofDays(1))), subject, keys.getPublic());
        b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(names));
        b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
        b.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
        X509Certificate cert = new JcaX509CertificateConverter()
                .getCertificate(b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())));
        cert.checkValidity();
        cert.verify(keys.getPublic());
        return new Identity(keys, cert);
    }
}
