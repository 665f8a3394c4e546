package io.kengine.config;

/** Which exchange the engine talks to: the loopback simulator, Kalshi's demo, or production. */
public enum Environment implements ConfigChoice {
    SIM, DEMO, PROD
}
