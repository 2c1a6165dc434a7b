package dev.coalmine.metrics;

/** Carries GET requests of Prometheus's HTTP API to Prometheus, directly or through the API server's service proxy. */
public interface PrometheusTransport {
    /**
     * GETs {@code pathAndQuery} (e.g. {@code /api/v1/query?query=up}) relative to Prometheus's base URL.
     *
     * @throws PrometheusUnreachableException when there is no answer (refused, timeout, TLS, proxy without endpoints)
     */
    Answer get(String pathAndQuery);

    /** Where requests go, for messages; never contains credentials. */
    String describe();

    /**
     * Prometheus's answer: any status with its body.
     *
     * @param answeredBy who sent it, for messages: the transport's {@link #describe()}, or the server a redirect led to
     */
    record Answer(int status, String body, String answeredBy) {
    }
}
