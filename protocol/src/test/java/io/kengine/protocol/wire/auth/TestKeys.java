package io.kengine.protocol.wire.auth;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.util.io.pem.PemObject;

/** Test key pairs, generated once per JVM, and their PEM texts in every form Kalshi users meet. */
final class TestKeys {
    static final KeyPair RSA_2048 = generate("RSA", 2048);
    static final KeyPair OTHER_RSA_1024 = generate("RSA", 1024);

    static final String PKCS1_PRIVATE = pem("RSA PRIVATE KEY", pkcs1(RSA_2048));
    static final String PKCS8_PRIVATE = pem("PRIVATE KEY", RSA_2048.getPrivate().getEncoded());
    static final String SPKI_PUBLIC = pem("PUBLIC KEY", RSA_2048.getPublic().getEncoded());
    static final String PKCS1_PUBLIC = pem("RSA PUBLIC KEY", pkcs1Public(RSA_2048));

    private TestKeys() {
    }

    static KeyPair generate(String algorithm, int bits) {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance(algorithm);
            g.initialize(bits);
            return g.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The PKCS#1 RSAPrivateKey structure inside the PKCS#8 wrapper. */
    static byte[] pkcs1(KeyPair pair) {
        try {
            return PrivateKeyInfo.getInstance(pair.getPrivate().getEncoded()).parsePrivateKey().toASN1Primitive().getEncoded();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] pkcs1Public(KeyPair pair) {
        try {
            return SubjectPublicKeyInfo.getInstance(pair.getPublic().getEncoded()).parsePublicKey().getEncoded();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String pem(String type, byte[] der) {
        return pem(new PemObject(type, der));
    }

    static String pem(Object object) {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter w = new JcaPEMWriter(out)) {
            w.writeObject(object instanceof PemObject ? (PemObject) object : object);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
