package dev.coalmine.demo;

import dev.coalmine.demo.engines.EngineSimulation;
import dev.coalmine.demo.sim.ClusterSimulation;
import dev.coalmine.demo.sim.SimulationSettings;
import dev.coalmine.demo.traffic.TrafficSettings;
import dev.coalmine.demo.traffic.TrafficSimulation;
import java.util.List;

/**
 * What brings the demo cluster to life: the simulated controllers, scheduler and kubelets first (they register
 * the nodes), then the traffic simulation with its {@code /metrics} page, then the simulated Argo Rollouts and
 * Flagger controllers. New instances on every call.
 */
public final class SimulatedComponents {
    private SimulatedComponents() {
    }

    /** Delays of seconds, 20 requests per second per Service, metrics on a free port: for demos and the console. */
    public static List<DemoComponent> realistic() {
        return of(SimulationSettings.realistic(), TrafficSettings.defaults());
    }

    public static List<DemoComponent> of(SimulationSettings simulation, TrafficSettings traffic) {
        return List.of(new ClusterSimulation(simulation), new TrafficSimulation(traffic),
                new EngineSimulation(simulation.tick()));
    }
}
