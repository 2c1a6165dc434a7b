package dev.coalmine.ui;

import dev.coalmine.core.release.JudgeSpec;
import dev.coalmine.core.release.ReleaseHistory;
import dev.coalmine.core.release.ReleasePlan;
import dev.coalmine.core.release.ReleaseState;
import dev.coalmine.kube.RetriedRequests;
import dev.coalmine.kube.cache.ClusterCache;
import dev.coalmine.kube.release.InProgressRelease;
import dev.coalmine.kube.release.ReleasePreflight;
import dev.coalmine.kube.release.ReleasePreview;
import dev.coalmine.kube.release.ReleaseService;
import dev.coalmine.kube.release.ReleaseSettings;
import dev.coalmine.kube.release.ReleaseSession;
import dev.coalmine.kube.release.Whoami;
import dev.coalmine.metrics.MetricSources;
import dev.coalmine.metrics.MetricsConnectionCheck;
import dev.coalmine.metrics.PrometheusAuth;
import dev.coalmine.ui.history.HistorySource;
import dev.coalmine.ui.overview.OverviewSource;
import dev.coalmine.core.engine.Engine;
import dev.coalmine.kube.release.HandOffService;
import dev.coalmine.ui.wizard.ReleaseLauncher;
import dev.coalmine.ui.wizard.ReviewContent;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.List;
import dev.coalmine.kube.traffic.TrafficProviders;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.Set;

/** The release engine as the console uses it: one per connection, acting as this console's identity. */
public final class EngineGateway implements ReleaseLauncher, HistorySource, OverviewSource {
    private final KubernetesClient client;
    private final ClusterCache cache;
    private final String workstation;
    private final PrometheusAuth auth;
    private final MetricSources metricSources;
    private final ReleasePreflight preflight;
    private final MetricsConnectionCheck metricsCheck;
    private final RetriedRequests retries;
    private ReleaseService service;

    /** {@code workstation}: {@link #consoleIdentity()}; the cluster user is asked of the API server. */
    public EngineGateway(KubernetesClient client, ClusterCache cache, String workstation, MetricSources metricSources) {
        this(client, cache, workstation, metricSources, new RetriedRequests());
    }

    /** @param retries what the client tried again, told in the step logs of the releases it concerns */
    public EngineGateway(KubernetesClient client, ClusterCache cache, String workstation, MetricSources metricSources,
            RetriedRequests retries) {
        this.retries = retries;
        this.client = client;
        this.cache = cache;
        this.workstation = workstation;
        this.metricSources = metricSources;
        this.auth = PrometheusAuth.fromEnvironment(System.getenv());
        this.preflight = new ReleasePreflight(client, Clock.systemUTC());
        this.metricsCheck = new MetricsConnectionCheck(client, auth, metricSources);
    }

    /** "alice@laptop": the workstation part of who this console is in Leases and decisions. */
    public static String consoleIdentity() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "localhost";
        }
        return System.getProperty("user.name", "operator") + "@" + host;
    }

    /**
     * Built on first use, not on connecting (on the UI thread): naming the identity, "alice@laptop (demo-admin,
     * console)", asks the API server who we are, and every use talks to it anyway.
     */
    private synchronized ReleaseService service() {
        if (service == null) {
            String identity = workstation + " (" + Whoami.of(client) + ", console)";
            service = new ReleaseService(client, cache, ReleaseSettings.defaults(identity).withRetries(retries), auth,
                    metricSources);
        }
        return service;
    }

    @Override
    public ReviewContent preview(ReleasePlan plan) {
        ReleasePreview rendered = service().plan(plan);
        ReleasePreflight.Result checks = preflight.check(plan, rendered.release());
        return new ReviewContent(rendered.yaml(), rendered.notes(), checks.dryRunProblems(), checks.rbacProblems());
    }

    @Override
    public void start(ReleasePlan plan) {
        service().start(plan, false);
    }

    @Override
    public Set<Engine> engines() {
        return new HandOffService(client).installedEngines();
    }

    @Override
    public ReviewContent preview(ReleasePlan plan, Engine engine) {
        if (!engine.inCluster()) {
            return preview(plan);
        }
        HandOffService.Review review = new HandOffService(client).review(plan, engine);
        return new ReviewContent(review.yaml(), review.notes(), review.dryRunProblems(), review.rbacProblems());
    }

    @Override
    public void start(ReleasePlan plan, Engine engine) {
        if (!engine.inCluster()) {
            start(plan);
            return;
        }
        new HandOffService(client).start(plan, engine, false, plan.steadyStateTimeout(),
                note -> { }); // the wizard's Review showed them before Start
    }

    @Override
    public String testMetrics(JudgeSpec judge, String namespace, String deployment) {
        return metricsCheck.check(judge.settings(), namespace, deployment);
    }

    @Override
    public List<TrafficProviders.Offer> trafficOffers() {
        return new TrafficProviders(client).offers();
    }

    @Override
    public Optional<String> unfinishedRelease(String namespace, String deployment) {
        return latest(namespace, deployment).filter(s -> !s.finished())
                .map(s -> "release " + s.number() + " is in phase " + s.phase().label());
    }

    /** Whether the workload has a release to show (one read). */
    public boolean hasRelease(String namespace, String deployment) {
        return latest(namespace, deployment).isPresent();
    }

    /** The workload's newest release from its stored history alone: one read, not the tracks and the Lease too. */
    private Optional<ReleaseState> latest(String namespace, String deployment) {
        List<ReleaseState> releases = service().history(namespace, deployment);
        return releases.isEmpty() ? Optional.empty() : Optional.of(releases.get(releases.size() - 1));
    }

    @Override
    public AutoCloseable followHistory(String namespace, String deployment, Consumer<ReleaseHistory> changed,
                                       Consumer<String> problems) {
        return service().followHistory(namespace, deployment, changed, problems);
    }

    @Override
    public Optional<String> movedPlanBody(ReleaseState release) {
        return service().movedPlanBody(release);
    }

    @Override
    public AutoCloseable followReleasesInProgress(String namespace, Consumer<List<InProgressRelease>> changed) {
        return service().releasesInProgress(namespace, changed);
    }

    /** The workload's release for a rollout view; it starts watching when first asked. */
    public ReleaseSession open(String namespace, String deployment) {
        return service().session(namespace, deployment);
    }
}
