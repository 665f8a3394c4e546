package io.kengine.engine.ops;

import io.kengine.engine.simulator.Pem;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KeyCheckTest {
    private static KeyPair pair;

    @BeforeAll
    static void key() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        pair = g.generateKeyPair();
    }

    private static Path write(Path file, String pem, String mode) throws Exception {
        Files.writeString(file, pem);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(mode));
        return file;
    }

    private static String allText(KeyCheck.Result r) {
        return String.join("\n", r.lines());
    }

    private static void assertNoKeyMaterial(KeyCheck.Result r) {
        String text = allText(r);
        String der = Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded());
        for (int i = 0; i + 16 <= der.length(); i += 16) {
            assertFalse(text.contains(der.substring(i, i + 16)), "key material printed: " + text);
        }
        assertFalse(text.contains("BEGIN"), text);
    }

    @Test
    void pkcs8AndPkcs1KeysWithMode600Pass(@TempDir Path dir) throws Exception {
        Path p8 = write(dir.resolve("k8.pem"), Pem.encode("PRIVATE KEY", pair.getPrivate().getEncoded()), "rw-------");
        KeyCheck.Result r = KeyCheck.check("a952bcbe-ec3b-4b5b-b8f9-11dae589608c", p8);
        assertTrue(r.ok(), allText(r));
        assertTrue(allText(r).contains("RSA 2048-bit, PKCS#8 PEM"), allText(r));
        assertTrue(allText(r).contains("key id: a952bcbe... (36 characters)"), allText(r));
        assertFalse(allText(r).contains("11dae589608c"), "the whole key id is not printed");
        assertNoKeyMaterial(r);

        byte[] pkcs1 = PrivateKeyInfo.getInstance(pair.getPrivate().getEncoded()).parsePrivateKey().toASN1Primitive().getEncoded();
        Path p1 = write(dir.resolve("k1.pem"), Pem.encode("RSA PRIVATE KEY", pkcs1), "r--------");
        KeyCheck.Result r1 = KeyCheck.check("key", p1);
        assertTrue(r1.ok(), allText(r1));
        assertTrue(allText(r1).contains("PKCS#1 PEM"), allText(r1));
    }

    @Test
    void aKeyOthersCanReadIsRefused(@TempDir Path dir) throws Exception {
        Path p = write(dir.resolve("k.pem"), Pem.encode("PRIVATE KEY", pair.getPrivate().getEncoded()), "rw-r--r--");
        KeyCheck.Result r = KeyCheck.check("key", p);
        assertFalse(r.ok());
        assertTrue(allText(r).contains("readable by group or others (rw-r--r--): chmod 600"), allText(r));
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rw-r-----"));
        assertFalse(KeyCheck.check("key", p).ok());
    }

    @Test
    void missingOrBrokenKeysFailWithAReason(@TempDir Path dir) throws Exception {
        assertFalse(KeyCheck.check(null, null).ok());
        assertEquals(2, KeyCheck.check(null, null).lines().size());
        assertFalse(KeyCheck.check("key", dir.resolve("absent.pem")).ok());
        Path garbage = write(dir.resolve("g.pem"), "not a key\n", "rw-------");
        KeyCheck.Result r = KeyCheck.check("key", garbage);
        assertFalse(r.ok());
        assertTrue(allText(r).contains("FAIL key:"), allText(r));
        Path pub = write(dir.resolve("pub.pem"), Pem.encode("PUBLIC KEY", pair.getPublic().getEncoded()), "rw-------");
        assertFalse(KeyCheck.check("key", pub).ok());
        Path good = write(dir.resolve("k.pem"), Pem.encode("PRIVATE KEY", pair.getPrivate().getEncoded()), "rw-------");
        KeyCheck.Result noId = KeyCheck.check(" ", good);
        assertFalse(noId.ok(), "a key without an id cannot sign Kalshi requests");
        assertTrue(allText(noId).contains("ok   signature"), allText(noId));
    }
}
