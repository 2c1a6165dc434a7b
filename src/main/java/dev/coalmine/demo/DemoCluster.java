package dev.coalmine.demo;

import dev.coalmine.addon.RunningDemo;
import dev.coalmine.core.time.StartupTrace;
import dev.coalmine.demo.engines.EngineSeed;
import dev.coalmine.demo.server.DemoApiServer;
import dev.coalmine.demo.server.FaultLog;
import dev.coalmine.demo.server.RequestCounter;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * The embedded demo cluster: an API server on 127.0.0.1 that kubectl and Coalmine talk to as to a real cluster,
 * seeded with a small shop, and the {@link DemoComponent}s (controllers, traffic, metrics) that bring it to life.
 */
public final class DemoCluster implements RunningDemo {
    /** The User-Agent of {@link #client()}: its requests (the simulation's, a test's set-up) are never faulted. */
    public static final String OWN_USER_AGENT = "coalmine-demo-cluster/1";

    private final DemoApiServer server;
    private final KubernetesClient client;
    private final List<DemoComponent> started = new ArrayList<>();

    private DemoCluster(DemoApiServer server, KubernetesClient client) {
        this.server = server;
        this.client = client;
    }

    /** Starts the API server, seeds it, then starts the components in order. */
    public static DemoCluster start(DemoOptions options) {
        DemoApiServer server = DemoApiServer.start(options.port(), options.logSource(), options.faults());
        StartupTrace.mark("demo API server listening");
        Config own = clientConfig(server);
        own.setUserAgent(OWN_USER_AGENT);
        DemoCluster cluster = new DemoCluster(server, new KubernetesClientBuilder().withConfig(own).build());
        StartupTrace.mark("demo client built");
        try {
            DemoSeed.namespaces(cluster.client);
            StartupTrace.mark("demo namespaces");
            RoutingSeed.controllers(cluster.client);
            StartupTrace.mark("demo routing controllers");
            if (options.seeded()) {
                DemoSeed.shop(cluster.client);
                StartupTrace.mark("demo shop");
                RoutingSeed.storefront(cluster.client);
                EngineSeed.seed(cluster.client);
            }
            StartupTrace.mark("demo seeded");
            for (DemoComponent component : options.components()) {
                component.start(cluster.client);
                cluster.started.add(component);
                StartupTrace.mark("demo component started: " + component.getClass().getSimpleName());
                if (component instanceof ServedRequests traffic) {
                    options.logSource().readRequestsFrom(traffic);
                }
            }
            StartupTrace.mark("demo components started");
            cluster.metricsUrl().ifPresent(url -> {
                DemoEndpoints.advertiseMetrics(cluster.client, url);
                DemoMetricsService.publish(cluster.client, url);
            });
            return cluster;
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    /**
     * A client configuration for this cluster that ignores ~/.kube/config and the environment: its URL, its
     * certificate as the only authority trusted, its bearer token. A fresh one each call, for callers to adjust.
     */
    public Config clientConfig() {
        return clientConfig(server);
    }

    private static Config clientConfig(DemoApiServer server) {
        return new ConfigBuilder(Config.empty()).withMasterUrl(server.url())
                .withCaCertData(DemoKubeconfig.base64(server.certificatePem())).withOauthToken(server.token())
                .withNamespace(DemoSeed.NAMESPACE).withHttp2Disable(true).withRequestTimeout(30_000).build();
    }

    /** A fabric8 client for this cluster (default namespace {@code default}); closed with the cluster. */
    public KubernetesClient client() {
        return client;
    }

    /** {@code https://127.0.0.1:PORT} */
    @Override
    public String apiServerUrl() {
        return server.url();
    }

    public int port() {
        return server.port();
    }

    /** The requests its API server has received so far, per User-Agent (kubectl, fabric8, …). */
    public RequestCounter requests() {
        return server.requests();
    }

    /** The API faults injected so far ({@code --fault-rate}). */
    public FaultLog faults() {
        return server.faults();
    }

    /** The metrics page of the first component that serves one. */
    @Override
    public Optional<String> metricsUrl() {
        return started.stream().filter(MetricsEndpoint.class::isInstance).map(MetricsEndpoint.class::cast)
                .map(MetricsEndpoint::metricsUrl).findFirst();
    }

    /**
     * Writes a kubeconfig with context, cluster and user {@code coalmine-demo}, namespace {@code default}, holding
     * the server's certificate and token; the file is readable by its owner only.
     */
    @Override
    public void writeKubeconfig(Path file) {
        DemoKubeconfig.write(file, kubeconfig());
    }

    /** The kubeconfig text {@link #writeKubeconfig} writes. */
    public String kubeconfig() {
        return DemoKubeconfig.render(apiServerUrl(), server.certificatePem(), server.token());
    }

    /** Stops the components (in reverse order), the client and the API server. */
    @Override
    public void close() {
        List<DemoComponent> reversed = new ArrayList<>(started);
        Collections.reverse(reversed);
        started.clear();
        for (DemoComponent component : reversed) {
            try {
                component.close();
            } catch (RuntimeException e) {
                // keep stopping the rest: a failing component must not keep the port open
            }
        }
        client.close();
        server.close();
    }
}
