package dev.coalmine.ui.demo;

import dev.coalmine.addon.TrainerControls;
import dev.coalmine.core.image.ImageReference;
import dev.coalmine.core.scenario.ScriptStep;
import dev.coalmine.core.workload.WorkloadSummary;
import dev.coalmine.ui.UiThread;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executor;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.value.ObservableObjectValue;

/**
 * The trainer's dials on the demo cluster: request rate, and how the selected workload's canary behaves.
 * Scenarios change the canary's error rate or latency through the trainer controls, or its image for
 * a bad image or a crash loop; the change shows in charts and events within one analysis interval.
 */
public final class DemoPanelViewModel {
    /** The scenarios a trainer can switch to mid-release. */
    public enum Scenario {
        HEALTHY("Healthy canary"), FAULTY("Faulty canary (10 % 5xx)"), SLOW("Slow canary (3\u00d7 latency)"),
        BAD_IMAGE("Bad image (cannot be pulled)"), CRASH_LOOP("Crash loop");

        private final String label;

        Scenario(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    private final KubernetesClient client;
    private final TrainerControls knobs;
    private final Executor background;
    private final UiThread ui;
    private final DoubleProperty requestsPerSecond = new SimpleDoubleProperty(20);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");

    public DemoPanelViewModel(KubernetesClient client, TrainerControls knobs, Executor background, UiThread ui) {
        this.client = client;
        this.knobs = knobs;
        this.background = background;
        this.ui = ui;
    }

    public void applyRequestRate() {
        double rate = requestsPerSecond.get();
        run("Request rate set to " + Math.round(rate) + " per second per Service", () -> knobs.setRequestsPerSecond(rate));
    }

    /** What {@link #apply} will do to {@code workload}'s canary, for the confirmation. */
    public String describe(Scenario scenario, String workload) {
        String canary = workload + "-canary";
        return switch (scenario) {
            case HEALTHY -> "Clear the error-rate and latency overrides for " + canary + "'s image version.";
            case FAULTY -> "Make " + canary + "'s image version answer about 10 % of requests with 5xx.";
            case SLOW -> "Make " + canary + "'s image version about 3 times slower (150 ms median).";
            case BAD_IMAGE -> "Change " + canary + "'s image to one that cannot be pulled (ErrImagePull).";
            case CRASH_LOOP -> "Change " + canary + "'s image to one that crashes after start (CrashLoopBackOff).";
        };
    }

    public void apply(Scenario scenario, String namespace, String workload) {
        run(scenario + " applied to " + workload + "-canary", () -> {
            Deployment canary = client.apps().deployments().inNamespace(namespace).withName(workload + "-canary").get();
            if (canary == null) {
                throw new IllegalStateException(workload + " has no running canary: start a canary release first");
            }
            String image = canary.getSpec().getTemplate().getSpec().getContainers().get(0).getImage();
            String version = knobKey(image);
            switch (scenario) {
                case HEALTHY -> knobs.clear(version);
                case FAULTY -> knobs.setErrorRate(version, 0.10);
                case SLOW -> knobs.setLatency(version, Duration.ofMillis(150));
                case BAD_IMAGE -> setImage(namespace, workload, image, "-does-not-exist");
                case CRASH_LOOP -> setImage(namespace, workload, image, "-crashloop");
            }
        });
    }

    /** The image's tag, which the knobs match as a substring of the image reference. */
    private static String knobKey(String image) {
        String version = ImageReference.versionOf(image);
        return Optional.of(version).filter(v -> v.matches("[-._a-zA-Z0-9]+")).orElseThrow(() ->
                new IllegalStateException("the canary image " + image + " has no tag the demo knobs can match"));
    }

    private void setImage(String namespace, String workload, String image, String suffix) {
        String changed = image.endsWith(suffix) ? image : image + suffix;
        client.apps().deployments().inNamespace(namespace).withName(workload + "-canary")
                .edit(d -> {
                    d.getSpec().getTemplate().getSpec().getContainers().get(0).setImage(changed);
                    return d;
                });
    }

    private void run(String done, Runnable change) {
        status.set("Applying\u2026");
        background.execute(() -> {
            try {
                change.run();
                ui.execute(() -> status.set(done));
            } catch (RuntimeException e) {
                ui.execute(() -> status.set("Not applied: " + e.getMessage()));
            }
        });
    }

    /** A script player whose steps act on {@code selected}'s canary and on the request rate, as the dials do. */
    public ScriptPlayer scriptPlayer(ObservableObjectValue<WorkloadSummary> selected) {
        return new ScriptPlayer(background, ui, Clock.systemUTC(), step -> play(step, selected.get()));
    }

    /** One script step: the rate first (it matters to every Service), then the canary, then the note. */
    void play(ScriptStep step, WorkloadSummary workload) {
        if (step.requestsPerSecond().isPresent()) {
            requestsPerSecond.set(step.requestsPerSecond().getAsDouble());
            applyRequestRate();
        }
        step.canary().ifPresent(behaviour -> {
            if (workload == null) {
                status.set("Not applied: select the workload whose canary the script acts on");
            } else {
                apply(Scenario.valueOf(behaviour.name()), workload.namespace(), workload.name());
            }
        });
        step.note().ifPresent(note -> status.set(note));
    }

    public DoubleProperty requestsPerSecondProperty() {
        return requestsPerSecond;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }
}
