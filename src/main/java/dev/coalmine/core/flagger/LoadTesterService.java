package dev.coalmine.core.flagger;

import java.net.URI;
import java.util.Optional;

/**
 * The in-cluster Service a webhook URL names ({@code http://flagger-loadtester.test/gate/check}): the console reaches
 * it through the API server's service proxy, since a workstation cannot resolve cluster DNS.
 */
public record LoadTesterService(String scheme, String namespace, String name, int port) {
    /** The Service and path of {@code url}; a host with no namespace part is in {@code defaultNamespace}. */
    public static Optional<Located> locate(String url, String defaultNamespace) {
        URI uri;
        try {
            uri = URI.create(url.strip());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (uri.getHost() == null || uri.getScheme() == null) {
            return Optional.empty();
        }
        String scheme = uri.getScheme().toLowerCase(java.util.Locale.ROOT);
        String[] labels = uri.getHost().split("\\.");
        String namespace = labels.length > 1 ? labels[1] : defaultNamespace;
        int port = uri.getPort() > 0 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
        String path = uri.getPath() == null || uri.getPath().isEmpty() ? "/" : uri.getPath();
        return Optional.of(new Located(new LoadTesterService(scheme, namespace, labels[0], port), path));
    }

    /** A webhook URL split into the Service and the path on it. */
    public record Located(LoadTesterService service, String path) {
    }

    /** {@code api/v1/namespaces/test/services/http:flagger-loadtester:80/proxy}. */
    public String proxyPath() {
        return "api/v1/namespaces/" + namespace + "/services/" + scheme + ":" + name + ":" + port + "/proxy";
    }

    @Override
    public String toString() {
        return "service " + namespace + "/" + name + ":" + port;
    }
}
