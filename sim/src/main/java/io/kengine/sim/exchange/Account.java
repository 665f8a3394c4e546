package io.kengine.sim.exchange;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** One trading account (a Kalshi user or subaccount): money, positions, and its orders and fills in creation order. */
final class Account {
    final String id;
    final AccountPrecision precision;
    long cash;
    long reserved;
    final TreeMap<String, Position> positions = new TreeMap<>();
    final List<Order> orders = new ArrayList<>();
    final List<Fill> fills = new ArrayList<>();
    /** Every client_order_id the account ever used (a dedupe key: a retried create must not place twice). */
    final Map<String, Order> clientOrderIds = new HashMap<>();

    Account(String id, AccountPrecision precision) {
        this.id = id;
        this.precision = precision;
    }

    long available() {
        return cash - reserved;
    }

    Position position(Market market) {
        Position p = positions.get(market.ticker);
        if (p == null) {
            p = new Position(this, market);
            positions.put(market.ticker, p);
            market.positions.put(id, p);
        }
        return p;
    }

    AccountState snapshot() {
        return new AccountState(id, precision, cash, reserved, cash - reserved);
    }
}
