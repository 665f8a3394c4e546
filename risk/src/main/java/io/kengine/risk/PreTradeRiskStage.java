package io.kengine.risk;

import io.kengine.config.ParameterDef;
import io.kengine.protocol.event.Codes;
import io.kengine.protocol.event.ConfigChangeEvent;
import io.kengine.protocol.event.EventType;
import io.kengine.protocol.event.FillEvent;
import io.kengine.protocol.event.OperatorCommandEvent;
import io.kengine.protocol.stage.EventSlot;
import io.kengine.protocol.stage.QuoteNote;
import io.kengine.protocol.stage.QuoteReason;
import io.kengine.protocol.stage.Stage;

import java.util.List;

/**
 * The risk stage as the spine needs it: every quote pricing wants passes through here and comes
 * out as the approved quote note, cut to the max order size and to the per-market position cap,
 * or pulled while an operator halt is latched. Positions come from fills.
 * The full R0–R3 engines build on this stage.
 */
public final class PreTradeRiskStage implements Stage {
    public static final String MAX_ORDER_SIZE_KEY = "risk.maxOrderSize";
    public static final String MAX_POSITION_KEY = "risk.maxPosition";
    public static final int MAX_MARKETS = 4096;
    public static final ParameterDef MAX_ORDER_SIZE = ParameterDef.count(MAX_ORDER_SIZE_KEY, "100.00",
        "largest order, in contracts, risk lets through").withMin("0.01");
    public static final ParameterDef MAX_POSITION = ParameterDef.count(MAX_POSITION_KEY, "500.00",
        "largest absolute position per market, in contracts").withMin("0.01");
    public static final List<ParameterDef> PARAMETERS = List.of(MAX_ORDER_SIZE, MAX_POSITION);

    private final QuoteNote wanted = new QuoteNote();
    private final QuoteNote approved = new QuoteNote();
    private final ConfigChangeEvent config = new ConfigChangeEvent();
    private final OperatorCommandEvent command = new OperatorCommandEvent();
    private final FillEvent fill = new FillEvent();
    private final long[] position = new long[MAX_MARKETS];

    private long maxOrderSize;
    private long maxPosition;
    private boolean halted;
    private long cuts;

    /** Starts at the declared defaults; configured values arrive as ConfigChange events. */
    public PreTradeRiskStage() {
        this.maxOrderSize = MAX_ORDER_SIZE.parse(MAX_ORDER_SIZE.defaultValue());
        this.maxPosition = MAX_POSITION.parse(MAX_POSITION.defaultValue());
    }

    @Override
    public void onEvent(EventSlot slot, boolean endOfBatch) {
        approved.wrap(slot, QuoteNote.RISK).clear();
        switch (slot.type()) {
            case EventType.CONFIG_CHANGE:
                applyConfig(slot);
                return;
            case EventType.OPERATOR_COMMAND:
                applyCommand(slot);
                return;
            case EventType.FILL:
                applyFill(slot);
                return;
            default:
                break;
        }
        wanted.wrap(slot, QuoteNote.PRICING);
        if (!wanted.isPresent()) {
            return;
        }
        approved.copyFrom(wanted);
        int market = wanted.marketId();
        if (halted) {
            approved.set(market, QuoteNote.FLAG_PRESENT | QuoteNote.FLAG_PULL, wanted.bidPrice(), 0, QuoteReason.RISK_HALTED,
                wanted.askPrice(), 0, QuoteReason.RISK_HALTED, wanted.fairValue());
            return;
        }
        if (approved.isPull()) {
            return;
        }
        long pos = market >= 0 && market < MAX_MARKETS ? position[market] : 0;
        approved.bidQty(cut(wanted.bidQty(), maxPosition - pos), cutReason(wanted.bidQty(), maxPosition - pos, wanted.bidReason()));
        approved.askQty(cut(wanted.askQty(), maxPosition + pos), cutReason(wanted.askQty(), maxPosition + pos, wanted.askReason()));
    }

    /** Smallest of the wanted size, the order size cap and the room left under the position cap. */
    private long cut(long wantedQty, long room) {
        long q = Math.min(wantedQty, Math.min(maxOrderSize, Math.max(0, room)));
        if (q < wantedQty) {
            cuts++;
        }
        return q;
    }

    private int cutReason(long wantedQty, long room, int original) {
        if (wantedQty == 0) {
            return original;
        }
        if (room < wantedQty && room <= maxOrderSize) {
            return QuoteReason.RISK_POSITION_CAP;
        }
        return wantedQty > maxOrderSize ? QuoteReason.RISK_SIZE_CAP : original;
    }

    private void applyFill(EventSlot slot) {
        fill.wrap(slot.event(), 0);
        int market = fill.marketId();
        if (market < 0 || market >= MAX_MARKETS) {
            return;
        }
        position[market] += fill.side() == Codes.BID ? fill.count() : -fill.count();
    }

    private void applyCommand(EventSlot slot) {
        command.wrap(slot.event(), 0);
        if (command.command() == OperatorCommandEvent.HALT) {
            halted = true;
        } else if (command.command() == OperatorCommandEvent.RESUME) {
            halted = false;
        }
        if (halted || command.command() == OperatorCommandEvent.CANCEL_ALL) {
            approved.set(command.marketId(), QuoteNote.FLAG_PRESENT | QuoteNote.FLAG_PULL, 0, 0, QuoteReason.RISK_HALTED,
                0, 0, QuoteReason.RISK_HALTED, 0);
        }
    }

    private void applyConfig(EventSlot slot) {
        config.wrap(slot.event(), 0);
        if (config.keyEquals(MAX_ORDER_SIZE_KEY)) {
            maxOrderSize = MAX_ORDER_SIZE.parse(config.value());
        } else if (config.keyEquals(MAX_POSITION_KEY)) {
            maxPosition = MAX_POSITION.parse(config.value());
        }
    }

    public boolean halted() {
        return halted;
    }

    public long position(int marketId) {
        return position[marketId];
    }

    public long cuts() {
        return cuts;
    }
}
