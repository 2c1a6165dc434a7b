package dev.coalmine.cli.canary;

import dev.coalmine.kube.cache.ClusterCache;
import dev.coalmine.kube.config.ClusterConnection;
import dev.coalmine.kube.release.HandOffService;
import dev.coalmine.kube.release.ReleaseService;
import dev.coalmine.kube.release.ReleaseSession;
import dev.coalmine.kube.release.ReleaseSettings;
import dev.coalmine.kube.release.Whoami;
import dev.coalmine.metrics.MetricSources;
import dev.coalmine.metrics.PrometheusAuth;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/** One CLI run's connection, namespace and release service. */
final class CanarySession implements AutoCloseable {
    private final ClusterConnection connection;
    private final String namespace;
    private final ClusterCache cache;
    private final ReleaseService service;
    private final List<ReleaseSession> opened = new ArrayList<>();

    CanarySession(ClusterConnection connection, String namespace, MetricSources metricSources) {
        this.connection = connection;
        this.namespace = namespace == null || namespace.isBlank() ? "default" : namespace;
        this.cache = ClusterCache.forCommands(connection.client());
        this.service = new ReleaseService(connection.client(), cache,
                ReleaseSettings.defaults(identity()).withRetries(connection.retries()),
                PrometheusAuth.fromEnvironment(System.getenv()), metricSources);
    }

    String namespace() {
        return namespace;
    }

    ReleaseService service() {
        return service;
    }

    /** Hands releases to the in-cluster engines (Argo Rollouts, Flagger) of this connection. */
    HandOffService handOff() {
        return new HandOffService(connection.client());
    }

    /** The workload's release in this process; closed with this session. */
    ReleaseSession release(String deployment) {
        ReleaseSession release = service.session(namespace, deployment);
        opened.add(release);
        return release;
    }

    /** Who decides, as written into the release: the workstation user and the user the API server authenticated. */
    String who() {
        return System.getProperty("user.name", "someone") + " (" + Whoami.of(connection.client(), connection.user())
                + ", cli)";
    }

    /** Unique per process, so a second CLI on the same machine is another Lease holder. */
    private static String identity() {
        return System.getProperty("user.name", "someone") + "@" + ProcessHandle.current().pid() + "@" + hostName()
                + " (cli)";
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }

    @Override
    public void close() {
        opened.forEach(ReleaseSession::close);
        cache.close();
        connection.close();
    }
}
