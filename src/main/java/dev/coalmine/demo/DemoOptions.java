package dev.coalmine.demo;

import java.util.ArrayList;
import java.util.List;

/**
 * How to start a {@link DemoCluster}.
 *
 * @param port       the API server's port on 127.0.0.1; 0 picks a free one
 * @param seeded     whether to create the sample shop workloads (namespaces are always created)
 * @param components started in order once the API server is up and seeded, closed in reverse order
 * @param logSource  what {@code kubectl logs} shows for a pod
 */
public record DemoOptions(int port, boolean seeded, List<DemoComponent> components, PodLogSource logSource) {

    public DemoOptions {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be between 0 and 65535, was " + port);
        }
        components = List.copyOf(components);
    }

    /** A free port, seeded, no components, access-log style pod logs. */
    public static DemoOptions defaults() {
        return new DemoOptions(0, true, List.of(), new AccessLogSource());
    }

    public DemoOptions withPort(int newPort) {
        return new DemoOptions(newPort, seeded, components, logSource);
    }

    /** Without the sample workloads ({@code --empty}). */
    public DemoOptions empty() {
        return new DemoOptions(port, false, components, logSource);
    }

    public DemoOptions withSeed(boolean seed) {
        return new DemoOptions(port, seed, components, logSource);
    }

    public DemoOptions withComponents(List<? extends DemoComponent> newComponents) {
        return new DemoOptions(port, seeded, List.copyOf(newComponents), logSource);
    }

    public DemoOptions withComponent(DemoComponent component) {
        List<DemoComponent> all = new ArrayList<>(components);
        all.add(component);
        return new DemoOptions(port, seeded, all, logSource);
    }

    public DemoOptions withLogSource(PodLogSource source) {
        return new DemoOptions(port, seeded, components, source);
    }
}
