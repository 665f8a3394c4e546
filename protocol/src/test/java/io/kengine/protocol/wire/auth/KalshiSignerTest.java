package io.kengine.protocol.wire.auth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kengine.protocol.wire.KalshiPaths;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.junit.jupiter.api.Test;

class KalshiSignerTest {
    private static final String KEY_ID = "a952bcbe-ec3b-4b5b-b8f9-11dae589608c";
    private static final long TS = 1_703_123_456_789L;
    private static final PrivateKey PKCS1 = KalshiKeys.readPrivateKey(TestKeys.PKCS1_PRIVATE);
    private static final PrivateKey PKCS8 = KalshiKeys.readPrivateKey(TestKeys.PKCS8_PRIVATE);
    private static final PublicKey PUBLIC = KalshiKeys.readPublicKey(TestKeys.SPKI_PUBLIC);
    private static final KalshiVerifier VERIFIER = new KalshiVerifier(PUBLIC);

    @Test
    void signedTextIsTimestampMethodPathWithoutQuery() {
        assertEquals("1703123456789GET/trade-api/v2/portfolio/balance",
                SigningMessage.text(TS, "GET", KalshiPaths.BALANCE));
        assertEquals("1703123456789GET/trade-api/v2/portfolio/orders",
                SigningMessage.text(TS, "get", "/trade-api/v2/portfolio/orders?limit=5"));
        assertEquals("1703123456789GET/trade-api/ws/v2", SigningMessage.text(TS, "GET", KalshiPaths.WS_PATH));
        assertThrows(IllegalArgumentException.class, () -> SigningMessage.text(TS, "GET", "trade-api/v2/markets"));
        assertThrows(IllegalArgumentException.class, () -> SigningMessage.text(TS, "", "/x"));
        assertThrows(IllegalArgumentException.class, () -> SigningMessage.text(-1, "GET", "/x"));
    }

    @Test
    void roundTrip() {
        KalshiSigner signer = new KalshiSigner(KEY_ID, PKCS1);
        String sig = signer.sign(TS, "POST", KalshiPaths.ORDERS_V2);
        assertEquals(256, Base64.getDecoder().decode(sig).length);
        assertTrue(VERIFIER.verify(TS, "POST", KalshiPaths.ORDERS_V2, sig));
        assertTrue(VERIFIER.verify(Long.toString(TS), "POST", KalshiPaths.ORDERS_V2, sig));
        assertTrue(VERIFIER.verify(TS, "post", KalshiPaths.ORDERS_V2, sig), "the method is upper-cased on both sides");
    }

    @Test
    void pkcs1AndPkcs8OfTheSameKeyAreInterchangeable() {
        assertArrayEquals(PKCS1.getEncoded(), PKCS8.getEncoded());
        PublicKey fromPkcs1Public = KalshiKeys.readPublicKey(TestKeys.PKCS1_PUBLIC);
        assertArrayEquals(PUBLIC.getEncoded(), fromPkcs1Public.getEncoded());
        String path = KalshiPaths.amendOrderV2("ee587a1c-8b87-4dcf-b721-9f6f790619fa");
        String by1 = new KalshiSigner(KEY_ID, PKCS1).sign(TS, "POST", path);
        String by8 = new KalshiSigner(KEY_ID, PKCS8).sign(TS, "POST", path);
        for (PublicKey pub : List.of(PUBLIC, fromPkcs1Public, KalshiKeys.publicKeyOf(PKCS1))) {
            KalshiVerifier v = new KalshiVerifier(pub);
            assertTrue(v.verify(TS, "POST", path, by1));
            assertTrue(v.verify(TS, "POST", path, by8));
        }
    }

