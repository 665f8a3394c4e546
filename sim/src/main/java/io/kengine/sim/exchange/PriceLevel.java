package io.kengine.sim.exchange;

/** The FIFO queue of resting orders at one price of one side: an intrusive doubly-linked list (O(1) append and unlink). */
final class PriceLevel {
    final long price;
    Order head;
    Order tail;
    long totalCount;
    int orderCount;

    PriceLevel(long price) {
        this.price = price;
    }

    boolean isEmpty() {
        return head == null;
    }

    void append(Order o) {
        o.level = this;
        o.prevInLevel = tail;
        o.nextInLevel = null;
        if (tail == null) {
            head = o;
        } else {
            tail.nextInLevel = o;
        }
        tail = o;
        totalCount += o.remaining;
        orderCount++;
    }

    void unlink(Order o) {
        if (o.prevInLevel == null) {
            head = o.nextInLevel;
        } else {
            o.prevInLevel.nextInLevel = o.nextInLevel;
        }
        if (o.nextInLevel == null) {
            tail = o.prevInLevel;
        } else {
            o.nextInLevel.prevInLevel = o.prevInLevel;
        }
        totalCount -= o.remaining;
        orderCount--;
        o.level = null;
        o.prevInLevel = null;
        o.nextInLevel = null;
    }
}
