package io.kengine.sim.server;

import io.kengine.protocol.wire.auth.KalshiVerifier;

import java.security.PublicKey;
import java.util.Objects;

/**
 * A registered API key: the id clients send in {@code KALSHI-ACCESS-KEY}, the account it acts for,
 * the RSA public key its signatures are checked with, and the account's rate tier.
 */
public record ApiKey(String keyId, String account, PublicKey publicKey, RateTier tier) {
    public ApiKey {
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(publicKey, "publicKey");
        Objects.requireNonNull(tier, "tier");
    }

    KalshiVerifier verifier() {
        return new KalshiVerifier(publicKey);
    }
}
