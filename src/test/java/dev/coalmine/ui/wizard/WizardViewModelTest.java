package dev.coalmine.ui.wizard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coalmine.FastTest;
import dev.coalmine.core.CoalmineException;
import dev.coalmine.core.judge.JudgeSettings;
import dev.coalmine.core.judge.MetricsLocation;
import dev.coalmine.core.release.CanarySize;
import dev.coalmine.core.release.ImageChange;
import dev.coalmine.core.release.JudgeSpec;
import dev.coalmine.core.release.ReleasePlan;
import dev.coalmine.core.workload.WorkloadSummary;
import dev.coalmine.core.workload.WorkloadSummary.ContainerImage;
import dev.coalmine.core.traffic.TrafficProvider;
import dev.coalmine.kube.release.ManifestFile;
import dev.coalmine.kube.traffic.TrafficProviders;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@FastTest
class WizardViewModelTest {
    private static final WorkloadSummary FRONTEND = new WorkloadSummary("shop", "frontend", 4, 4, 4, 4,
            List.of(new ContainerImage("web", "shop/web:1.3.0"), new ContainerImage("proxy", "envoy:1.30")),
            Optional.empty());

    private final RecordingLauncher launcher = new RecordingLauncher();
    private final List<WorkloadSummary> started = new ArrayList<>();

    private WizardViewModel wizard() {
        return new WizardViewModel(FRONTEND, false, launcher, Runnable::run, Runnable::run, started::add);
    }

    @Test
    void walksAllStepsAndStartsThePlanTheOperatorEntered() {
        WizardViewModel wizard = wizard();
        wizard.next();
        assertThat(wizard.stepProperty().get()).isEqualTo(WizardStep.VERSION);
        assertThat(wizard.canGoNext().get()).as("nothing changed yet").isFalse();
        assertThat(wizard.version().message().get()).startsWith("Change at least one container's image");

        wizard.version().fields().get(0).imageProperty().set("shop/web:1.4.0");
        wizard.next();
        wizard.size().modeProperty().set(SizeStep.Mode.PERCENT);
        wizard.size().amountProperty().set("10");
        assertThat(wizard.size().replicas().get()).isEqualTo("Canary: 1 pod(s) \u00b7 Baseline: 1 pod(s) \u00b7 Stable keeps 4");
        wizard.next();
        assertThat(wizard.size().trafficShare().get()).contains("6 pods", "16.7 %");
        assertThat(wizard.size().shareWarning().get()).as("10 % asked, 17 % got").startsWith("More than asked: "
                + "asked for 10% of stable, but with 4 stable replica(s) the canary gets about 17 % of requests");
        wizard.next();
        wizard.judge().automaticProperty().set(true);
        wizard.judge().sourceProperty().set(JudgeStep.Source.PROMETHEUS_URL);
        assertThat(wizard.canGoNext().get()).isFalse();
        wizard.judge().locationProperty().set("http://127.0.0.1:9090");
        wizard.judge().minRequestsProperty().set("lots");
        assertThat(wizard.judge().minRequestsProblem().get()).isEqualTo("Enter a whole number of requests from 0 (any) to 999999");
        assertThat(wizard.canGoNext().get()).isFalse();
        wizard.judge().minRequestsProperty().set("50");
        wizard.next();

        assertThat(wizard.stepProperty().get()).isEqualTo(WizardStep.REVIEW);
        assertThat(wizard.previewProperty().get()).isPresent();
        assertThat(wizard.canStart().get()).isTrue();
        wizard.start();

        ReleasePlan plan = launcher.started.get(0);
        assertThat(plan.images()).containsExactly(new ImageChange("web", "shop/web:1.4.0"));
        assertThat(plan.size()).isEqualTo(CanarySize.percent(10));
        assertThat(plan.baseline()).isTrue();
        assertThat(plan.judge()).isInstanceOf(JudgeSpec.Automatic.class);
        JudgeSettings settings = plan.judge().settings();
        assertThat(settings.location()).isEqualTo(new MetricsLocation.PrometheusUrl("http://127.0.0.1:9090"));
        assertThat(settings.thresholds().minSuccessRatePercent()).hasValue(99);
        assertThat(settings.interval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.thresholds().minRequests()).isEqualTo(50);
        assertThat(started).containsExactly(FRONTEND);
    }

