package dev.coalmine.demo.server;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A Kubernetes REST path taken apart: {@code /apis/GROUP/VERSION[/namespaces/NS]/RESOURCE[/NAME[/SUBRESOURCE]]}
 * (group empty for {@code /api/v1}), plus the decoded query parameters.
 */
public record ApiPath(String group, String version, String namespace, String resource, String name,
        String subresource, Map<String, String> query) {

    /** Parses a request URI; empty when it is not a resource path (discovery, /version, ...). */
    public static Optional<ApiPath> parse(String uri) {
        int q = uri.indexOf('?');
        String path = q < 0 ? uri : uri.substring(0, q);
        Map<String, String> query = q < 0 ? Map.of() : parseQuery(uri.substring(q + 1));
        String[] all = Arrays.stream(path.split("/")).filter(s -> !s.isEmpty()).toArray(String[]::new);
        String group;
        int at;
        if (all.length >= 3 && all[0].equals("api")) {
            group = "";
            at = 1;
        } else if (all.length >= 4 && all[0].equals("apis")) {
            group = all[1];
            at = 2;
        } else {
            return Optional.empty();
        }
        String version = all[at];
        String[] rest = Arrays.copyOfRange(all, at + 1, all.length);
        String namespace = null;
        boolean namespacesItself = rest[0].equals("namespaces")
                && (rest.length <= 2 || rest.length == 3 && (rest[2].equals("status") || rest[2].equals("finalize")));
        if (rest[0].equals("namespaces") && !namespacesItself) {
            namespace = rest[1];
            rest = Arrays.copyOfRange(rest, 2, rest.length);
        }
        if (rest.length == 0 || rest.length > 3) {
            return Optional.empty();
        }
        return Optional.of(new ApiPath(group, version, namespace, rest[0], rest.length > 1 ? rest[1] : null,
                rest.length > 2 ? rest[2] : null, query));
    }

    static Map<String, String> parseQuery(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = decode(eq < 0 ? pair : pair.substring(0, eq));
            out.put(key, eq < 0 ? "" : decode(pair.substring(eq + 1)));
        }
        return out;
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    /** This path with one more query parameter. */
    public ApiPath withParam(String key, String value) {
        Map<String, String> more = new LinkedHashMap<>(query);
        more.put(key, value);
        return new ApiPath(group, version, namespace, resource, name, subresource, Map.copyOf(more));
    }

    public String param(String key) {
        return query.get(key);
    }

    public boolean isDryRun() {
        return "All".equals(query.get("dryRun"));
    }

    public boolean isWatch() {
        String w = query.get("watch");
        return "true".equals(w) || "1".equals(w);
    }

    /** {@code apps/v1} or {@code v1}. */
    public String apiVersion() {
        return group.isEmpty() ? version : group + "/" + version;
    }

    /** The path of the collection this resource lives in, without query. */
    public String collectionPath() {
        return (group.isEmpty() ? "/api/" : "/apis/" + group + "/") + version
                + (namespace == null ? "" : "/namespaces/" + namespace) + "/" + resource;
    }

    /** The path of the object itself (no subresource, no query). */
    public String objectPath() {
        return collectionPath() + (name == null ? "" : "/" + name);
    }

    /** The path without the query string. */
    public String pathOnly() {
        return objectPath() + (subresource == null ? "" : "/" + subresource);
    }

    /** This path with the given query parameters removed, for handing on to the store. */
    public String withoutParams(String... keys) {
        Map<String, String> kept = new LinkedHashMap<>(query);
        for (String k : keys) {
            kept.remove(k);
        }
        StringBuilder sb = new StringBuilder(pathOnly());
        char sep = '?';
        for (Map.Entry<String, String> e : kept.entrySet()) {
            sb.append(sep).append(encode(e.getKey())).append('=').append(encode(e.getValue()));
            sep = '&';
        }
        return sb.toString();
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
