package dev.coalmine.demo.metrics;

import dev.coalmine.metrics.MetricSourceException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;

/**
 * The rule for a metrics address read from the cluster: anyone who can write a ConfigMap could otherwise point the
 * judge at filtered metrics, so only this machine (a loopback address, where a {@code coalmine demo} runs) is read.
 */
public final class LoopbackMetricsUrl {
    private LoopbackMetricsUrl() {
    }

    /** {@code url} when it is http(s) on a loopback address; otherwise an error that names it. */
    public static String require(String url) {
        if (!isLoopbackHttp(url)) {
            throw new MetricSourceException("the cluster advertises demo metrics at '" + url + "', which is not a loopback "
                    + "address (127.0.0.1, ::1 or localhost); Coalmine reads the demo's metrics only from this machine, "
                    + "so it did not contact it");
        }
        return url;
    }

    private static boolean isLoopbackHttp(String url) {
        try {
            URI uri = new URI(url.trim());
            String host = uri.getHost();
            if (uri.getScheme() == null || !uri.getScheme().matches("https?") || host == null || uri.getRawUserInfo() != null) {
                return false;
            }
            return host.equalsIgnoreCase("localhost") || isIpLiteral(host) && InetAddress.getByName(host).isLoopbackAddress();
        } catch (URISyntaxException | UnknownHostException e) {
            return false;
        }
    }

    /** Only literals: resolving a name could ask a DNS server the cluster's writer controls. */
    private static boolean isIpLiteral(String host) {
        return host.matches("[0-9.]+") || host.startsWith("[") && host.endsWith("]");
    }
}
