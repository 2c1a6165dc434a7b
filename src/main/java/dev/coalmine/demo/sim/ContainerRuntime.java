package dev.coalmine.demo.sim;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerState;
import io.fabric8.kubernetes.api.model.ContainerStateBuilder;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

/**
 * One container on a simulated kubelet: a small state machine (pull, create, run, crash, back off; an init
 * container also completes) driven by time. Transitions happen at their scheduled instants, so the timeline does not depend on the tick rate.
 */
final class ContainerRuntime {
    /** Receives the kubelet events of this container. */
    interface Events {
        void emit(String type, String reason, String message);
    }

    private enum Stage { PULLING, PULL_FAILED, PULL_BACKOFF, CREATING, RUNNING, CRASH_BACKOFF, COMPLETED }

    private final String name;
    private final String image;
    private final ContainerFate fate;
    private final Duration readinessDelay;
    private final SimulationSettings settings;
    private final String podRef;
    private final boolean init;
    private Stage stage = Stage.PULLING;
    private Instant since;
    private int pullAttempts = 1;
    private int restartCount;
    private Instant startedAt;
    private Instant lastStartedAt;
    private Instant lastFinishedAt;
    private Instant completedAt;
    private boolean unhealthyReported;

    /** {@code init}: an init container, which runs to completion instead of serving. */
    ContainerRuntime(Container container, boolean init, String podRef, SimulationSettings settings, Instant boundAt,
            Events events) {
        this.init = init;
        this.name = container.getName();
        this.image = container.getImage();
        this.fate = ContainerFate.of(image);
        this.settings = settings;
        this.podRef = podRef;
        this.since = boundAt;
        var probe = container.getReadinessProbe();
        Duration initialDelay = Duration.ofSeconds(probe == null || probe.getInitialDelaySeconds() == null
                ? 0 : probe.getInitialDelaySeconds());
        this.readinessDelay = initialDelay.compareTo(settings.readinessCap()) > 0 ? settings.readinessCap() : initialDelay;
        events.emit("Normal", "Pulling", "Pulling image \"" + image + "\"");
    }

    /** Applies every transition due by {@code now}. */
    void advance(Instant now, Events events) {
        boolean moved = true;
        while (moved) {
            moved = step(now, events);
        }
    }

    private boolean step(Instant now, Events events) {
        switch (stage) {
            case PULLING:
                if (!due(settings.imagePull(), now)) {
                    return false;
                }
                if (fate == ContainerFate.CANNOT_PULL) {
                    events.emit("Warning", "Failed", "Failed to pull image \"" + image + "\": rpc error: code = NotFound desc = "
                            + "failed to pull and unpack image \"" + image + "\": not found");
                    events.emit("Warning", "Failed", "Error: ErrImagePull");
                    return move(Stage.PULL_FAILED, settings.imagePull());
                }
                events.emit("Normal", "Pulled", "Successfully pulled image \"" + image + "\" in "
                        + settings.imagePull().toMillis() + "ms (" + settings.imagePull().toMillis() + "ms including waiting)");
                return move(Stage.CREATING, settings.imagePull());
            case PULL_FAILED:
                if (!due(settings.backOffBase().dividedBy(2), now)) {
                    return false;
                }
                events.emit("Normal", "BackOff", "Back-off pulling image \"" + image + "\"");
                events.emit("Warning", "Failed", "Error: ImagePullBackOff");
                return move(Stage.PULL_BACKOFF, settings.backOffBase().dividedBy(2));
            case PULL_BACKOFF:
                if (!due(settings.backOff(pullAttempts), now)) {
                    return false;
                }
                pullAttempts++;
                events.emit("Normal", "Pulling", "Pulling image \"" + image + "\"");
                return move(Stage.PULLING, settings.backOff(pullAttempts - 1));
            case CREATING:
                if (!due(settings.containerStart(), now)) {
                    return false;
                }
                events.emit("Normal", "Created", "Created container " + name);
                events.emit("Normal", "Started", "Started container " + name);
                move(Stage.RUNNING, settings.containerStart());
                startedAt = since;
                unhealthyReported = false;
                return true;
            case RUNNING:
                if (fate == ContainerFate.CRASHES) {
                    return crash(now, events);
                }
                return init && complete(now);
            case COMPLETED:
                return false;
            case CRASH_BACKOFF:
                if (!due(settings.backOff(restartCount), now)) {
                    return false;
                }
                events.emit("Normal", "Pulled", "Container image \"" + image + "\" already present on machine");
                return move(Stage.CREATING, settings.backOff(restartCount));
            default:
                throw new IllegalStateException("unknown stage " + stage);
        }
    }

