package io.kengine.gateway.rest;

import io.kengine.protocol.wire.auth.KalshiKeys;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.PrivateKey;
import java.util.Set;

/**
 * Loads the API private key from a PEM file (PKCS#1 {@code BEGIN RSA PRIVATE KEY} or PKCS#8
 * {@code BEGIN PRIVATE KEY}, parsed by BouncyCastle through {@link KalshiKeys}) and refuses a file that
 * group or others can read or write (as ssh does): {@code chmod 600 key.pem}. Messages name the file
 * and its permissions, never key material.
 */
public final class KeyFiles {
    private KeyFiles() {
    }

    public static PrivateKey readPrivateKey(Path file) {
        checkPermissions(file);
        return KalshiKeys.readPrivateKey(file);
    }

    /** @throws SecurityException when group or others may read or write the file */
    public static void checkPermissions(Path file) {
        PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
        if (view == null) {
            return; // no POSIX permissions on this file system (e.g. Windows ACLs): nothing to check here
        }
        Set<PosixFilePermission> p;
        try {
            p = view.readAttributes().permissions();
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the permissions of key file " + file + ": "
                + e.getClass().getSimpleName(), e);
        }
        if (p.contains(PosixFilePermission.GROUP_READ) || p.contains(PosixFilePermission.OTHERS_READ)
            || p.contains(PosixFilePermission.GROUP_WRITE) || p.contains(PosixFilePermission.OTHERS_WRITE)) {
            throw new SecurityException("key file " + file + " is accessible by group or others ("
                + PosixFilePermissions.toString(p) + "); restrict it with: chmod 600 " + file);
        }
    }
}
