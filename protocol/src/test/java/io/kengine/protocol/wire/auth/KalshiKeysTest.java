package io.kengine.protocol.wire.auth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

class KalshiKeysTest {

    @Test
    void readsEveryAcceptedForm() {
        PrivateKey p1 = KalshiKeys.readPrivateKey(TestKeys.PKCS1_PRIVATE);
        PrivateKey p8 = KalshiKeys.readPrivateKey(TestKeys.PKCS8_PRIVATE);
        assertTrue(TestKeys.PKCS1_PRIVATE.startsWith("-----BEGIN RSA PRIVATE KEY-----"));
        assertTrue(TestKeys.PKCS8_PRIVATE.startsWith("-----BEGIN PRIVATE KEY-----"));
        assertTrue(p1 instanceof RSAPrivateCrtKey);
        assertArrayEquals(TestKeys.RSA_2048.getPrivate().getEncoded(), p1.getEncoded());
        assertArrayEquals(TestKeys.RSA_2048.getPrivate().getEncoded(), p8.getEncoded());
        assertArrayEquals(TestKeys.RSA_2048.getPublic().getEncoded(), KalshiKeys.readPublicKey(TestKeys.SPKI_PUBLIC).getEncoded());
        assertArrayEquals(TestKeys.RSA_2048.getPublic().getEncoded(), KalshiKeys.readPublicKey(TestKeys.PKCS1_PUBLIC).getEncoded());
        assertArrayEquals(TestKeys.RSA_2048.getPublic().getEncoded(), KalshiKeys.publicKeyOf(p1).getEncoded());
    }

    @Test
    void toleratesSurroundingTextAndCrlf() {
        String messy = "Kalshi API key, downloaded 2026-01-01\r\n" + TestKeys.PKCS1_PRIVATE.replace("\n", "\r\n") + "\r\n\r\n";
        assertArrayEquals(TestKeys.RSA_2048.getPrivate().getEncoded(), KalshiKeys.readPrivateKey(messy).getEncoded());
        String both = TestKeys.SPKI_PUBLIC + TestKeys.PKCS8_PRIVATE;
        assertArrayEquals(TestKeys.RSA_2048.getPrivate().getEncoded(), KalshiKeys.readPrivateKey(both).getEncoded(),
                "blocks before the key are skipped");
    }

    @Test
    void readsFiles(@TempDir Path dir) throws Exception {
        Path priv = Files.writeString(dir.resolve("kalshi.key"), TestKeys.PKCS1_PRIVATE);
        Path pub = Files.writeString(dir.resolve("kalshi.pub"), TestKeys.SPKI_PUBLIC);
        assertArrayEquals(TestKeys.RSA_2048.getPrivate().getEncoded(), KalshiKeys.readPrivateKey(priv).getEncoded());
        assertArrayEquals(TestKeys.RSA_2048.getPublic().getEncoded(), KalshiKeys.readPublicKey(pub).getEncoded());
        KalshiKeyException e = assertThrows(KalshiKeyException.class, () -> KalshiKeys.readPrivateKey(dir.resolve("missing.key")));
        assertTrue(e.getMessage().contains("cannot read key file"), e.getMessage());
    }

    @Test
    void clearErrorsWithoutKeyMaterial() throws Exception {
        expect("no PEM block", () -> KalshiKeys.readPrivateKey("this is not a key"));
        expect("no PEM block", () -> KalshiKeys.readPrivateKey(""));
        expect("found a public key", () -> KalshiKeys.readPrivateKey(TestKeys.SPKI_PUBLIC));
        expect("found a private key", () -> KalshiKeys.readPublicKey(TestKeys.PKCS1_PRIVATE));
        expect("null", () -> KalshiKeys.readPrivateKey((String) null));

        KeyPair ec = TestKeys.generate("EC", 256);
        expect("expected an RSA private key, found a EC key",
                () -> KalshiKeys.readPrivateKey(TestKeys.pem("PRIVATE KEY", ec.getPrivate().getEncoded())));
        expect("expected an RSA public key, found a EC key",
                () -> KalshiKeys.readPublicKey(TestKeys.pem("PUBLIC KEY", ec.getPublic().getEncoded())));

        String encrypted = TestKeys.pem(new JcaPKCS8Generator(TestKeys.RSA_2048.getPrivate(),
                new JceOpenSSLPKCS8EncryptorBuilder(org.bouncycastle.openssl.PKCS8Generator.AES_256_CBC)
                        .setProvider(new org.bouncycastle.jce.provider.BouncyCastleProvider())
                        .setPassword("secret".toCharArray()).build()).generate());
        assertTrue(encrypted.startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----"));
        expect("an encrypted private key", () -> KalshiKeys.readPrivateKey(encrypted));

        String[] lines = TestKeys.PKCS8_PRIVATE.split("\n");
        String corruptBody = lines[0] + "\n" + lines[1].substring(0, 30) + "@@@@" + lines[1].substring(34) + "\n"
                + String.join("\n", java.util.Arrays.copyOfRange(lines, 2, lines.length));
        expect("malformed PEM", () -> KalshiKeys.readPrivateKey(corruptBody));
        String truncatedDer = TestKeys.pem("PRIVATE KEY", java.util.Arrays.copyOf(
                TestKeys.RSA_2048.getPrivate().getEncoded(), 300));
        assertThrows(KalshiKeyException.class, () -> KalshiKeys.readPrivateKey(truncatedDer));
        assertNoKeyMaterial(assertThrows(KalshiKeyException.class, () -> KalshiKeys.readPrivateKey(truncatedDer)), truncatedDer);
        assertNoKeyMaterial(assertThrows(KalshiKeyException.class, () -> KalshiKeys.readPrivateKey(corruptBody)), corruptBody);
        assertNoKeyMaterial(assertThrows(KalshiKeyException.class, () -> KalshiKeys.readPublicKey(TestKeys.PKCS1_PRIVATE)),
                TestKeys.PKCS1_PRIVATE);
    }

    private static void expect(String fragment, Executable read) {
        KalshiKeyException e = assertThrows(KalshiKeyException.class, read);
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
    }

    /** Neither the message nor any cause's message repeats a line of the PEM body. */
    private static void assertNoKeyMaterial(Throwable e, String pem) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = String.valueOf(t.getMessage());
            for (String line : pem.split("\n")) {
                if (!line.startsWith("-----") && line.length() >= 16) {
                    assertFalse(m.contains(line.substring(0, 16)), "key text in: " + m);
                }
            }
        }
    }
}
