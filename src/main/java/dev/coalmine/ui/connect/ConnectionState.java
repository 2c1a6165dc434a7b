package dev.coalmine.ui.connect;

/** The status light of the connection bar. */
public enum ConnectionState {
    DISCONNECTED, CONNECTING, CONNECTED, FAILED
}
