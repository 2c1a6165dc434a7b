package dev.coalmine.metrics;

import java.net.URI;
import java.util.Locale;

/** Scheme, host and port of a URL: where credentials given for one URL may also go. */
record HttpOrigin(String scheme, String host, int port) {
    static HttpOrigin of(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        int port = uri.getPort() != -1 ? uri.getPort() : "https".equals(scheme) ? 443 : 80;
        return new HttpOrigin(scheme, uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT), port);
    }

    @Override
    public String toString() {
        return scheme + "://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
