package dev.coalmine.metrics;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A Prometheus Service inside the cluster, written {@code namespace/service:port} (port by number or name). */
public record PrometheusService(String namespace, String service, String port) {
    private static final Pattern FORMAT = Pattern.compile("([a-z0-9]([-a-z0-9]*[a-z0-9])?)/([a-z0-9]([-a-z0-9]*[a-z0-9])?):([a-z0-9-]+)");

    public static PrometheusService parse(String text) {
        Matcher m = FORMAT.matcher(text == null ? "" : text.trim());
        if (!m.matches()) {
            throw new MetricSourceException("'" + text + "' is not NAMESPACE/SERVICE:PORT, e.g. monitoring/prometheus-server:80 "
                    + "(see kubectl get services -A | grep prometheus).");
        }
        return new PrometheusService(m.group(1), m.group(3), m.group(5));
    }

    /** The API server path that proxies to this service. */
    public String proxyPath() {
        return "api/v1/namespaces/" + namespace + "/services/" + service + ":" + port + "/proxy";
    }

    @Override
    public String toString() {
        return namespace + "/" + service + ":" + port;
    }
}
