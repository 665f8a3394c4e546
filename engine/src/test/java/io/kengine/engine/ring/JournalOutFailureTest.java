package io.kengine.engine.ring;

import com.lmax.disruptor.RingBuffer;
import io.kengine.gateway.IntentSender;
import io.kengine.journal.JournalFormat;
import io.kengine.journal.JournalWriter;
import io.kengine.protocol.event.OrderIntentEvent;
import io.kengine.protocol.stage.EventSlot;
import io.kengine.protocol.stage.SlotArena;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A real journal-out writer that stops taking writes (closed under the handler): creates and amends are refused
 * with a rejection, cancels and decreases still leave, and the ring keeps moving past more slots than it holds.
 */
class JournalOutFailureTest {
    private final RingBuffer<EventSlot> ring = RingBuffer.createSingleProducer(new SlotArena(8)::next, 8);
    private final RingCounters counters = new RingCounters();
    private final InlineOutbound inline = new InlineOutbound(ring);
    private final OutboundRingPublisher out = new OutboundRingPublisher(ring, counters, inline::drain);
    private final OrderIntentEvent intent = new OrderIntentEvent();
    private final OrderIntentEvent read = new OrderIntentEvent();
    private final List<String> sent = new ArrayList<>();
    private final List<String> refused = new ArrayList<>();

    private final IntentSender recorder = new IntentSender() {
        @Override
        public void send(DirectBuffer buffer, int offset, int length, boolean endOfBatch) {
            sent.add(describe(buffer, offset, length));
        }

        @Override
        public void refuse(DirectBuffer buffer, int offset, int length, String reason) {
            assertEquals(UnjournaledIntents.REFUSED_REASON, reason);
            refused.add(describe(buffer, offset, length));
        }
    };

    private String describe(DirectBuffer buffer, int offset, int length) {
        read.wrap(new UnsafeBuffer(buffer, offset, length), 0);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < read.legCount(); i++) {
            sb.append(i == 0 ? "" : "+").append(OrderIntentEvent.actionName(read.legAction(i))).append(read.legCount(i));
        }
        return sb.toString();
    }

    private void publish(long n, byte... actions) {
        intent.wrapForEncode(out.claim(), 0, 1, n, 1_000 + n);
        byte[] id = ("c" + n).getBytes(StandardCharsets.US_ASCII);
        for (byte a : actions) {
            intent.addLeg(a, 1, (byte) 1, 5_000, n, OrderIntentEvent.TIF_GTC, (byte) 0, new UnsafeBuffer(id), 0, id.length);
        }
        out.publish();
        inline.drain();
    }

    @Test
    void afterTheJournalFailsOnlyCancelsAndDecreasesLeaveAndTheRingMovesOn(@TempDir Path dir) {
        JournalWriter writer = JournalWriter.open(dir, JournalFormat.OUT);
        JournalHandler journal = new JournalHandler(writer, counters.journaledOut);
        SenderHandler sender = new SenderHandler(recorder, counters.intentsSent);
        inline.consumers(journal, sender);

        publish(1, OrderIntentEvent.CREATE);
        publish(2, OrderIntentEvent.CANCEL);
        writer.close(); // the journal stops taking writes
        for (long n = 3; n <= 22; n += 4) { // 20 intents: more than the ring's 8 slots
            publish(n, OrderIntentEvent.CREATE);
            publish(n + 1, OrderIntentEvent.CANCEL, OrderIntentEvent.CANCEL);
            publish(n + 2, OrderIntentEvent.AMEND);
            publish(n + 3, OrderIntentEvent.DECREASE, OrderIntentEvent.CANCEL);
        }

        List<String> expectSent = new ArrayList<>(List.of("create1", "cancel2"));
        List<String> expectRefused = new ArrayList<>();
        for (long n = 3; n <= 22; n += 4) {
            expectRefused.add("create" + n);
            expectSent.add("cancel" + (n + 1) + "+cancel" + (n + 1));
            expectRefused.add("amend" + (n + 2));
            expectSent.add("decrease" + (n + 3) + "+cancel" + (n + 3));
        }
        assertEquals(expectSent, sent, "before the failure everything; after it only what reduces exposure, in order");
        assertEquals(expectRefused, refused);
        assertEquals(2, counters.journaledOut.get(), "only the two intents before the failure are journaled");
        assertEquals(20, journal.failures());
        assertEquals(10, sender.unjournaled().sent());
        assertEquals(10, sender.unjournaled().refused());
        assertEquals(0, inline.failures(), "journal-out's failure is handled, not thrown through the ring");
        assertEquals(ring.getCursor(), 21, "all 22 intents went through the 8-slot ring");
    }

    @Test
    void aSlotMarkedUnjournaledIsClearedWhenItIsPublishedAgain(@TempDir Path dir) {
        JournalWriter writer = JournalWriter.open(dir, JournalFormat.OUT);
        JournalHandler journal = new JournalHandler(writer, counters.journaledOut);
        SenderHandler sender = new SenderHandler(recorder, counters.intentsSent);
        inline.consumers(journal, sender);
        try {
            for (long n = 1; n <= 8; n++) { // fill every slot once, then mark them all as a failed write would
                publish(n, OrderIntentEvent.CREATE);
                ring.get(n - 1).notes().putInt(OutboundRingPublisher.JOURNAL_FAILED_NOTE, 1);
            }
            for (long n = 9; n <= 16; n++) { // the same slots again, journaled fine this time
                publish(n, OrderIntentEvent.CREATE);
            }
        } finally {
            writer.close();
        }
        assertEquals(16, sent.size(), "a mark from a slot's earlier lap does not refuse its next intent");
        assertTrue(refused.isEmpty());
        assertEquals(16, counters.journaledOut.get());
    }
}