    @Test
    void aTinyStableWarnsThatTheCanaryGetsMoreRequestsThanAsked() {
        WorkloadSummary tiny = new WorkloadSummary("shop", "frontend", 1, 1, 1, 1,
                List.of(new ContainerImage("web", "shop/web:1.3.0")), Optional.empty());
        WizardViewModel wizard = new WizardViewModel(tiny, false, launcher, Runnable::run, Runnable::run, started::add);

        wizard.size().amountProperty().set("10");
        assertThat(wizard.size().trafficShare().get()).contains("3 pods", "33.3 %");
        assertThat(wizard.size().shareWarning().get()).contains("asked for 10% of stable", "about 33 % of requests");

        wizard.size().amountProperty().set("100");
        assertThat(wizard.size().shareWarning().get()).isEmpty();
        wizard.size().modeProperty().set(SizeStep.Mode.COUNT);
        wizard.size().amountProperty().set("5");
        assertThat(wizard.size().problem().get()).isEqualTo("a canary of 5 pods is more than the stable's 1 "
                + "replica(s): enter at most 1 pod(s), or scale stable up first");
    }

    @Test
    void inputErrorsAreExplainedAndBackKeepsWhatWasEntered() {
        WizardViewModel wizard = wizard();
        wizard.next();
        VersionStep.ContainerField web = wizard.version().fields().get(0);
        web.imageProperty().set("shop/Web:1.4");
        assertThat(web.problem().get()).isEqualTo("Repository names must be lower case");
        assertThat(wizard.canGoNext().get()).isFalse();
        web.imageProperty().set("shop/web:1.4");
        assertThat(wizard.canGoNext().get()).isTrue();
        wizard.next();

        wizard.size().amountProperty().set("150");
        assertThat(wizard.size().problem().get()).isEqualTo("canary percent must be above 0 and at most 100, got 150: "
                + "enter a percentage between 0 (exclusive) and 100");
        assertThat(wizard.canGoNext().get()).isFalse();
        wizard.size().modeProperty().set(SizeStep.Mode.COUNT);
        wizard.size().amountProperty().set("0");
        assertThat(wizard.size().problem().get()).isEqualTo("canary count must be at least 1, got 0: enter 1 pod or more");
        wizard.size().amountProperty().set("two");
        assertThat(wizard.size().problem().get()).isEqualTo("Enter a whole number of pods, e.g. 1");
        wizard.size().amountProperty().set("2");
        assertThat(wizard.size().problem().get()).isEmpty();

        wizard.back();
        wizard.back();
        wizard.next();
        wizard.next();
        assertThat(web.imageProperty().get()).isEqualTo("shop/web:1.4");
        assertThat(wizard.size().amountProperty().get()).isEqualTo("2");
        assertThat(wizard.size().modeProperty().get()).isEqualTo(SizeStep.Mode.COUNT);
    }

    @Test
    void startIsDisabledWithTheReasonWhileDryRunOrRbacFails() {
        launcher.rbacProblems = List.of("create deployments.apps in shop is forbidden for alice");
        WizardViewModel wizard = toReview();
        assertThat(wizard.canStart().get()).isFalse();
        assertThat(wizard.reviewStatusProperty().get())
                .isEqualTo("Start is disabled: create deployments.apps in shop is forbidden for alice");
        wizard.start();
        assertThat(launcher.started).isEmpty();
    }

    @Test
    void aWorkloadWithAnUnfinishedReleaseIsRefused() {
        launcher.unfinished = Optional.of("release 3 is in phase AwaitingJudgment");
        WizardViewModel wizard = wizard();
        assertThat(wizard.canGoNext().get()).isFalse();
        assertThat(wizard.unfinishedProperty().get()).contains("frontend already has an unfinished release",
                "release 3 is in phase AwaitingJudgment");
    }

