package io.kengine.engine.simulator;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** PEM text of a DER-encoded key ({@code PRIVATE KEY} = PKCS#8, {@code PUBLIC KEY} = X.509 SubjectPublicKeyInfo). */
public final class Pem {
    private Pem() {
    }

    public static String encode(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }
}
