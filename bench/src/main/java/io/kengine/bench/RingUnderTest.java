package io.kengine.bench;

/** A ring plus its consumers, as the ring-hop benchmark drives it from one producer thread. */
interface RingUnderTest extends AutoCloseable {
    /** Publishes {@code n} events, each a copy of the next recorded one. */
    void publish(RecordedEvents events, int n);

    /** Events the last consumer has finished with, counted from the first published. */
    long consumed();

    /** Stage exceptions seen so far (always 0 for the raw Disruptor). */
    long stageErrors();

    /** A one-line description for logs: mapping, wait strategy as resolved. */
    String describe();

    @Override
    void close();
}
