package io.kengine.engine;

import io.kengine.gateway.IntentSender;
import io.kengine.gateway.paper.PaperExchange;
import io.kengine.protocol.stage.EventPublisher;

/** Paper trading in the process: every intent acknowledged, nothing ever filled or sent. */
public final class PaperVenue implements OrderVenue {
    private PaperExchange paper;

    @Override
    public IntentSender sender(EventPublisher inbound) {
        paper = new PaperExchange(inbound);
        paper.start();
        return paper;
    }

    @Override
    public boolean isIdle() {
        return paper == null || paper.isIdle();
    }

    public PaperExchange paper() {
        return paper;
    }

    @Override
    public String describe() {
        return "paper exchange in the process (acknowledges, never fills)";
    }

    @Override
    public void close() {
        // the runtime closes the sender itself
    }
}
