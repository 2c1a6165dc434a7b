package dev.coalmine.core.traffic;

import dev.coalmine.core.CoalmineException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How the canary gets its share of requests: its share of pods, or weights set in a router. */
public enum TrafficProvider {
    REPLICAS("replicas", false),
    GATEWAY_API("gateway-api", true),
    ISTIO("istio", true),
    SMI("smi", false),
    NGINX("nginx", true);

    private final String word;
    private final boolean headerMatch;

    TrafficProvider(String word, boolean headerMatch) {
        this.word = word;
        this.headerMatch = headerMatch;
    }

    /** The name on the command line and in the status, e.g. {@code gateway-api}. */
    public String word() {
        return word;
    }

    /** Requests are shared by weights in a router, not by pod counts. */
    public boolean weighted() {
        return this != REPLICAS;
    }

    /** The router can send requests with a given header to the canary. */
    public boolean headerMatch() {
        return headerMatch;
    }

    public static TrafficProvider parse(String text) {
        String wanted = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(p -> p.word.equals(wanted)).findFirst()
                .orElseThrow(() -> new CoalmineException("unknown traffic provider '" + text + "': choose one of "
                        + Arrays.stream(values()).map(TrafficProvider::word).collect(Collectors.joining(", "))));
    }
}
