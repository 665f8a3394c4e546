package io.kengine.engine.ops;

import io.kengine.protocol.wire.auth.KalshiKeyException;
import io.kengine.protocol.wire.auth.KalshiKeys;
import io.kengine.protocol.wire.auth.KalshiSigner;
import io.kengine.protocol.wire.auth.KalshiVerifier;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.PrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code check-key}: the API key the engine would sign with is usable. Checks that the key id is set,
 * that the file is not readable by group or others, that it parses (PKCS#1 or PKCS#8 PEM), and that a
 * test message signed with it (RSA-PSS, as Kalshi signs) verifies with its public half. Never prints
 * key material: only the key id's first characters, the file's mode, the PEM label and the key size.
 */
public final class KeyCheck {
    /** @param lines what was checked, one line each; {@code ok} false when the key cannot be used */
    public record Result(boolean ok, List<String> lines) {
    }

    private KeyCheck() {
    }

    public static Result check(String keyId, Path keyFile) {
        List<String> lines = new ArrayList<>();
        boolean ok = true;
        if (keyId == null || keyId.isBlank()) {
            lines.add("FAIL key id: not set (KALSHI_KEY_ID or --key-id)");
            ok = false;
        } else {
            lines.add("ok   key id: " + masked(keyId));
        }
        if (keyFile == null) {
            lines.add("FAIL key file: not set (KALSHI_PRIVATE_KEY_PATH or --key-file)");
            return new Result(false, lines);
        }
        if (!Files.isRegularFile(keyFile)) {
            lines.add("FAIL key file: " + keyFile + " does not exist or is not a file");
            return new Result(false, lines);
        }
        PosixFileAttributeView posix = Files.getFileAttributeView(keyFile, PosixFileAttributeView.class);
        if (posix != null) {
            try {
                Set<PosixFilePermission> perms = posix.readAttributes().permissions();
                String mode = PosixFilePermissions.toString(perms);
                if (perms.contains(PosixFilePermission.GROUP_READ) || perms.contains(PosixFilePermission.OTHERS_READ)) {
                    lines.add("FAIL key file: " + keyFile + " is readable by group or others (" + mode + "): chmod 600 " + keyFile);
                    return new Result(false, lines);
                }
                lines.add("ok   key file: " + keyFile + " (" + mode + ")");
            } catch (IOException e) {
                lines.add("FAIL key file: cannot read its permissions: " + e.getMessage());
                return new Result(false, lines);
            }
        } else {
            lines.add("warn key file: " + keyFile + " (no POSIX permissions on this file system: make sure only you can read it)");
        }
        PrivateKey key;
        try {
            key = KalshiKeys.readPrivateKey(keyFile);
        } catch (KalshiKeyException e) {
            lines.add("FAIL key: " + e.getMessage());
            return new Result(false, lines);
        }
        RSAPublicKey pub;
        try {
            pub = KalshiKeys.publicKeyOf(key);
        } catch (KalshiKeyException e) {
            lines.add("FAIL key: " + e.getMessage());
            return new Result(false, lines);
        }
        lines.add("ok   key: RSA " + pub.getModulus().bitLength() + "-bit, " + format(keyFile));
        try {
            long ts = System.currentTimeMillis();
            String path = "/trade-api/v2/portfolio/balance";
            String signature = new KalshiSigner(ok ? keyId : "check", key).sign(ts, "GET", path);
            if (new KalshiVerifier(pub).verify(ts, "GET", path, signature)
                && !new KalshiVerifier(pub).verify(ts + 1, "GET", path, signature)) {
                lines.add("ok   signature: RSA-PSS test signature verifies with the key's public half");
            } else {
                lines.add("FAIL signature: the test signature does not verify");
                ok = false;
            }
        } catch (RuntimeException e) {
            lines.add("FAIL signature: " + e.getClass().getSimpleName());
            ok = false;
        }
        return new Result(ok, lines);
    }

    /** The PEM label of the first block (never any key bytes). */
    private static String format(Path keyFile) {
        try (BufferedReader in = Files.newBufferedReader(keyFile, StandardCharsets.US_ASCII)) {
            for (String line; (line = in.readLine()) != null; ) {
                if (line.startsWith("-----BEGIN RSA PRIVATE KEY")) {
                    return "PKCS#1 PEM";
                }
                if (line.startsWith("-----BEGIN PRIVATE KEY")) {
                    return "PKCS#8 PEM";
                }
            }
        } catch (IOException | RuntimeException e) {
            // fall through
        }
        return "PEM";
    }

    static String masked(String keyId) {
        String k = keyId.strip();
        return k.length() <= 8 ? k.charAt(0) + "*** (" + k.length() + " characters)"
            : k.substring(0, 8) + "... (" + k.length() + " characters)";
    }
}
