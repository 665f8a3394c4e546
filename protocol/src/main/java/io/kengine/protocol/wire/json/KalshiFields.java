package io.kengine.protocol.wire.json;

import io.kengine.protocol.units.FixedPoint;
import io.kengine.protocol.wire.Wire;
import io.kengine.protocol.wire.model.Action;
import io.kengine.protocol.wire.model.BookSide;
import io.kengine.protocol.wire.model.OutcomeSide;
import io.kengine.protocol.wire.model.PriceLevel;
import io.kengine.protocol.wire.model.PriceRange;
import java.util.List;

/**
 * Readers and writers for field groups that recur across Kalshi's REST and WebSocket shapes: order
 * direction (current and deprecated spellings), book levels, price ranges.
 */
public final class KalshiFields {
    private KalshiFields() {
    }

    /**
     * The outcome side: {@code outcome_side}, else {@code book_side}, else {@code purchased_side}, else
     * the deprecated {@code side} — combined with {@code action} when {@code withAction} (buy-yes and
     * sell-no are YES, kalshi-api.md §5). Null when none is present.
     */
    public static OutcomeSide outcome(JsonObject in, boolean withAction) {
        OutcomeSide o = in.optEnum("outcome_side", OutcomeSide.class);
        if (o != null) {
            return o;
        }
        BookSide b = in.optEnum("book_side", BookSide.class);
        if (b != null) {
            return b.outcomeSide();
        }
        o = in.optEnum("purchased_side", OutcomeSide.class);
        if (o != null) {
            return o;
        }
        OutcomeSide side = in.optEnum("side", OutcomeSide.class);
        if (side == null) {
            return null;
        }
        return withAction ? OutcomeSide.fromLegacy(side, in.optEnum("action", Action.class)) : side;
    }

    /** Writes {@code side} + {@code action} ("buy outcome"), {@code outcome_side} and {@code book_side}. */
    public static JsonOut writeOutcome(JsonOut out, OutcomeSide outcome) {
        if (outcome == null) {
            return out;
        }
        return out.enumValue("side", outcome).enumValue("action", Action.BUY)
                .enumValue("outcome_side", outcome).enumValue("book_side", outcome.bookSide());
    }

    /** One {@code [price, count]} pair; {@code legacyCents} when the price is integer cents (2025 shapes). */
    public static PriceLevel level(JsonValue v, boolean legacyCents) {
        List<JsonValue> pair = v.asArray();
        if (pair.size() != 2) {
            throw v.invalid("a level is [price, count], got " + pair.size() + " elements");
        }
        long price = legacyCents ? pair.get(0).asCents() : pair.get(0).asPrice();
        return new PriceLevel(price, pair.get(1).asCount());
    }

    /** Levels at {@code name}; empty when absent or null (Kalshi omits or nulls an empty side). */
    public static List<PriceLevel> levels(JsonObject in, String name, boolean legacyCents) {
        List<PriceLevel> l = in.optList(name, v -> level(v, legacyCents));
        return l == null ? List.of() : l;
    }

    public static void writeRange(PriceRange r, JsonOut out) {
        out.price("start", r.start()).price("end", r.end()).price("step", r.step());
    }

    public static PriceRange readRange(JsonObject r) {
        return new PriceRange(r.price("start"), r.price("end"), r.price("step"));
    }

    /** $1 − p, or ABSENT: the NO price of a YES price. */
    public static long complement(long price) {
        return price == Wire.ABSENT ? Wire.ABSENT : FixedPoint.PRICE_ONE - price;
    }

    /** The YES price from {@code yes_price_dollars} / legacy {@code yes_price}, else $1 − the NO price. */
    public static long yesPrice(JsonObject in) {
        long yes = in.priceOr("yes_price_dollars", "yes_price");
        return yes != Wire.ABSENT ? yes : complement(in.priceOr("no_price_dollars", "no_price"));
    }
}
