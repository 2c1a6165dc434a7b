package dev.coalmine.ui;

import dev.coalmine.core.release.JudgeSpec;
import dev.coalmine.core.release.ReleasePlan;
import dev.coalmine.kube.cache.ClusterCache;
import dev.coalmine.kube.release.ReleasePreflight;
import dev.coalmine.kube.release.ReleasePreview;
import dev.coalmine.kube.release.ReleaseService;
import dev.coalmine.kube.release.ReleaseSettings;
import dev.coalmine.kube.release.ReleaseSession;
import dev.coalmine.metrics.MetricSources;
import dev.coalmine.metrics.MetricsConnectionCheck;
import dev.coalmine.metrics.PrometheusAuth;
import dev.coalmine.ui.wizard.ReleaseLauncher;
import dev.coalmine.ui.wizard.ReviewContent;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.Optional;

/** The release engine as the console uses it: one per connection, acting as this console's identity. */
public final class EngineGateway implements ReleaseLauncher {
    private final ReleaseService service;
    private final ReleasePreflight preflight;
    private final String identity;
    private final MetricsConnectionCheck metricsCheck;

    public EngineGateway(KubernetesClient client, ClusterCache cache, String identity, MetricSources metricSources) {
        this.identity = identity;
        PrometheusAuth auth = PrometheusAuth.fromEnvironment(System.getenv());
        this.service = new ReleaseService(client, cache, ReleaseSettings.defaults(identity), auth, metricSources);
        this.preflight = new ReleasePreflight(client, Clock.systemUTC());
        this.metricsCheck = new MetricsConnectionCheck(client, auth, metricSources);
    }

    /** "alice@laptop (console)": who this console is in Leases and decisions. */
    public static String consoleIdentity() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "localhost";
        }
        return System.getProperty("user.name", "operator") + "@" + host + " (console)";
    }

    @Override
    public ReviewContent preview(ReleasePlan plan) {
        ReleasePreview rendered = service.plan(plan);
        ReleasePreflight.Result checks = preflight.check(plan, rendered.release());
        return new ReviewContent(rendered.yaml(), checks.dryRunProblems(), checks.rbacProblems());
    }

    @Override
    public void start(ReleasePlan plan) {
        service.start(plan, false);
    }

    @Override
    public String testMetrics(JudgeSpec judge, String namespace, String deployment) {
        return metricsCheck.check(judge.settings(), namespace, deployment);
    }

    @Override
    public Optional<String> unfinishedRelease(String namespace, String deployment) {
        return service.status(namespace, deployment).current().filter(s -> !s.finished())
                .map(s -> "release " + s.number() + " is in phase " + s.phase().label());
    }

    /** Whether the workload has a release to show (one read). */
    public boolean hasRelease(String namespace, String deployment) {
        return service.status(namespace, deployment).current().isPresent();
    }

    /** The workload's release for a rollout view; it starts watching when first asked. */
    public ReleaseSession open(String namespace, String deployment) {
        return service.session(namespace, deployment);
    }
}