    @Test
    void aFailedStartShowsTheReasonAndStaysOnReview() {
        WizardViewModel wizard = toReview();
        launcher.startFailure = new CoalmineException("release 4 of frontend is already in phase CanaryDeploying");
        wizard.start();
        assertThat(wizard.reviewStatusProperty().get()).isEqualTo(
                "The release did not start: release 4 of frontend is already in phase CanaryDeploying");
        assertThat(started).isEmpty();
        assertThat(wizard.busyProperty().get()).isFalse();
    }

    @Test
    void aManifestFileReplacesTheImagesAndIsReadWhenTheReleaseIsRendered(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        WizardViewModel wizard = wizard();
        wizard.next();
        wizard.version().useManifestProperty().set(true);
        assertThat(wizard.canGoNext().get()).isFalse();
        assertThat(wizard.version().message().get()).startsWith("Choose the manifest file");
        wizard.version().manifestPathProperty().set(dir.resolve("missing.yaml").toString());
        assertThat(wizard.version().message().get()).startsWith("Cannot read");
        java.nio.file.Path manifest = java.nio.file.Files.writeString(dir.resolve("frontend.yaml"), "kind: Deployment\n");
        wizard.version().manifestPathProperty().set(manifest.toString());
        assertThat(wizard.canGoNext().get()).isTrue();
        while (wizard.stepProperty().get() != WizardStep.REVIEW) {
            wizard.next();
        }
        wizard.start();
        assertThat(launcher.started.get(0).manifestYaml()).isEqualTo("kind: Deployment\n");
        assertThat(launcher.started.get(0).images()).isEmpty();
    }

    @Test
    void aManifestFileAboveTheLimitIsRefusedOnReviewAndNothingStarts(@TempDir Path dir) throws Exception {
        Path manifest = Files.write(dir.resolve("huge.yaml"), new byte[ManifestFile.LIMIT_BYTES + 1]);
        WizardViewModel wizard = wizard();
        wizard.next();
        wizard.version().useManifestProperty().set(true);
        wizard.version().manifestPathProperty().set(manifest.toString());
        while (wizard.stepProperty().get() != WizardStep.REVIEW) {
            wizard.next();
        }
        assertThat(wizard.reviewStatusProperty().get()).isEqualTo("The release cannot be prepared: the manifest file "
                + manifest + " is 4.0 MiB; Coalmine reads manifests up to 4 MiB");
        assertThat(wizard.canStart().get()).isFalse();
        wizard.start();
        assertThat(launcher.started).isEmpty();
        assertThat(started).isEmpty();
    }

    @Test
    void theAnalysisIntervalReadsLikeKubectls() {
        WizardViewModel wizard = toReview();
        wizard.back();
        wizard.judge().automaticProperty().set(true);
        wizard.judge().intervalProperty().set("1m30x");
        assertThat(wizard.judge().intervalProblem().get()).isEqualTo("Enter an interval such as 10s, 1m30s or 2m (between 1s and 1h)");
        assertThat(wizard.canGoNext().get()).isFalse();

        wizard.judge().intervalProperty().set("1m30s");
        assertThat(wizard.judge().intervalProblem().get()).isEmpty();
        wizard.next();

        assertThat(wizard.plan().judge().settings().interval()).isEqualTo(Duration.ofSeconds(90));
    }

    @Test
    void testConnectionReportsWhatTheSourceSaid() {
        WizardViewModel wizard = wizard();
        wizard.judge().automaticProperty().set(true);
        wizard.judge().sourceProperty().set(JudgeStep.Source.PROMETHEUS_URL);
        wizard.judge().locationProperty().set("http://127.0.0.1:9090");
        wizard.testMetrics();
        assertThat(wizard.metricsTestProperty().get()).isEqualTo("tested http://127.0.0.1:9090 for shop/frontend");
    }

    private WizardViewModel toReview() {
        WizardViewModel wizard = wizard();
        wizard.next();
        wizard.version().fields().get(1).imageProperty().set("envoy:1.31");
        while (wizard.stepProperty().get() != WizardStep.REVIEW) {
            wizard.next();
        }
        return wizard;
    }

