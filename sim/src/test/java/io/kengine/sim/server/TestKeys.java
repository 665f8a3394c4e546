package io.kengine.sim.server;

import io.kengine.protocol.wire.auth.KalshiSigner;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/** RSA key pairs for the tests, generated once per JVM (2048-bit generation is slow-ish). */
final class TestKeys {
    static final KeyPair ALICE = generate();
    static final KeyPair BOB = generate();
    static final KeyPair MALLORY = generate();

    private TestKeys() {
    }

    static String publicPem(KeyPair pair) {
        String b64 = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(pair.getPublic().getEncoded());
        return "-----BEGIN PUBLIC KEY-----\n" + b64 + "\n-----END PUBLIC KEY-----\n";
    }

    static KalshiSigner signer(String keyId, KeyPair pair) {
        return new KalshiSigner(keyId, pair.getPrivate());
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            return g.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
