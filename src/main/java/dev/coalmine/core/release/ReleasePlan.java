package dev.coalmine.core.release;

import dev.coalmine.core.CoalmineException;
import dev.coalmine.core.traffic.TrafficPlan;
import dev.coalmine.core.workload.ObjectName;
import java.time.Duration;
import java.util.List;

/**
 * What the operator asked for. Either {@code images} (new image per container) or {@code manifestYaml}
 * (a new Deployment manifest, possibly with ConfigMaps and Secrets; opaque text here, parsed at the edge).
 * {@code traffic} says how requests reach the canary; releases stored before it existed read as the replica ratio.
 * With an automatic judge, the ladder's step interval is the judge's analysis interval.
 */
public record ReleasePlan(String namespace, String deployment, List<ImageChange> images, String manifestYaml,
                          CanarySize size, boolean baseline, JudgeSpec judge, Duration steadyStateTimeout,
                          TrafficPlan traffic) {

    public static final Duration DEFAULT_STEADY_STATE_TIMEOUT = Duration.ofMinutes(10);

    public ReleasePlan {
        if (namespace == null || namespace.isBlank() || deployment == null || deployment.isBlank()) {
            throw new CoalmineException("a release needs a namespace and a Deployment name");
        }
        ObjectName.requireNamespace(namespace);
        ObjectName.requireDeployment(deployment);
        images = images == null ? List.of() : List.copyOf(images);
        boolean hasManifest = manifestYaml != null && !manifestYaml.isBlank();
        if (images.isEmpty() == !hasManifest) {
            throw new CoalmineException(hasManifest
                    ? "give either new images (--image) or a manifest file (-f), not both"
                    : "nothing to release: give --image [CONTAINER=]IMAGE or a manifest file");
        }
        manifestYaml = hasManifest ? manifestYaml : null;
        if (size == null) {
            throw new CoalmineException("choose a canary size: --count N or --percent P");
        }
        judge = judge == null ? JudgeSpec.manual() : judge;
        steadyStateTimeout = steadyStateTimeout == null ? DEFAULT_STEADY_STATE_TIMEOUT : steadyStateTimeout;
        if (steadyStateTimeout.isNegative() || steadyStateTimeout.isZero()) {
            throw new CoalmineException("the steady-state timeout must be positive, got " + steadyStateTimeout);
        }
        traffic = traffic == null ? TrafficPlan.replicas() : traffic;
        if (traffic.weighted() && judge.isAutomatic() && !judge.settings().interval().equals(traffic.interval())) {
            traffic = new TrafficPlan(traffic.provider(), traffic.service(), traffic.steps(), judge.settings().interval(),
                    traffic.pauses(), traffic.manualGate(), traffic.header());
        }
        traffic.validateWithBaseline(baseline);
    }

    /** A plan whose requests follow the replica ratio. */
    public ReleasePlan(String namespace, String deployment, List<ImageChange> images, String manifestYaml,
                       CanarySize size, boolean baseline, JudgeSpec judge, Duration steadyStateTimeout) {
        this(namespace, deployment, images, manifestYaml, size, baseline, judge, steadyStateTimeout, null);
    }

    /** A plan that sets new images, with a manual judge and the default timeout. */
    public static ReleasePlan ofImages(String namespace, String deployment, List<ImageChange> images,
                                       CanarySize size, boolean baseline) {
        return new ReleasePlan(namespace, deployment, images, null, size, baseline, JudgeSpec.manual(), null);
    }

    public boolean fromManifest() {
        return manifestYaml != null;
    }

    public ReleasePlan withJudge(JudgeSpec newJudge) {
        return new ReleasePlan(namespace, deployment, images, manifestYaml, size, baseline, newJudge,
                steadyStateTimeout, traffic);
    }

    /** The same plan with another manifest text (e.g. one without the Secrets' data, for storing). */
    public ReleasePlan withManifestYaml(String yaml) {
        return new ReleasePlan(namespace, deployment, images, yaml, size, baseline, judge, steadyStateTimeout, traffic);
    }

    public ReleasePlan withSteadyStateTimeout(Duration timeout) {
        return new ReleasePlan(namespace, deployment, images, manifestYaml, size, baseline, judge, timeout, traffic);
    }

    public ReleasePlan withTraffic(TrafficPlan newTraffic) {
        return new ReleasePlan(namespace, deployment, images, manifestYaml, size, baseline, judge, steadyStateTimeout,
                newTraffic);
    }

    /** Requests are shared by router weights, not by pod counts. */
    public boolean weighted() {
        return traffic.weighted();
    }
}
