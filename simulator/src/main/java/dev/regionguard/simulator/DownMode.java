package dev.regionguard.simulator;

/** How a region that is down answers its calls: Event Notifications, Code Engine and app traffic. */
public enum DownMode {
    /** 503 with an IBM error body: the service says it is unavailable. */
    UNAVAILABLE,
    /** The connection is closed without any response. */
    CONNECTION_RESET,
    /** The request is held open with no answer until the region comes up or 30 s pass, then closed. */
    BLACKHOLE
}
