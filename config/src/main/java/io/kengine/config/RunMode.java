package io.kengine.config;

/** Whether orders leave the process: {@code paper} never sends one to the exchange, {@code live} does. */
public enum RunMode implements ConfigChoice {
    PAPER, LIVE
}
