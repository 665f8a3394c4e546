package io.kengine.pricing.fees;

import io.kengine.protocol.event.ConfigChangeEvent;
import io.kengine.protocol.event.EventSource;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FeeModelTest {
    private final FeeModel fees = new FeeModel();

    @Test
    void kalshiQuadraticFeeRoundedUpToTheCent() {
        assertEquals(200, fees.takerFee(5000, 100), "1 contract at 50c: 0.0175 -> $0.02");
        assertEquals(17_500, fees.takerFee(5000, 10_000), "100 at 50c: exactly $1.75");
        assertEquals(1_500, fees.takerFee(3000, 1_000), "10 at 30c: 0.147 -> $0.15");
        assertEquals(100, fees.makerFee(true, 5000, 100), "maker 0.004375 -> $0.01");
        assertEquals(0, fees.makerFee(false, 5000, 100), "no maker fees on this series");
        assertEquals(0, fees.takerFee(0, 100));
        assertEquals(0, fees.takerFee(10_000, 100));
        assertEquals(100, fees.takerFee(1, 100), "a tick off the edge still pays the rounded cent");
    }

    @Test
    void roundingIsAParameter() {
        apply(FeeModel.ROUNDING_KEY, "0.0001");
        assertEquals(1_470, fees.takerFee(3000, 1_000));
        assertEquals(175, fees.takerFee(5000, 100));
        apply(FeeModel.TAKER_RATE_KEY, "0.0350");
        assertEquals(88, fees.takerFee(5000, 100), "0.00875 rounded up to $0.0001");
    }

    @Test
    void perContractFeeRoundsUpAndGrowsForSmallOrders() {
        assertEquals(200, fees.takerPerContract(5000, 100));
        assertEquals(175, fees.takerPerContract(5000, 10_000));
        assertEquals(100, fees.makerPerContract(true, 5000, 100));
        assertEquals(50, fees.makerPerContract(true, 5000, 1_000), "10 contracts: $0.05 / 10");
    }

    @Test
    void makerSeriesPatterns() {
        assertFalse(fees.chargesMakerFees("KXFED-26DEC-T3.00", "KXFED"));
        apply(FeeModel.MAKER_SERIES_KEY, "KXFED;KXNBA*");
        assertTrue(fees.chargesMakerFees("KXFED-26DEC-T3.00", "KXFED"));
        assertTrue(fees.chargesMakerFees("KXNBAGAME-1", ""));
        assertFalse(fees.chargesMakerFees("KXCPI-1", "KXCPI"));
    }

    @Test
    void exactAgainstBigIntegerForAnyQuantityIncludingHugeOnes() {
        SplittableRandom r = new SplittableRandom(42);
        for (int i = 0; i < 200_000; i++) {
            long price = r.nextLong(0, 10_001);
            long qty = i % 3 == 0 ? r.nextLong(1, 1_000_000_000_000L) : r.nextLong(1, 100_000);
            long rate = r.nextLong(1, 10_001);
            long unit = i % 2 == 0 ? 100 : 1 + r.nextLong(10_000);
            assertEquals(reference(rate, price, qty, unit), FeeModel.fee(rate, price, qty, unit),
                "rate " + rate + " price " + price + " qty " + qty + " unit " + unit);
        }
    }

    @Test
    void makerFeeWithinAgreesWithTheExactPerContractFee() {
        SplittableRandom r = new SplittableRandom(5);
        for (int i = 0; i < 300_000; i++) {
            long price = r.nextLong(-5, 10_006);
            long qty = i % 4 == 0 ? r.nextLong(1, 1_000_000_000L) : r.nextLong(1, 5_000);
            long room = r.nextLong(-10, 600);
            boolean charges = i % 7 != 0;
            long exact = fees.makerPerContract(charges, price, qty);
            assertEquals(room >= exact, fees.makerFeeWithin(charges, price, qty, room),
                "price " + price + " qty " + qty + " room " + room + " exact " + exact);
        }
    }

    private static long reference(long rate, long price, long qty, long unit) {
        if (price <= 0 || price >= 10_000) {
            return 0;
        }
        BigInteger num = BigInteger.valueOf(rate).multiply(BigInteger.valueOf(price))
            .multiply(BigInteger.valueOf(10_000 - price)).multiply(BigInteger.valueOf(qty));
        BigInteger d = BigInteger.valueOf(10_000_000_000L).multiply(BigInteger.valueOf(unit));
        BigInteger[] qr = num.divideAndRemainder(d);
        BigInteger n = qr[1].signum() > 0 ? qr[0].add(BigInteger.ONE) : qr[0];
        return n.multiply(BigInteger.valueOf(unit)).longValueExact();
    }

    private void apply(String key, String value) {
        ConfigChangeEvent c = new ConfigChangeEvent().wrapForEncode(new UnsafeBuffer(new byte[1024]), 0, EventSource.ENGINE)
            .key(key).value(value);
        assertTrue(fees.apply(c));
    }
}