    private boolean crash(Instant now, Events events) {
        if (!unhealthyReported && !now.isBefore(since.plus(settings.crashAfter().dividedBy(2)))) {
            events.emit("Warning", "Unhealthy", "Readiness probe failed: connection refused");
            unhealthyReported = true;
        }
        if (!due(settings.crashAfter(), now)) {
            return false;
        }
        lastStartedAt = startedAt;
        lastFinishedAt = since.plus(settings.crashAfter());
        startedAt = null;
        restartCount++;
        events.emit("Warning", "BackOff", "Back-off restarting failed container " + name + " in pod " + podRef);
        return move(Stage.CRASH_BACKOFF, settings.crashAfter());
    }

    private boolean complete(Instant now) {
        if (!due(settings.initRun(), now)) {
            return false;
        }
        completedAt = since.plus(settings.initRun());
        return move(Stage.COMPLETED, settings.initRun());
    }

    private boolean due(Duration after, Instant now) {
        return !now.isBefore(since.plus(after));
    }

    private boolean move(Stage next, Duration elapsed) {
        since = since.plus(elapsed);
        stage = next;
        return true;
    }

    String name() {
        return name;
    }

    boolean isCompleted() {
        return stage == Stage.COMPLETED;
    }

    /** When an init container completed, null before. */
    Instant completedAt() {
        return completedAt;
    }

    boolean hasStarted() {
        return startedAt != null || restartCount > 0;
    }

    boolean isReady(Instant now) {
        return stage == Stage.RUNNING && fate == ContainerFate.RUNS && !now.isBefore(startedAt.plus(readinessDelay));
    }

    /** When the container became (or becomes) ready, for the Ready condition's lastTransitionTime. */
    Instant readySince() {
        return startedAt == null ? null : startedAt.plus(readinessDelay);
    }

    ContainerStatus status(Instant now) {
        boolean pulled = stage != Stage.PULLING && stage != Stage.PULL_FAILED && stage != Stage.PULL_BACKOFF
                || restartCount > 0;
        var builder = new ContainerStatusBuilder()
                .withName(name).withImage(image)
                .withImageID(pulled ? imageId() : "")
                .withReady(init ? isCompleted() : isReady(now)).withStarted(stage == Stage.RUNNING)
                .withRestartCount(restartCount)
                .withState(state());
        if (stage == Stage.RUNNING || stage == Stage.COMPLETED) {
            builder.withContainerID("containerd://" + digest(podRef + "/" + name + "/" + restartCount));
        }
        if (lastFinishedAt != null) {
            builder.withNewLastState().withNewTerminated()
                    .withExitCode(1).withReason("Error")
                    .withStartedAt(Timestamps.format(lastStartedAt)).withFinishedAt(Timestamps.format(lastFinishedAt))
                    .withContainerID("containerd://" + digest(podRef + "/" + name + "/" + (restartCount - 1)))
                    .endTerminated().endLastState();
        }
        return builder.build();
    }

    private ContainerState state() {
        return switch (stage) {
            case RUNNING -> new ContainerStateBuilder().withNewRunning().withStartedAt(Timestamps.format(startedAt)).endRunning().build();
            case COMPLETED -> new ContainerStateBuilder().withNewTerminated().withExitCode(0).withReason("Completed")
                    .withStartedAt(Timestamps.format(startedAt)).withFinishedAt(Timestamps.format(completedAt))
                    .withContainerID("containerd://" + digest(podRef + "/" + name + "/" + restartCount))
                    .endTerminated().build();
            case PULLING -> pullAttempts > 1 ? waiting("ImagePullBackOff", "Back-off pulling image \"" + image + "\"")
                    : waiting("ContainerCreating", null);
            case CREATING -> waiting("ContainerCreating", null);
            case PULL_FAILED -> waiting("ErrImagePull", "rpc error: code = NotFound desc = failed to pull and unpack image \""
                    + image + "\": not found");
            case PULL_BACKOFF -> waiting("ImagePullBackOff", "Back-off pulling image \"" + image + "\"");
            case CRASH_BACKOFF -> waiting("CrashLoopBackOff", "back-off " + settings.backOff(restartCount).toSeconds()
                    + "s restarting failed container=" + name + " pod=" + podRef);
        };
    }

    private static ContainerState waiting(String reason, String message) {
        return new ContainerStateBuilder().withNewWaiting().withReason(reason).withMessage(message).endWaiting().build();
    }

    private String imageId() {
        String repository = image.contains("@") ? image.substring(0, image.indexOf('@')) : image.replaceFirst(":[^:/]+$", "");
        return repository + "@sha256:" + digest(image);
    }

    private static String digest(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
