package dev.coalmine.ui;

import dev.coalmine.core.release.ReleasePlan;
import dev.coalmine.core.release.ReleaseState;
import dev.coalmine.kube.release.ReleasePreflight;
import dev.coalmine.kube.release.ReleaseService;
import dev.coalmine.kube.release.ReleaseSettings;
import dev.coalmine.kube.release.ReleaseStatus;
import dev.coalmine.ui.rollout.ReleaseActionsGateway;
import dev.coalmine.ui.wizard.ReleaseLauncher;
import dev.coalmine.ui.wizard.ReleasePreview;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.Watch;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;

/** The release engine as the console uses it: one per connection, acting as this console's identity. */
public final class EngineGateway implements ReleaseLauncher, ReleaseActionsGateway {
    private static final Duration DRIVE_LIMIT = Duration.ofDays(7);

    private final ReleaseService service;
    private final ReleasePreflight preflight;
    private final String identity;
    private final dev.coalmine.metrics.MetricsConnectionCheck metricsCheck;

    public EngineGateway(KubernetesClient client, String identity, dev.coalmine.metrics.MetricSources metricSources) {
        this.identity = identity;
        dev.coalmine.metrics.PrometheusAuth auth = dev.coalmine.metrics.PrometheusAuth.fromEnvironment(System.getenv());
        this.service = new ReleaseService(client, ReleaseSettings.defaults(identity), auth, metricSources);
        this.preflight = new ReleasePreflight(client, Clock.systemUTC());
        this.metricsCheck = new dev.coalmine.metrics.MetricsConnectionCheck(client, auth, metricSources);
    }

    /** "alice@laptop (console)": who this console is in Leases and decisions. */
    public static String consoleIdentity() {
        String host;
        try {
            host = java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            host = "localhost";
        }
        return System.getProperty("user.name", "operator") + "@" + host + " (console)";
    }

    @Override
    public ReleasePreview preview(ReleasePlan plan) {
        dev.coalmine.kube.release.ReleasePreview rendered = service.plan(plan);
        ReleasePreflight.Result checks = preflight.check(plan, rendered.release());
        return new ReleasePreview(rendered.yaml(), checks.dryRunProblems(), checks.rbacProblems());
    }

    @Override
    public void start(ReleasePlan plan) {
        service.start(plan, false);
    }

    @Override
    public String testMetrics(dev.coalmine.core.release.JudgeSpec judge, String namespace, String deployment) {
        return metricsCheck.check(judge.config(), namespace, deployment);
    }

    @Override
    public Optional<String> unfinishedRelease(String namespace, String deployment) {
        return service.status(namespace, deployment).current().filter(s -> !s.finished())
                .map(s -> "release " + s.number() + " is in phase " + s.phase().label());
    }

    @Override
    public ReleaseStatus status(String namespace, String deployment) {
        return service.status(namespace, deployment);
    }

    @Override
    public AutoCloseable watch(String namespace, String deployment, Runnable changed) {
        Watch watch = service.watch(namespace, deployment, history -> changed.run());
        return watch::close;
    }

    @Override
    public ReleaseState drive(String namespace, String deployment, Consumer<ReleaseState> progress) {
        return service.drive(namespace, deployment, s -> false, DRIVE_LIMIT, progress);
    }

    @Override
    public ReleaseState promote(String namespace, String deployment) {
        return service.promote(namespace, deployment, identity);
    }

    @Override
    public ReleaseState reject(String namespace, String deployment) {
        return service.reject(namespace, deployment, identity);
    }
}
