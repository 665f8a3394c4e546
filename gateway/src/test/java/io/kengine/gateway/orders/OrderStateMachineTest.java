package io.kengine.gateway.orders;

import io.kengine.gateway.ReconcileEvents;
import io.kengine.protocol.event.Codes;
import io.kengine.protocol.event.DecisionEvent;
import io.kengine.protocol.event.EventHeader;
import io.kengine.protocol.event.EventType;
import io.kengine.protocol.event.OperatorCommandEvent;
import io.kengine.protocol.event.OrderIntentEvent;
import io.kengine.protocol.event.OrderReplyEvent;
import io.kengine.protocol.stage.BasketNote;
import io.kengine.protocol.stage.DecisionKind;
import io.kengine.protocol.stage.DecisionNote;
import io.kengine.protocol.stage.QuoteNote;
import io.kengine.protocol.stage.QuoteReason;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OrderStateMachineTest {
    private static final byte BID = Codes.BID;
    private static final byte ASK = Codes.ASK;
    private final StageDriver d = new StageDriver(OrdersConfig.DEFAULTS);

    private void restingBid(int market, String orderId) {
        d.quote(market, 4_800, 1_000, 5_200, 0);
        String cid = d.lastIntent().legClientOrderId(0);
        d.reply(market, OrderReplyEvent.ACCEPTED, cid, orderId, 4_800, 1_000);
        assertEquals("RESTING", d.state(market, BID));
    }

    // ------------------------------------------------------------------ transitions

    @Test
    void pendingNewToEachOutcome() {
        d.quote(1, 4_800, 1_000, 5_200, 1_000);
        assertEquals("PENDING_NEW", d.state(1, BID));
        d.reply(1, OrderReplyEvent.ACCEPTED, "kabc-1", "X1", 4_800, 1_000);
        assertEquals("RESTING", d.state(1, BID));
        d.reply(1, OrderReplyEvent.REJECTED, "kabc-2", "", 0, 0);
        assertEquals("REJECTED", d.state(1, ASK));
        assertEquals(1, d.stage.rejects());

        d.quote(2, 4_800, 1_000, 5_200, 1_000);
        d.reply(2, OrderReplyEvent.EXECUTED, "kabc-3", "X3", 4_800, 0);
        assertEquals("FILLED", d.state(2, BID));
        d.reply(2, OrderReplyEvent.CANCELED, "kabc-4", "X4", 5_200, 0);
        assertEquals("CANCELED", d.state(2, ASK));

        d.quote(3, 4_800, 1_000, 5_200, 0);
        d.reply(3, OrderReplyEvent.UNKNOWN, "kabc-5", "", 4_800, 0);
        assertEquals("UNKNOWN", d.state(3, BID));
        assertEquals(List.of(3), d.unknownSignals);
    }

    @Test
    void fillsMoveRestingThroughPartiallyFilledToFilledAndAreDeduplicated() {
        restingBid(1, "X1");
        d.fill(1, BID, 300, "T1", "kabc-1", "X1");
        assertEquals("PARTIALLY_FILLED", d.state(1, BID));
        d.fill(1, BID, 300, "T1", "kabc-1", "X1"); // the same trade again (e.g. REST fills after a reconnect)
        assertEquals(300, d.stage.position(1));
        assertEquals(1, d.stage.duplicateFills());
        assertEquals(1, d.stage.fills(), "a duplicate is not a fill");
        d.fill(1, BID, 700, "T2", "", "X1");       // matched by order id
        assertEquals("FILLED", d.state(1, BID));
        assertEquals(2, d.stage.fills());
        assertEquals(1_000, d.stage.position(1));
        d.fill(1, ASK, 100, "T3", "", "elsewhere"); // a fill of no live order still moves the position
        assertEquals(900, d.stage.position(1));
    }

    @Test
    void fillBeforeTheAckIsNotCountedTwiceInRemaining() {
        d.quote(1, 4_800, 1_000, 5_200, 0);
        d.fill(1, BID, 400, "T1", "kabc-1", "X1");              // the fill channel beats the REST reply
        d.reply(1, OrderReplyEvent.ACCEPTED, "kabc-1", "X1", 4_800, 1_000); // reply written before the fill
        assertEquals("PARTIALLY_FILLED", d.state(1, BID));
        d.quote(1, 4_800, 600, 5_200, 0);                        // wants exactly what remains: no intent
        assertEquals(1, d.intents().size());
    }

    @Test
    void fillAfterAReplyThatAlreadyIncludesItIsCountedOnce() {
        d.quote(1, 4_800, 1_000, 5_200, 0);
        d.reply(1, OrderReplyEvent.ACCEPTED, "kabc-1", "X1", 4_800, 600);   // the exchange filled 400 before answering
        d.fill(1, BID, 400, "T1", "kabc-1", "X1");                          // ... and the fill channel says so later
        d.quote(1, 4_800, 600, 5_200, 0);
        assertEquals(1, d.intents().size(), "600 remain: nothing to do");
        d.quote(1, 4_700, 600, 5_200, 0);                                    // amend: new total = 400 filled + 600
        assertEquals(1_000, d.lastIntent().legCount(0));
        d.fill(1, BID, 100, "T2", "kabc-1", "X1");
        d.reply(1, OrderReplyEvent.AMENDED, "kabc-2", "X1", 4_700, 500);    // reply already net of T2
        d.quote(1, 4_700, 500, 5_200, 0);
        assertEquals(2, d.intents().size(), "500 remain, counted once");
    }

    @Test
    void amendAdoptsTheNewIdAndRejectedAmendRestores() {
        restingBid(1, "X1");
        d.quote(1, 4_700, 1_000, 5_200, 0);
        OrderIntentEvent amend = d.lastIntent();
        assertEquals(OrderIntentEvent.AMEND, amend.legAction(0));
        assertEquals("kabc-2", amend.legUpdatedClientOrderId(0));
        assertEquals("PENDING_AMEND", d.state(1, BID));
        d.reply(1, OrderReplyEvent.AMENDED, "kabc-2", "X1", 4_700, 1_000);
        assertEquals("RESTING", d.state(1, BID));
        d.quote(1, 4_600, 1_000, 5_200, 0);
        d.reply(1, OrderReplyEvent.REJECTED, "kabc-2", "X1", 0, 0); // refused under the current id
        assertEquals("RESTING", d.state(1, BID));
        d.fill(1, BID, 200, "T1", "kabc-2", "X1");                  // the adopted id matches fills
        assertEquals("PARTIALLY_FILLED", d.state(1, BID));
    }

    /**
     * Kalshi's user_orders update (an ACCEPTED under the new id) often beats the REST answer to an amend. The
     * engine then amends again, and the late REST answer to the first amend, under the id the first amend gave,
     * must not be taken for the second: that would adopt an id the exchange has not given, and every later
     * amend would be refused (order_id_and_client_order_id_mismatch). Seen in the loopback harness over REST.
     */
    @Test
    void aLateAnswerToAnEarlierAmendDoesNotConfirmThePendingOne() {
        restingBid(1, "X1");
        d.quote(1, 4_700, 1_000, 5_200, 0);                                    // amend kabc-1 → kabc-2
        d.reply(1, OrderReplyEvent.ACCEPTED, "kabc-2", "X1", 4_700, 1_000);    // user_orders: resting as kabc-2
        assertEquals("RESTING", d.state(1, BID));
        d.quote(1, 4_600, 1_000, 5_200, 0);                                    // amend kabc-2 → kabc-3
        assertEquals("kabc-2", d.lastIntent().legClientOrderId(0));
        assertEquals("kabc-3", d.lastIntent().legUpdatedClientOrderId(0));
        int intents = d.intents().size();
        d.reply(1, OrderReplyEvent.AMENDED, "kabc-2", "X1", 4_700, 1_000);     // REST answer to the first amend, late
        assertEquals(intents, d.intents().size(), "the late answer was taken for the amend still out, and acted on");
        assertEquals("PENDING_AMEND", d.state(1, BID));
        assertEquals(1, d.stage.lateAmendReplies());
        d.reply(1, OrderReplyEvent.REJECTED, "kabc-2", "X1", 0, 0);            // the second amend refused (e.g. post-only)
        assertEquals("RESTING", d.state(1, BID));
        d.quote(1, 4_500, 1_000, 5_200, 0);
        assertEquals("kabc-2", d.lastIntent().legClientOrderId(0), "the id the exchange gave, not the refused one");

        d.reply(1, OrderReplyEvent.AMENDED, "kabc-4", "X1", 4_500, 1_000);     // this amend's own answer confirms it
        assertEquals("RESTING", d.state(1, BID));
        d.quote(1, 4_400, 1_000, 5_200, 0);
        assertEquals("kabc-4", d.lastIntent().legClientOrderId(0));
    }

    /**
     * A quote that jumps past its own width: moving both legs at once would send one leg's post-only amend
     * against our other leg before that leg has moved, and Kalshi refuses it (post only cross). The leg that
     * moves away goes first; the other follows on its answer.
     */
    @Test
    void aLegThatWouldCrossOurOtherLegWaitsUntilThatLegHasMovedAway() {
        d.quote(1, 4_800, 1_000, 5_200, 1_000);
        d.reply(1, OrderReplyEvent.ACCEPTED, "kabc-1", "X1", 4_800, 1_000);
        d.reply(1, OrderReplyEvent.ACCEPTED, "kabc-2", "X2", 5_200, 1_000);

        // up: the bid's new 0.53 would cross our ask at 0.52, so only the ask moves
        d.quote(1, 5_300, 1_000, 5_700, 1_000);
        OrderIntentEvent first = d.lastIntent();
        assertEquals(1, first.legCount());
        assertEquals(ASK, first.legSide(0));
        assertEquals(OrderIntentEvent.AMEND, first.legAction(0));
        assertEquals(5_700, first.legPrice(0));
        assertEquals("RESTING", d.state(1, BID));
        assertEquals(1, d.stage.legsHeldForOwnLeg());
        int before = d.intents().size();
        d.reply(1, OrderReplyEvent.AMENDED, first.legUpdatedClientOrderId(0), "X2", 5_700, 1_000);
        assertEquals(before + 1, d.intents().size(), "the ask's answer releases the bid");
        OrderIntentEvent second = d.lastIntent();
        assertEquals(BID, second.legSide(0));
        assertEquals(5_300, second.legPrice(0));
        d.reply(1, OrderReplyEvent.AMENDED, second.legUpdatedClientOrderId(0), "X1", 5_300, 1_000);

        // down: the bid moves first, and the ask's new 0.52 waits while the bid may still be at 0.53
        d.quote(1, 4_700, 1_000, 5_200, 1_000);
        OrderIntentEvent third = d.lastIntent();
        assertEquals(1, third.legCount());
        assertEquals(BID, third.legSide(0));
        assertEquals(4_700, third.legPrice(0));
        d.reply(1, OrderReplyEvent.AMENDED, third.legUpdatedClientOrderId(0), "X1", 4_700, 1_000);
        assertEquals(ASK, d.lastIntent().legSide(0));
        assertEquals(5_200, d.lastIntent().legPrice(0));

        // a move within the width moves both legs in one intent, as before
        d.reply(1, OrderReplyEvent.AMENDED, d.lastIntent().legUpdatedClientOrderId(0), "X2", 5_200, 1_000);
        d.quote(1, 4_900, 1_000, 5_300, 1_000);
        assertEquals(2, d.lastIntent().legCount());
    }

    /**
     * A create held for our other leg is released by that leg's answer, as a held amend is. Before, it waited
     * for the next approved quote, which in a quiet market may be minutes away: one-sided quoting meanwhile.
     */
    @Test
    void aCreateHeldForOurOtherLegGoesOutOnThatLegsAnswer() {
        d.quote(1, 4_800, 0, 5_200, 1_000);                                    // ask only
        d.reply(1, OrderReplyEvent.ACCEPTED, "kabc-1", "X2", 5_200, 1_000);
        d.quote(1, 5_300, 1_000, 5_700, 1_000);                                // bid at 0.53 would cross our ask at 0.52
        OrderIntentEvent first = d.lastIntent();
        assertEquals(1, first.legCount());
        assertEquals(ASK, first.legSide(0));
        assertEquals(OrderIntentEvent.AMEND, first.legAction(0));
        assertEquals("NONE", d.state(1, BID));
        int before = d.intents().size();
        d.reply(1, OrderReplyEvent.AMENDED, first.legUpdatedClientOrderId(0), "X2", 5_700, 1_000);
        assertEquals(before + 1, d.intents().size(), "the ask's answer releases the held bid");
        OrderIntentEvent second = d.lastIntent();
        assertEquals(OrderIntentEvent.CREATE, second.legAction(0));
        assertEquals(BID, second.legSide(0));
        assertEquals(5_300, second.legPrice(0));
        assertEquals(1_000, second.legCount(0));
        assertEquals("PENDING_NEW", d.state(1, BID));
        int after = d.intents().size();
        d.reply(1, OrderReplyEvent.AMENDED, first.legUpdatedClientOrderId(0), "X2", 5_700, 1_000); // redelivered
        assertEquals(after, d.intents().size(), "released once");
    }

    @Test
    void aHeldCreateWhoseQuoteOutlivedItsLifetimeIsDropped() {
        d.quote(1, 4_800, 0, 5_200, 1_000, 50);
        d.reply(1, OrderReplyEvent.ACCEPTED, "kabc-1", "X2", 5_200, 1_000);
        d.quote(1, 5_300, 1_000, 5_700, 1_000, 50);
        String amendId = d.lastIntent().legUpdatedClientOrderId(0);
        d.advanceMillis(60);
        int before = d.intents().size();
        d.reply(1, OrderReplyEvent.AMENDED, amendId, "X2", 5_700, 1_000);
        assertTrue(d.intents().stream().skip(before).noneMatch(i -> i.legAction(0) == OrderIntentEvent.CREATE),
            "a create for a quote past its lifetime");
        assertEquals("NONE", d.state(1, BID));
    }

    @Test
    void aFilledLegIsNotRecreatedByItsSiblingsAnswer() {
        d.quote(1, 4_800, 1_000, 5_200, 1_000);
        d.reply(1, OrderReplyEvent.ACCEPTED, "kabc-1", "X1", 4_800, 1_000);
        d.reply(1, OrderReplyEvent.ACCEPTED, "kabc-2", "X2", 5_200, 1_000);
        d.quote(1, 4_800, 1_000, 5_300, 1_000);                                // the ask moves
        String amendId = d.lastIntent().legUpdatedClientOrderId(0);
        d.fill(1, BID, 1_000, "T1", "kabc-1", "X1");                           // the bid fills whole meanwhile
        assertEquals("FILLED", d.state(1, BID));
        int before = d.intents().size();
        d.reply(1, OrderReplyEvent.AMENDED, amendId, "X2", 5_300, 1_000);
        assertTrue(d.intents().stream().skip(before).noneMatch(i -> i.legAction(0) == OrderIntentEvent.CREATE),
            "a fill topped up before risk saw it");
    }

    @Test
    void smallerSizeAtTheSamePriceDecreasesAndAmendCarriesTheFilledTotal() {
        restingBid(1, "X1");
        d.fill(1, BID, 200, "T1", "kabc-1", "X1");
        d.quote(1, 4_800, 500, 5_200, 0);
        OrderIntentEvent dec = d.lastIntent();
        assertEquals(OrderIntentEvent.DECREASE, dec.legAction(0));
        assertEquals(300, dec.legCount(0), "reduce by 800 − 500");
        d.reply(1, OrderReplyEvent.DECREASED, "kabc-1", "X1", 4_800, 500);
        assertEquals("PARTIALLY_FILLED", d.state(1, BID));
        d.quote(1, 4_700, 500, 5_200, 0);
        assertEquals(700, d.lastIntent().legCount(0), "amend count = filled 200 + wanted 500");
    }

    @Test
    void cancelTransitionsAndRepeatedRefusalGoesUnknown() {
        restingBid(1, "X1");
        d.quote(1, 4_800, 0, 5_200, 0);
        assertEquals("PENDING_CANCEL", d.state(1, BID));
        d.reply(1, OrderReplyEvent.REJECTED, "kabc-1", "X1", 0, 0);
        assertEquals("PENDING_CANCEL", d.state(1, BID), "refused, resting again, and canceled again at once");
        d.reply(1, OrderReplyEvent.REJECTED, "kabc-1", "X1", 0, 0);
        d.reply(1, OrderReplyEvent.REJECTED, "kabc-1", "X1", 0, 0);
        assertEquals("UNKNOWN", d.state(1, BID), "three refusals: let reconciliation decide");
        restingBid(2, "X2");
        d.quote(2, 4_800, 0, 5_200, 0);
        d.reply(2, OrderReplyEvent.CANCELED, "kabc-2", "X2", 0, 0);
        assertEquals("CANCELED", d.state(2, BID));
    }

    @Test
    void pendingOrdersAreLeftAloneAndCanceledOnceAcknowledged() {
        d.quote(1, 4_800, 1_000, 5_200, 0);
        d.pull(1);
        assertEquals(1, d.intents().size(), "no cancel before the exchange id is known");
        d.reply(1, OrderReplyEvent.ACCEPTED, "kabc-1", "X1", 4_800, 1_000);
        assertEquals(OrderIntentEvent.CANCEL, d.lastIntent().legAction(0), "canceled on the ack");
        assertEquals("X1", d.lastIntent().legOrderId(0));
    }

    // ------------------------------------------------------------------ unknown and reconciliation

    @Test
    void unknownBlocksItsMarketUntilReconciled() {
        d.quote(1, 4_800, 1_000, 5_200, 0);
        d.reply(1, OrderReplyEvent.UNKNOWN, "kabc-1", "", 4_800, 0);
        List<DecisionEvent> ds = d.decisions();
        assertEquals(DecisionKind.UNKNOWN_ORDER_BLOCK, ds.get(ds.size() - 1).kind());
        assertEquals(DecisionEvent.STAGE_ORDERS, ds.get(ds.size() - 1).stage());
        int before = d.intents().size();
        d.quote(1, 4_800, 1_000, 5_200, 1_000);
        assertEquals(before, d.intents().size(), "market 1 blocked");
        d.quote(2, 4_800, 1_000, 5_200, 1_000);
        assertEquals(before + 1, d.intents().size(), "other markets are not");

        d.marker(1, ReconcileEvents.PHASE_BEGIN, false);
        d.reply(1, OrderReplyEvent.ACCEPTED, "kabc-1", "X9", 4_800, 1_000, 0, ReconcileEvents.REPORT_REASON, BID);
        d.marker(1, ReconcileEvents.PHASE_END, false);
        assertEquals("RESTING", d.state(1, BID), "adopted from the report");
        assertEquals(0, d.stage.unknownOrders(1));
        d.quote(1, 4_800, 1_000, 5_200, 1_000);
        assertEquals(OrderIntentEvent.CREATE, d.lastIntent().legAction(0), "unblocked: the ask is created");
    }

    @Test
    void unknownThatTheExchangeDoesNotHaveIsGoneAfterTheRound() {
        d.quote(1, 4_800, 1_000, 5_200, 0);
        d.reply(1, OrderReplyEvent.UNKNOWN, "kabc-1", "", 4_800, 0);
        d.marker(7, ReconcileEvents.PHASE_BEGIN, false);
        d.marker(7, ReconcileEvents.PHASE_END, false);
        assertEquals("CANCELED", d.state(1, BID));
        assertEquals(0, d.stage.unknownOrders(1));
    }

    @Test
    void restingOrderMissingFromTheReportIsGoneButANewOneIsNot() {
        restingBid(1, "X1");
        d.marker(2, ReconcileEvents.PHASE_BEGIN, false);
        restingBid(2, "X2"); // acknowledged after the round began: the snapshot may predate it
        d.marker(2, ReconcileEvents.PHASE_END, false);
        assertEquals("CANCELED", d.state(1, BID));
        assertEquals("RESTING", d.state(2, BID));
    }

    @Test
    void staleReportOfAnOrderWeJustCanceledIsNotAdoptedBack() {
        restingBid(1, "X1");
        d.marker(3, ReconcileEvents.PHASE_BEGIN, false);
        d.quote(1, 4_800, 0, 5_200, 0);                              // cancel sent after the round began
        d.reply(1, OrderReplyEvent.CANCELED, "kabc-1", "X1", 4_800, 0);
        int n = d.intents().size();
        d.reply(1, OrderReplyEvent.ACCEPTED, "kabc-1", "X1", 4_800, 1_000, 0, ReconcileEvents.REPORT_REASON, BID);
        d.marker(3, ReconcileEvents.PHASE_END, false);
        assertEquals("CANCELED", d.state(1, BID), "the snapshot was read before our cancel landed");
        assertEquals(n, d.intents().size(), "nothing to cancel either");
        assertFalse(d.stage.isHalted(1));
    }

    @Test
    void reportCountsIncludeFillsTheChannelDeliversLate() {
        restingBid(1, "X1");
        d.marker(4, ReconcileEvents.PHASE_BEGIN, false);
        long reportMs = d.nowNanos / 1_000_000;
        new io.kengine.protocol.event.OrderReplyEvent().wrapForEncode(d.slot.event(), 0, 1, 2)
            .replyType(OrderReplyEvent.ACCEPTED).clientOrderId("kabc-1").orderId("X1").price(4_800).remaining(400)
            .filled(600).reason(ReconcileEvents.REPORT_REASON).side(BID).exchangeTimeMs(reportMs);
        d.deliverRaw();
        d.marker(4, ReconcileEvents.PHASE_END, false);
        d.fill(1, BID, 600, "T1", "kabc-1", "X1"); // the fill channel catches up: already in the report's counts
        assertEquals("PARTIALLY_FILLED", d.state(1, BID));
        d.quote(1, 4_800, 400, 5_200, 0);
        assertEquals(1, d.intents().size(), "400 remain, not −200");
        assertEquals(600, d.stage.position(1), "the position still counts the fill");
        d.advanceMillis(5);
        d.fill(1, BID, 400, "T2", "kabc-1", "X1"); // a newer fill counts
        assertEquals("FILLED", d.state(1, BID));
    }

    @Test
    void persistentPositionMismatchHaltsTheMarket() {
        restingBid(1, "X1");
        d.fill(1, BID, 300, "T1", "kabc-1", "X1");
        for (int round = 1; round <= 2; round++) {
            d.marker(round, ReconcileEvents.PHASE_BEGIN, false);
            d.reply(1, OrderReplyEvent.ACCEPTED, "kabc-1", "X1", 4_800, 700, 300, ReconcileEvents.REPORT_REASON, BID);
            d.position(1, 100); // the exchange says 100, we counted 300
            d.marker(round, ReconcileEvents.PHASE_END, false);
            assertEquals(round == 2, d.stage.isHalted(1), "halts on the second identical difference");
        }
        assertEquals(List.of(1), d.haltSignals);
        DecisionEvent last = d.decisions().get(d.decisions().size() - 1);
        assertEquals(DecisionKind.RECONCILE_MISMATCH, last.kind());
        assertEquals(300, last.value1());
        assertEquals(100, last.value2());
        assertEquals(OrderIntentEvent.CANCEL, d.lastIntent().legAction(0), "the halted market's orders are pulled");
        d.command(1, OperatorCommandEvent.RESUME);
        assertFalse(d.stage.isHalted(1));
    }

    @Test
    void transientDifferenceDoesNotHalt() {
        restingBid(1, "X1");
        d.fill(1, BID, 300, "T1", "kabc-1", "X1");
        d.marker(1, ReconcileEvents.PHASE_BEGIN, false);
        d.position(1, 0); // the snapshot predates the fill
        d.marker(1, ReconcileEvents.PHASE_END, false);
        d.marker(2, ReconcileEvents.PHASE_BEGIN, false);
        d.position(1, 300);
        d.marker(2, ReconcileEvents.PHASE_END, false);
        assertFalse(d.stage.isHalted(1));
    }

    @Test
    void startupRoundSetsTheBaselineAndAdoptsOrCancels() {
        StageDriver adopt = new StageDriver(OrdersConfig.DEFAULTS.withAdoptOnStart(true));
        adopt.marker(1, ReconcileEvents.PHASE_BEGIN, true);
        adopt.reply(1, OrderReplyEvent.ACCEPTED, "kold-7", "X7", 4_500, 800, 200, ReconcileEvents.REPORT_REASON, ASK);
        adopt.position(1, -200);
        adopt.marker(1, ReconcileEvents.PHASE_END, true);
        assertEquals("RESTING", adopt.state(1, ASK));
        assertEquals(-200, adopt.stage.position(1));
        adopt.quote(1, 4_000, 0, 4_600, 800);
        assertEquals(OrderIntentEvent.AMEND, adopt.lastIntent().legAction(0));
        assertEquals("X7", adopt.lastIntent().legOrderId(0));

        StageDriver cancel = new StageDriver(OrdersConfig.DEFAULTS.withAdoptOnStart(false));
        cancel.marker(1, ReconcileEvents.PHASE_BEGIN, true);
        cancel.reply(1, OrderReplyEvent.ACCEPTED, "kold-7", "X7", 4_500, 800, 0, ReconcileEvents.REPORT_REASON, ASK);
        cancel.marker(1, ReconcileEvents.PHASE_END, true);
        assertEquals(OrderIntentEvent.CANCEL, cancel.lastIntent().legAction(0));
        assertEquals("X7", cancel.lastIntent().legOrderId(0));
        assertEquals("NONE", cancel.state(1, ASK));
    }

    @Test
    void journaledOrdersParametersDecideAdoptOrCancelAndTheUnwind() {
        StageDriver adopt = new StageDriver(OrdersConfig.DEFAULTS); // the default cancels; the journal says adopt
        adopt.config(OrdersParameters.ADOPT_ON_START_KEY, "true");
        adopt.config("orders.unwind", "none");
        adopt.config("orders.unwindSlippage", "0.0100");
        adopt.config("orders.mismatchConfirmations", "3");
        adopt.config("orders.mismatchConfirmations", "0"); // below the minimum: kept at 3, counted
        adopt.config("risk.maxPosition", "10.00");          // not ours: ignored
        assertEquals(1, adopt.stage.configErrors());
        adopt.marker(1, ReconcileEvents.PHASE_BEGIN, true);
        adopt.reply(1, OrderReplyEvent.ACCEPTED, "kold-7", "X7", 4_500, 800, 0, ReconcileEvents.REPORT_REASON, ASK);
        adopt.marker(1, ReconcileEvents.PHASE_END, true);
        assertEquals("RESTING", adopt.state(1, ASK), "adopted, as the journaled parameter says");

        OrdersConfig c = OrdersConfig.DEFAULTS;
        c = apply(c, OrdersParameters.ADOPT_ON_START_KEY, "true");
        c = apply(c, "orders.unwind", "none");
        c = apply(c, "orders.unwindSlippage", "0.0100");
        c = apply(c, "orders.mismatchConfirmations", "3");
        assertEquals(new OrdersConfig(true, OrdersConfig.Unwind.NONE, 100, 3, OrdersConfig.DEFAULTS.rememberedFills()), c);
        assertEquals(c, apply(c, "pricing.m0.edge", "0.0200"));
    }

    private static OrdersConfig apply(OrdersConfig c, String key, String value) {
        io.kengine.protocol.event.ConfigChangeEvent e = new io.kengine.protocol.event.ConfigChangeEvent();
        e.wrapForEncode(new org.agrona.concurrent.UnsafeBuffer(new byte[io.kengine.protocol.event.EventHeader.MAX_EVENT_LENGTH]), 0,
            io.kengine.protocol.event.EventSource.ENGINE).revision(1).key(key).value(value);
        return OrdersParameters.apply(c, e);
    }

    @Test
    void foreignOrderAfterStartIsAMismatch() {
        d.marker(1, ReconcileEvents.PHASE_BEGIN, true);
        d.marker(1, ReconcileEvents.PHASE_END, true);
        d.marker(2, ReconcileEvents.PHASE_BEGIN, false);
        d.reply(3, OrderReplyEvent.ACCEPTED, "manual-1", "M1", 4_500, 100, 0, ReconcileEvents.REPORT_REASON, BID);
        d.marker(2, ReconcileEvents.PHASE_END, false);
        assertTrue(d.stage.isHalted(3));
        assertEquals("M1", d.lastIntent().legOrderId(0), "and canceled");
    }

    // ------------------------------------------------------------------ lifetime

    @Test
    void ordersOlderThanTheirLifetimeArePulledUnlessReconfirmed() {
        d.quote(1, 4_800, 1_000, 5_200, 1_000, 100);
        d.reply(1, OrderReplyEvent.ACCEPTED, "kabc-1", "X1", 4_800, 1_000);
        d.reply(1, OrderReplyEvent.ACCEPTED, "kabc-2", "X2", 5_200, 1_000);
        d.advanceMillis(60);
        d.quote(1, 4_800, 1_000, 5_200, 1_000, 100); // re-confirms both: no intent
        int n = d.intents().size();
        d.advanceMillis(60);
        d.timer();
        assertEquals(n, d.intents().size(), "re-confirmed 60 ms ago: still alive");
        d.advanceMillis(50);
        d.timer();
        OrderIntentEvent pull = d.lastIntent();
        assertEquals(2, pull.legCount());
        assertEquals(OrderIntentEvent.CANCEL, pull.legAction(0));
        assertEquals(OrderIntentEvent.CANCEL, pull.legAction(1));
    }

    // ------------------------------------------------------------------ decisions

    @Test
    void pricingAndRiskDecisionsArePublishedBeforeTheIntents() {
        d.timerSlot(1);
        new DecisionNote().wrap(d.slot, DecisionNote.PRICING).add(DecisionKind.REGIME_CHANGE, 0, 1, 1, 2);
        DecisionNote risk = new DecisionNote().wrap(d.slot, DecisionNote.RISK);
        risk.add(DecisionKind.BLOCK, QuoteReason.RISK_OPEN_ORDERS, 1, 1_000, 500);
        new QuoteNote().wrap(d.slot, QuoteNote.RISK).set(1, QuoteNote.FLAG_PRESENT, 4_800, 500, QuoteReason.QUOTED,
            5_200, 500, QuoteReason.QUOTED, 5_000);
        EventHeader.sequence(d.slot.event(), 0, 99);
        d.stage.onEvent(d.slot, true);
        List<byte[]> out = d.published;
        int base = out.size() - 3;
        DecisionEvent first = new DecisionEvent();
        first.wrap(new UnsafeBuffer(out.get(base)), 0);
        assertEquals(DecisionEvent.STAGE_PRICING, first.stage());
        assertEquals(DecisionKind.REGIME_CHANGE, first.kind());
        assertEquals(99, first.causeSequence());
        DecisionEvent second = new DecisionEvent();
        second.wrap(new UnsafeBuffer(out.get(base + 1)), 0);
        assertEquals(DecisionEvent.STAGE_RISK, second.stage());
        assertEquals(500, second.value2());
        assertEquals(EventType.ORDER_INTENT, EventHeader.type(new UnsafeBuffer(out.get(base + 2)), 0));
    }

    // ------------------------------------------------------------------ baskets

    private void basket(long groupId, int legs, byte tif) {
        d.timerSlot(EventHeader.NO_MARKET);
        BasketNote b = new BasketNote().wrap(d.slot);
        b.propose(groupId, 1, 100);
        for (int i = 0; i < legs; i++) {
            b.addLeg(10 + i, BID, 1_000 + i * 100, 500, tif);
            b.approvedQuantity(i, 500);
        }
        b.verdict(BasketNote.STATUS_APPROVED, QuoteReason.QUOTED);
        EventHeader.sequence(d.slot.event(), 0, 1_000);
        d.stage.onEvent(d.slot, true);
    }

    @Test
    void approvedBasketBecomesGroupedIntentsSplitAtTheLegLimit() {
        basket(77, 8, OrderIntentEvent.TIF_IOC);
        List<OrderIntentEvent> intents = d.intents();
        assertEquals(2, intents.size());
        assertEquals(OrderIntentEvent.MAX_LEGS, intents.get(0).legCount());
        assertEquals(8 - OrderIntentEvent.MAX_LEGS, intents.get(1).legCount());
        for (OrderIntentEvent e : intents) {
            assertEquals(77, e.groupId());
            assertEquals(OrderIntentEvent.TIF_IOC, e.legTimeInForce(0));
            assertEquals(0, e.legFlags(0), "takers are not post-only");
        }
    }

    @Test
    void failedLegUnwindsTheFilledOnes() {
        basket(55, 2, OrderIntentEvent.TIF_IOC);
        OrderIntentEvent legs = d.lastIntent();
        d.fill(10, BID, 500, "T1", legs.legClientOrderId(0), "L0");
        d.reply(10, OrderReplyEvent.EXECUTED, legs.legClientOrderId(0), "L0", 1_000, 0, 500, "", BID);
        d.reply(11, OrderReplyEvent.CANCELED, legs.legClientOrderId(1), "L1", 1_100, 0, 0, "", BID); // IOC unfilled
        DecisionEvent unwind = d.decisions().get(d.decisions().size() - 1);
        assertEquals(DecisionKind.UNWIND, unwind.kind());
        assertEquals(55, unwind.value1());
        OrderIntentEvent flatten = d.lastIntent();
        assertEquals(1, flatten.legCount());
        assertEquals(10, flatten.legMarketId(0));
        assertEquals(ASK, flatten.legSide(0), "sell back what the filled leg bought");
        assertEquals(500, flatten.legCount(0));
        assertEquals(1_000 - OrdersConfig.DEFAULTS.unwindSlippage(), flatten.legPrice(0));
        assertEquals(OrderIntentEvent.TIF_IOC, flatten.legTimeInForce(0));
        assertEquals(55, flatten.groupId());
    }

    @Test
    void basketIntoABlockedMarketIsNotSent() {
        d.quote(11, 4_800, 1_000, 5_200, 0);
        d.reply(11, OrderReplyEvent.UNKNOWN, "kabc-1", "", 4_800, 0);
        int n = d.intents().size();
        basket(9, 2, OrderIntentEvent.TIF_IOC);
        assertEquals(n, d.intents().size());
        assertEquals(1, d.stage.basketsDropped());
    }

    // ------------------------------------------------------------------ allocation

    @Test
    void steadyStateRepliesAndFillsAllocateNothing() {
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        restingBid(1, "X1");
        Runnable cycle = () -> {
            d.quote(1, 4_700, 1_000, 5_200, 0);
            d.reply(1, OrderReplyEvent.AMENDED, d.lastIntent().legUpdatedClientOrderId(0), "X1", 4_700, 1_000);
            d.quote(1, 4_800, 1_000, 5_200, 0);
            d.reply(1, OrderReplyEvent.AMENDED, d.lastIntent().legUpdatedClientOrderId(0), "X1", 4_800, 1_000);
        };
        for (int i = 0; i < 2_000; i++) {
            cycle.run(); // warm-up (the driver's own helpers allocate; measured below on raw events only)
        }
        // measure the stage alone on pre-built reply events
        d.published.clear();
        byte[][] events = new byte[2][];
        d.quote(1, 4_700, 1_000, 5_200, 0);
        String pending = d.lastIntent().legUpdatedClientOrderId(0);
        io.kengine.protocol.event.OrderReplyEvent r = new io.kengine.protocol.event.OrderReplyEvent();
        UnsafeBuffer b = new UnsafeBuffer(new byte[EventHeader.MAX_EVENT_LENGTH]);
        r.wrapForEncode(b, 0, 1, 2).replyType(OrderReplyEvent.ACCEPTED).clientOrderId(pending).orderId("X1")
            .price(4_700).remaining(1_000);
        events[0] = new byte[r.length()];
        b.getBytes(0, events[0]);
        UnsafeBuffer src = new UnsafeBuffer(events[0]);
        for (int i = 0; i < 10_000; i++) {
            d.slot.event().putBytes(0, src, 0, events[0].length);
            d.stage.onEvent(d.slot, true);
        }
        long before = mx.getThreadAllocatedBytes(Thread.currentThread().getId());
        for (int i = 0; i < 100_000; i++) {
            d.slot.event().putBytes(0, src, 0, events[0].length);
            d.stage.onEvent(d.slot, true);
        }
        long allocated = mx.getThreadAllocatedBytes(Thread.currentThread().getId()) - before;
        assertTrue(allocated < 1_000, "allocated " + allocated + " bytes in 100k replies");
    }
}
