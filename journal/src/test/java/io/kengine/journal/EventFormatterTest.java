package io.kengine.journal;

import io.kengine.protocol.event.EventHeader;
import io.kengine.protocol.event.EventType;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EventFormatterTest {
    private final EventFormatter formatter = new EventFormatter();
    private final UnsafeBuffer b = TestEvents.buffer();

    @Test
    void bookDeltaLine() {
        TestEvents.delta(b, 3, 5600, -1200, 77);
        TestEvents.stamp(b, 12, TestEvents.T0 + 123);
        assertEquals("seq=12 t=2026-11-21T10:00:00.000000123Z BookDelta market=3 side=yes price=0.5600 delta=-12.00"
            + " exseq=77 sub=1 xt=2026-11-21T10:00:00.000Z src=feed", formatter.format(b, 0));
    }

    @Test
    void intentLineShowsEveryLeg() {
        TestEvents.intent(b, 3, 41, TestEvents.T0);
        TestEvents.stamp(b, 5, TestEvents.T0);
        assertEquals("seq=5 t=2026-11-21T10:00:00.000000000Z OrderIntent market=3 cause=41 group=9 legs=3"
                + " [0: create market=3 side=bid price=0.5500 count=10.00 tif=good_till_canceled post_only coid=r7-10]"
                + " [1: amend market=3 side=ask price=0.5800 count=5.00 tif=good_till_canceled coid=r7-11 new_coid=r7-12 oid=o-77]"
                + " [2: cancel market=3 side=bid price=0.0000 count=0.00 tif=good_till_canceled oid=o-78] src=orders-stage",
            formatter.format(b, 0));
    }

    @Test
    void everyTypeHasALineWithItsFields() {
        List<byte[]> events = TestEvents.mixed(1);
        Set<String> types = new HashSet<>();
        for (byte[] e : events) {
            b.putBytes(0, e);
            String line = formatter.format(b, 0);
            String type = EventType.name(EventHeader.type(b, 0));
            types.add(type);
            assertTrue(line.startsWith("seq=" + EventHeader.sequence(b, 0) + " t=2026-11-21T10:00:00."), line);
            assertTrue(line.contains(" " + type + " "), line);
            assertFalse(line.contains("INVALID") || line.contains("\n"), line);
        }
        assertEquals(14, types.size(), "all 14 types formatted: " + types);
        assertLine(1, "ConfigChange rev=1 key=test.size value=10.00 src=engine");
        assertLine(2, "MarketDefinition market=3 ticker=KXTEST-26NOV21-B3 event=KXTEST-26NOV21 series=KXTEST status=open"
            + " open=2026-11-21T09:00:00.000Z close=2026-11-21T11:00:00.000Z fractional=true"
            + " grid=[0.0000-0.1000/0.0010 0.1000-0.9000/0.0100 0.9000-1.0000/0.0010] src=rest-poller");
        assertLine(3, "BookSnapshot market=3 sub=1 exseq=1 chunk=whole yes=[0.5500x10.00 0.5400x2.50] no=[0.4300x5.00] src=feed");
        assertLine(6, "Ticker market=3 bid=0.5500x10.00 ask=0.5700x2.00 last=- volume=1234.00 oi=- xt=2026-11-21T10:00:00.000Z src=feed");
        assertLine(7, "OrderReply market=3 reply=rejected side=bid price=0.5600 remaining=0.00 filled=0.00 coid=r7-4 oid="
            + " cause=4 http=400 reason=\"post only cross\" xt=2026-11-21T10:00:00.000Z src=gateway");
        assertLine(8, "Fill market=3 side=ask price=0.5600 count=1.50 fee=-0.0012 position=-1.50 maker trade=t-9 oid=o-1"
            + " coid=r7-2 xt=2026-11-21T10:00:00.000Z src=feed");
        assertLine(9, "MarketLifecycle market=3 kind=determined result=yes open=- close=- settlement=1.0000"
            + " xt=2026-11-21T10:00:00.000Z src=feed");
        assertLine(10, "FairValue market=3 fair=0.5650 confidence=8000bps from=model:elo expires=2026-11-21T10:01:00.000000000Z src=fair-value");
        assertLine(11, "Timer id=2 scheduled=2026-11-21T10:00:00.000000011Z src=timer");
        assertLine(12, "OperatorCommand market=all command=halt reason=\"manual halt\" src=operator");
        assertLine(0, "SessionStart run=7 version=0.1.0-test mode=paper src=engine");
    }

    @Test
    void malformedEventPrintsItsHeaderAndTheReason() {
        TestEvents.timer(b, 1, 0);
        TestEvents.stamp(b, 4, TestEvents.T0);
        b.putShort(EventHeader.TYPE_OFFSET, (short) 999, EventHeader.ORDER);
        assertEquals("seq=4 t=2026-11-21T10:00:00.000000000Z INVALID type=999: unknown event type 999", formatter.format(b, 0));
    }

    @Test
    void fixedPointEdges() {
        StringBuilder sb = new StringBuilder();
        Text.quantity(sb, -5);
        sb.append(' ');
        Text.price(sb, 0);
        sb.append(' ');
        Text.price(sb, -1);
        sb.append(' ');
        Text.money(sb, 12_345_678);
        sb.append(' ');
        Text.quantity(sb, Long.MIN_VALUE);
        sb.append(' ');
        Text.nanos(sb, -1);
        assertEquals("-0.05 0.0000 -0.0001 1234.5678 - 1969-12-31T23:59:59.999999999Z", sb.toString());
    }

    private void assertLine(int index, String expectedAfterTime) {
        List<byte[]> events = TestEvents.mixed(1);
        b.putBytes(0, events.get(index));
        String line = formatter.format(b, 0);
        String afterTime = line.substring(line.indexOf('Z') + 2);
        assertEquals(expectedAfterTime, afterTime);
    }
}
