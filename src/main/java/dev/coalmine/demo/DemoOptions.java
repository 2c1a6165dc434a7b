package dev.coalmine.demo;

import dev.coalmine.demo.server.FaultSettings;
import java.util.ArrayList;
import java.util.List;

/**
 * How to start a {@link DemoCluster}.
 *
 * @param port       the API server's port on 127.0.0.1; 0 picks a free one
 * @param seeded     whether to create the sample shop workloads (namespaces are always created)
 * @param components started in order once the API server is up and seeded, closed in reverse order
 * @param logSource  what {@code kubectl logs} shows for a pod
 * @param faults     how often its API server answers with an injected fault
 */
public record DemoOptions(int port, boolean seeded, List<DemoComponent> components, PodLogSource logSource,
                          FaultSettings faults) {

    public DemoOptions {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be between 0 and 65535, was " + port);
        }
        components = List.copyOf(components);
    }

    /** A free port, seeded, no components, access-log style pod logs. */
    public static DemoOptions defaults() {
        return new DemoOptions(0, true, List.of(), new AccessLogSource(), FaultSettings.none());
    }

    public DemoOptions withPort(int newPort) {
        return new DemoOptions(newPort, seeded, components, logSource, faults);
    }

    /** Without the sample workloads ({@code --empty}). */
    public DemoOptions empty() {
        return new DemoOptions(port, false, components, logSource, faults);
    }

    public DemoOptions withSeed(boolean seed) {
        return new DemoOptions(port, seed, components, logSource, faults);
    }

    public DemoOptions withComponents(List<? extends DemoComponent> newComponents) {
        return new DemoOptions(port, seeded, List.copyOf(newComponents), logSource, faults);
    }

    public DemoOptions withComponent(DemoComponent component) {
        List<DemoComponent> all = new ArrayList<>(components);
        all.add(component);
        return new DemoOptions(port, seeded, all, logSource, faults);
    }

    public DemoOptions withLogSource(PodLogSource source) {
        return new DemoOptions(port, seeded, components, source, faults);
    }

    /** With API faults injected ({@code --fault-rate}, {@code --fault-seed}). */
    public DemoOptions withFaults(FaultSettings newFaults) {
        return new DemoOptions(port, seeded, components, logSource, newFaults);
    }
}