    /** Stands in for the engine so the view-model's own logic is tested alone. */
    @Test
    void theTrafficStepOffersTheRoutersTheClusterServesAndPlansTheLadder() {
        WizardViewModel wizard = wizard();
        wizard.next();
        wizard.version().fields().get(0).imageProperty().set("shop/web:1.4.0");
        wizard.next();
        wizard.next();
        assertThat(wizard.stepProperty().get()).isEqualTo(WizardStep.TRAFFIC);
        TrafficStep traffic = wizard.traffic();
        assertThat(traffic.offers()).filteredOn(TrafficProviders.Offer::offered)
                .extracting(TrafficProviders.Offer::provider)
                .containsExactly(TrafficProvider.REPLICAS, TrafficProvider.GATEWAY_API);
        assertThat(traffic.notOffered().get())
                .isEqualTo("Not offered: istio: the cluster serves no networking.istio.io API (install Istio)");
        assertThat(traffic.ladder().get()).startsWith("replica ratio");
        assertThat(wizard.canGoNext().get()).isTrue();

        traffic.providerProperty().set(TrafficProvider.GATEWAY_API);
        traffic.stepsProperty().set("10,5");
        assertThat(traffic.problem().get()).isNotEmpty();
        assertThat(wizard.canGoNext().get()).isFalse();
        traffic.stepsProperty().set("5,10,25,60");
        assertThat(traffic.problem().get()).as("a baseline takes a weight of its own").contains("50 %");
        traffic.stepsProperty().set("5,10,25,50");
        traffic.intervalProperty().set("1m");
        traffic.manualGateProperty().set(true);
        assertThat(traffic.problem().get()).isEmpty();
        assertThat(traffic.ladder().get())
                .isEqualTo("5 % \u2192 10 % \u2192 25 % \u2192 50 % \u2192 promote by a person (manual gate)");
        assertThat(traffic.timeToPromote().get()).startsWith("With every check passing: minimum time to promote 4m");
        wizard.next();
        wizard.next();

        assertThat(wizard.reviewLadderProperty().get()).contains("Weights: 5 % \u2192 10 %",
                "Minimum time to promote 4m");
        wizard.start();
        ReleasePlan plan = launcher.started.get(0);
        assertThat(plan.traffic().provider()).isEqualTo(TrafficProvider.GATEWAY_API);
        assertThat(plan.traffic().steps()).containsExactly(5, 10, 25, 50);
        assertThat(plan.traffic().interval()).isEqualTo(Duration.ofMinutes(1));
        assertThat(plan.traffic().manualGate()).isTrue();
    }

    private static final class RecordingLauncher implements ReleaseLauncher {
        final List<ReleasePlan> started = new ArrayList<>();
        List<String> rbacProblems = List.of();
        Optional<String> unfinished = Optional.empty();
        CoalmineException startFailure;
        List<TrafficProviders.Offer> offers = List.of(
                new TrafficProviders.Offer(TrafficProvider.REPLICAS, true, null, "always"),
                new TrafficProviders.Offer(TrafficProvider.GATEWAY_API, true, "v1", "served"),
                new TrafficProviders.Offer(TrafficProvider.ISTIO, false, null,
                        "the cluster serves no networking.istio.io API (install Istio)"));

        @Override
        public ReviewContent preview(ReleasePlan plan) {
            return new ReviewContent("kind: Deployment\n", List.of(), List.of(), rbacProblems);
        }

        @Override
        public void start(ReleasePlan plan) {
            if (startFailure != null) {
                throw startFailure;
            }
            started.add(plan);
        }

        @Override
        public String testMetrics(dev.coalmine.core.release.JudgeSpec judge, String namespace, String deployment) {
            return "tested " + ((MetricsLocation.PrometheusUrl) judge.settings().location()).url() + " for " + namespace + "/" + deployment;
        }

        @Override
        public List<TrafficProviders.Offer> trafficOffers() {
            return offers;
        }

        @Override
        public Optional<String> unfinishedRelease(String namespace, String deployment) {
            return unfinished;
        }
    }
}