    @Test
    void tamperedInputsFail() {
        String path = KalshiPaths.orderV2("abc");
        String sig = new KalshiSigner(KEY_ID, PKCS8).sign(TS, "DELETE", path);
        assertTrue(VERIFIER.verify(TS, "DELETE", path, sig));
        assertFalse(VERIFIER.verify(TS, "DELETE", KalshiPaths.orderV2("abd"), sig), "path");
        assertFalse(VERIFIER.verify(TS, "GET", path, sig), "method");
        assertFalse(VERIFIER.verify(TS + 1, "DELETE", path, sig), "timestamp");
        assertFalse(VERIFIER.verify(TS / 1000, "DELETE", path, sig), "seconds instead of ms");
        byte[] raw = Base64.getDecoder().decode(sig);
        raw[100] ^= 1;
        assertFalse(VERIFIER.verify(TS, "DELETE", path, Base64.getEncoder().encodeToString(raw)), "signature bit");
        String other = new KalshiSigner(KEY_ID, TestKeys.OTHER_RSA_1024.getPrivate()).sign(TS, "DELETE", path);
        assertFalse(VERIFIER.verify(TS, "DELETE", path, other), "another key");
    }

    @Test
    void queryStringIsNotSigned() {
        KalshiSigner signer = new KalshiSigner(KEY_ID, PKCS1);
        String sig = signer.sign(TS, "GET", KalshiPaths.withQuery(KalshiPaths.ORDERS, "limit", "5", "ticker", "A"));
        assertTrue(VERIFIER.verify(TS, "GET", KalshiPaths.ORDERS, sig));
        assertTrue(VERIFIER.verify(TS, "GET", KalshiPaths.ORDERS + "?cursor=zz", sig));
    }

    @Test
    void signatureOverTheBodyFails() throws Exception {
        String body = "{\"ticker\":\"T\",\"side\":\"bid\",\"count\":\"1.00\",\"price\":\"0.5000\"}";
        String path = KalshiPaths.ORDERS_V2;
        for (String wrong : List.of(TS + "POST" + body, TS + "POST" + path + body)) {
            Signature s = Signature.getInstance(SigningMessage.ALGORITHM);
            s.setParameter(SigningMessage.PSS);
            s.initSign(PKCS1);
            s.update(wrong.getBytes(StandardCharsets.UTF_8));
            String sig = Base64.getEncoder().encodeToString(s.sign());
            assertFalse(VERIFIER.verify(TS, "POST", path, sig), wrong);
        }
    }

    @Test
    void pssIsRandomizedAndBothSignaturesVerify() {
        KalshiSigner signer = new KalshiSigner(KEY_ID, PKCS1);
        String a = signer.sign(TS, "GET", KalshiPaths.BALANCE);
        String b = signer.sign(TS, "GET", KalshiPaths.BALANCE);
        assertNotEquals(a, b);
        assertTrue(VERIFIER.verify(TS, "GET", KalshiPaths.BALANCE, a));
        assertTrue(VERIFIER.verify(TS, "GET", KalshiPaths.BALANCE, b));
    }

    @Test
    void bouncyCastleAndJdkVerifyEachOther() throws Exception {
        byte[] message = SigningMessage.text(TS, "GET", KalshiPaths.WS_PATH).getBytes(StandardCharsets.UTF_8);
        Signature bc = Signature.getInstance("SHA256withRSAandMGF1", new BouncyCastleProvider()); // salt 32 by default
        bc.initSign(PKCS8);
        bc.update(message);
        assertTrue(VERIFIER.verify(TS, "GET", KalshiPaths.WS_PATH, Base64.getEncoder().encodeToString(bc.sign())));

        String ours = new KalshiSigner(KEY_ID, PKCS8).sign(TS, "GET", KalshiPaths.WS_PATH);
        bc.initVerify(PUBLIC);
        bc.update(message);
        assertTrue(bc.verify(Base64.getDecoder().decode(ours)));
    }

