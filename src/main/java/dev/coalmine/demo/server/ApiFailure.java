package dev.coalmine.demo.server;

import io.fabric8.mockwebserver.http.MockResponse;

/** Ends a request early with a ready-made error answer. */
final class ApiFailure extends RuntimeException {
    private final transient MockResponse response;

    ApiFailure(MockResponse response) {
        super(null, null, false, false);
        this.response = response;
    }

    MockResponse response() {
        return response;
    }
}
