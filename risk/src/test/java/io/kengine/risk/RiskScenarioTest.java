package io.kengine.risk;

import io.kengine.protocol.event.Codes;
import io.kengine.protocol.event.EventHeader;
import io.kengine.protocol.event.OperatorCommandEvent;
import io.kengine.protocol.stage.DecisionKind;
import io.kengine.protocol.stage.QuoteReason;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One position driven through every stage of the limits, read back from the decisions risk journaled:
 * a cut at the cap (BLOCK), an overshooting fill (REDUCE_ONLY_ON), the auto-flatten working it back
 * (FLATTEN, REDUCE_ONLY_OFF), a falling market (COOL_DOWN_ON), the loss limit (HALT with every order
 * pulled), the operator's RESUME. The lead replays the same script against the simulator.
 */
class RiskScenarioTest {
    @Test
    void aPositionThroughEveryLimit() {
        RiskScenario s = new RiskScenario();
        RiskStage stage = s.stage();
        s.config("risk.tokens.tier", "advanced")
            .config("risk.maxPosition", "10.00")
            .config("risk.r1.dailyLossLimit", "4.0000")
            .config("risk.r1.coolDownPct", "50")
            .config("risk.r1.coolDown", "10m");
        s.define(1, "KXFED-26DEC-T3.00", "KXFED-26DEC", "KXFED").book(1, 4800, 5200);
        s.define(2, "KXFED-26DEC-T3.25", "KXFED-26DEC", "KXFED").book(2, 3000, 3400);

        // 1. quoting normally
        s.quote(1, 4800, 500, 5200, 500);
        assertEquals(500, s.last().bidQty());

        // 2. filled up to 8: the bid is cut to the 2 left under the cap
        s.advanceMs(1000).fill(1, Codes.BID, 4800, 500, false).fill(1, Codes.BID, 4800, 300, false);
        s.advanceMs(1000).quote(1, 4800, 500, 5200, 500);
        assertEquals(200, s.last().bidQty());
        assertEquals(QuoteReason.RISK_POSITION_CAP, s.last().bidReason());

        // 3. a resting order fills beyond the cap: reduce-only
        s.advanceMs(1000).fill(1, Codes.BID, 4800, 400, false);
        assertTrue(stage.reduceOnly(1));

        // 4. auto-flatten: only the ask, joining the best ask, for the 3 contracts over 90% of the cap
        s.advanceMs(1000).quote(1, 4800, 500, 5200, 500);
        assertEquals(0, s.last().bidQty());
        assertEquals(300, s.last().askQty());
        assertEquals(5200, s.last().askPrice());
        s.advanceMs(1000).fill(1, Codes.ASK, 5200, 300, false);
        assertFalse(stage.reduceOnly(1));

        // 5. the market falls: cool-down at half the loss limit, then the halt
        s.advanceMs(1000).book(1, 2400, 2500);      // 9 long from 0.48 marked at 0.245: about −$2.06 today
        assertTrue(stage.coolingDown());
        s.advanceMs(1000).quote(1, 2400, 400, 2500, 400);
        assertEquals(200, s.last().askQty(), "smaller");
        assertEquals(2700, s.last().askPrice(), "wider");
        assertEquals(QuoteReason.RISK_COOL_DOWN, s.last().askReason());
        assertEquals(2200, s.last().bidPrice());
        assertEquals(100, s.last().bidQty(), "and still under the position cap");
        s.advanceMs(1000).book(1, 200, 300);        // about −$4.07
        assertTrue(stage.halted());
        assertTrue(s.last().pull());
        assertEquals(EventHeader.NO_MARKET, s.last().market(), "every market's orders are cancelled");
        s.advanceMs(1000).quote(2, 3000, 100, 3400, 100);
        assertTrue(s.last().pull());
        assertEquals(QuoteReason.RISK_LOSS_HALT, s.last().bidReason());

        // 6. the operator resumes
        s.advanceMs(1000).command(OperatorCommandEvent.RESUME, EventHeader.NO_MARKET);
        assertFalse(stage.halted());

        List<Integer> kinds = new ArrayList<>();
        for (RiskScenario.Decision d : s.decisions()) {
            kinds.add(d.kind());
        }
        assertEquals(List.of(DecisionKind.BLOCK, DecisionKind.REDUCE_ONLY_ON, DecisionKind.FLATTEN, DecisionKind.BLOCK,
            DecisionKind.REDUCE_ONLY_OFF, DecisionKind.COOL_DOWN_ON, DecisionKind.BLOCK, DecisionKind.HALT,
            DecisionKind.BLOCK, DecisionKind.RESUME), kinds, s.decisions().toString());
        RiskScenario.Decision halt = s.decisions(DecisionKind.HALT).get(0);
        assertEquals(QuoteReason.RISK_LOSS_HALT, halt.reason());
        assertEquals(4_0000L * 100, halt.value2());
        assertTrue(halt.value1() >= halt.value2());
        assertTrue(stage.reasonCount(QuoteReason.RISK_LOSS_HALT) >= 2, "the halt and the pulled quote");
    }
}
