package io.transferas2.model;

/** Server state, AWS `State`. An OFFLINE server's consumer answers 503. */
public enum State {
    OFFLINE, ONLINE, STARTING, STOPPING, START_FAILED, STOP_FAILED
}
