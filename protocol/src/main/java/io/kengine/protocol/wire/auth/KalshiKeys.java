package io.kengine.protocol.wire.auth;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

/**
 * Reads RSA keys from PEM text with BouncyCastle's parser; the keys come out as plain JDK keys (the
 * default provider), so signing uses the JDK's RSASSA-PSS and BouncyCastle is never registered as a
 * provider.
 *
 * <ul>
 *   <li>Private: PKCS#1 {@code BEGIN RSA PRIVATE KEY} (how Kalshi's download is labelled, see
 *       kalshi-api.md §1.4) or PKCS#8 {@code BEGIN PRIVATE KEY}.</li>
 *   <li>Public: X.509 SubjectPublicKeyInfo {@code BEGIN PUBLIC KEY} or PKCS#1 {@code BEGIN RSA PUBLIC KEY}.</li>
 * </ul>
 * Anything else (encrypted keys, certificates, EC keys, not PEM at all) is a {@link KalshiKeyException}
 * that names what was found. Messages never contain key material or the input text.
 */
public final class KalshiKeys {
    private KalshiKeys() {
    }

    public static PrivateKey readPrivateKey(Path file) {
        return readPrivateKey(readFile(file), "file " + file);
    }

    /** PEM text holding one RSA private key (other PEM blocks before it are skipped). */
    public static PrivateKey readPrivateKey(String pem) {
        return readPrivateKey(pem, "PEM text");
    }

    public static PublicKey readPublicKey(Path file) {
        return readPublicKey(readFile(file), "file " + file);
    }

    /** PEM text holding one RSA public key (other PEM blocks before it are skipped). */
    public static PublicKey readPublicKey(String pem) {
        return readPublicKey(pem, "PEM text");
    }

    /** The public half of a private key that carries its CRT parameters (every PKCS#1/#8 RSA key does). */
    public static RSAPublicKey publicKeyOf(PrivateKey privateKey) {
        if (!(privateKey instanceof RSAPrivateCrtKey)) {
            throw new KalshiKeyException("cannot derive a public key: not an RSA private key with CRT parameters");
        }
        RSAPrivateCrtKey crt = (RSAPrivateCrtKey) privateKey;
        try {
            return (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new RSAPublicKeySpec(crt.getModulus(), crt.getPublicExponent()));
        } catch (java.security.GeneralSecurityException e) {
            throw new KalshiKeyException("cannot derive a public key: " + e.getClass().getSimpleName(), e);
        }
    }

    private static PrivateKey readPrivateKey(String pem, String source) {
        JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
        List<String> found = new ArrayList<>();
        for (Object o : parseAll(pem, source)) {
            try {
                if (o instanceof PEMKeyPair) {
                    return requireRsa(converter.getKeyPair((PEMKeyPair) o).getPrivate(), source);
                }
                if (o instanceof PrivateKeyInfo) {
                    return requireRsa(converter.getPrivateKey((PrivateKeyInfo) o), source);
                }
            } catch (IOException e) {
                throw new KalshiKeyException(source + ": the private key block could not be decoded ("
                        + e.getClass().getSimpleName() + ")", e);
            }
            found.add(describe(o));
        }
        throw new KalshiKeyException(source + ": no unencrypted private key found, expected "
                + "\"BEGIN RSA PRIVATE KEY\" (PKCS#1) or \"BEGIN PRIVATE KEY\" (PKCS#8); found " + summary(found));
    }

    private static PublicKey readPublicKey(String pem, String source) {
        List<String> found = new ArrayList<>();
        for (Object o : parseAll(pem, source)) {
            if (o instanceof SubjectPublicKeyInfo) {
                try {
                    PublicKey key = new JcaPEMKeyConverter().getPublicKey((SubjectPublicKeyInfo) o);
                    if (!(key instanceof RSAPublicKey)) {
                        throw new KalshiKeyException(source + ": expected an RSA public key, found a "
                                + key.getAlgorithm() + " key");
                    }
                    return key;
                } catch (IOException e) {
                    throw new KalshiKeyException(source + ": the public key block could not be decoded ("
                            + e.getClass().getSimpleName() + ")", e);
                }
            }
            found.add(describe(o));
        }
        throw new KalshiKeyException(source + ": no public key found, expected \"BEGIN PUBLIC KEY\" or "
                + "\"BEGIN RSA PUBLIC KEY\"; found " + summary(found));
    }

    private static PrivateKey requireRsa(PrivateKey key, String source) {
        if (!(key instanceof RSAPrivateKey)) {
            throw new KalshiKeyException(source + ": expected an RSA private key, found a " + key.getAlgorithm() + " key");
        }
        return key;
    }

    private static List<Object> parseAll(String pem, String source) {
        if (pem == null) {
            throw new KalshiKeyException(source + ": null");
        }
        List<Object> objects = new ArrayList<>();
        try (Reader r = new StringReader(pem); PEMParser parser = new PEMParser(r)) {
            for (Object o = parser.readObject(); o != null; o = parser.readObject()) {
                objects.add(o);
            }
        } catch (IOException | RuntimeException e) {
            // BouncyCastle's messages describe structure, but we do not relay them: keep key text out of logs.
            throw new KalshiKeyException(source + ": malformed PEM (" + e.getClass().getSimpleName() + ")", e);
        }
        return objects;
    }

    private static String describe(Object o) {
        if (o instanceof PEMEncryptedKeyPair || o instanceof PKCS8EncryptedPrivateKeyInfo) {
            return "an encrypted private key (decrypt it first, e.g. openssl pkey -in k.pem -out plain.pem)";
        }
        if (o instanceof X509CertificateHolder) {
            return "a certificate";
        }
        if (o instanceof PEMKeyPair || o instanceof PrivateKeyInfo) {
            return "a private key";
        }
        if (o instanceof SubjectPublicKeyInfo) {
            return "a public key";
        }
        return "a " + o.getClass().getSimpleName();
    }

    private static String summary(List<String> found) {
        return found.isEmpty() ? "no PEM block" : String.join(", ", found);
    }

    private static String readFile(Path file) {
        try {
            return Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new KalshiKeyException("cannot read key file " + file + ": " + e.getClass().getSimpleName(), e);
        }
    }
}