    @Test
    void otherSaltLengthsAreRejected() throws Exception {
        // Some community clients sign with the maximum salt; whether Kalshi accepts that is UNCONFIRMED.
        Signature s = Signature.getInstance(SigningMessage.ALGORITHM);
        s.setParameter(new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 222, 1));
        s.initSign(PKCS8);
        s.update(SigningMessage.text(TS, "GET", KalshiPaths.BALANCE).getBytes(StandardCharsets.UTF_8));
        assertFalse(VERIFIER.verify(TS, "GET", KalshiPaths.BALANCE, Base64.getEncoder().encodeToString(s.sign())));
    }

    @Test
    void verifierNeverThrowsOnBadInput() {
        String good = new KalshiSigner(KEY_ID, PKCS1).sign(TS, "GET", KalshiPaths.BALANCE);
        List<String> badSignatures = new ArrayList<>(List.of("", "!!!not base64!!!", "AAAA",
                Base64.getEncoder().encodeToString(new byte[256]), Base64.getEncoder().encodeToString(new byte[300]),
                // a URL-safe character where the standard alphabet is required (replace('A', '-') did nothing to
                // the ≈ 0.5 % of PSS signatures that have no 'A', which then verified: a flaky test)
                good.substring(1), good + "=", "-" + good.substring(1)));
        for (String bad : badSignatures) {
            assertFalse(VERIFIER.verify(TS, "GET", KalshiPaths.BALANCE, bad), bad);
        }
        assertFalse(VERIFIER.verify(TS, "GET", KalshiPaths.BALANCE, null));
        assertFalse(VERIFIER.verify(TS, null, KalshiPaths.BALANCE, good));
        assertFalse(VERIFIER.verify(TS, "", KalshiPaths.BALANCE, good));
        assertFalse(VERIFIER.verify(TS, "GET", null, good));
        assertFalse(VERIFIER.verify(TS, "GET", "trade-api/v2/portfolio/balance", good));
        assertFalse(VERIFIER.verify(-TS, "GET", KalshiPaths.BALANCE, good));
        for (String ts : new String[] {null, "", "abc", "-1", "1703123456789.0", " 1703123456789", "9999999999999999999"}) {
            assertFalse(VERIFIER.verify(ts, "GET", KalshiPaths.BALANCE, good), String.valueOf(ts));
        }
    }

    @Test
    void headers() {
        KalshiSigner signer = new KalshiSigner(KEY_ID, PKCS1);
        AuthHeaders h = signer.headers(TS, "GET", KalshiPaths.WS_PATH);
        assertEquals("KALSHI-ACCESS-KEY", AuthHeaders.KEY);
        assertEquals("KALSHI-ACCESS-TIMESTAMP", AuthHeaders.TIMESTAMP);
        assertEquals("KALSHI-ACCESS-SIGNATURE", AuthHeaders.SIGNATURE);
        assertEquals(KEY_ID, h.keyId());
        assertEquals("1703123456789", h.timestamp());
        assertTrue(VERIFIER.verify(h.timestamp(), "GET", KalshiPaths.WS_PATH, h.signature()));
        List<String> pairs = new ArrayList<>();
        h.forEach((name, value) -> pairs.add(name + "=" + value));
        assertEquals(List.of(AuthHeaders.KEY + "=" + KEY_ID, AuthHeaders.TIMESTAMP + "=" + TS,
                AuthHeaders.SIGNATURE + "=" + h.signature()), pairs);
        assertFalse(h.toString().contains(h.signature()), h.toString());
        assertTrue(h.toString().contains("<redacted>"));
        assertFalse(signer.toString().contains("PRIVATE"));
    }

    @Test
    void signerRejectsBadConstruction() {
        assertThrows(IllegalArgumentException.class, () -> new KalshiSigner("", PKCS1));
        assertThrows(IllegalArgumentException.class, () -> new KalshiSigner(KEY_ID, null));
        assertThrows(IllegalArgumentException.class, () -> new KalshiVerifier(null));
        assertThrows(IllegalArgumentException.class, () -> new KalshiSigner(KEY_ID, PKCS1).sign(TS, "GET", "no-slash"));
    }
}
