package dev.coalmine.demo.sim;

import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerCondition;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerConditionBuilder;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerStatus;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerStatusBuilder;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The status an HPA reports: replicas, current metrics and the conditions AbleToScale, ScalingActive, ScalingLimited. */
final class HpaStatus {
    /** One scaling decision: the target's replicas now, what it gets, and what the metrics asked before the limits. */
    record Scaling(int running, int recommended, int desired, int min, int max) {
    }

    private final ClusterWriter writer;

    HpaStatus(ClusterWriter writer) {
        this.writer = writer;
    }

    static String lastScaleTime(HorizontalPodAutoscaler hpa) {
        return hpa.getStatus() == null ? null : hpa.getStatus().getLastScaleTime();
    }

    void targetMissing(HorizontalPodAutoscaler hpa, String deployment, Instant now) {
        write(hpa, 0, 0, List.of(), lastScaleTime(hpa), condition(now, "AbleToScale", "False", "FailedGetScale",
                "the HPA controller was unable to get the target's current scale: deployments.apps \""
                        + deployment + "\" not found"));
    }

    void metricFailed(HorizontalPodAutoscaler hpa, int running, int current, String message, Instant now) {
        write(hpa, running, current, List.of(), lastScaleTime(hpa), condition(now, "ScalingActive", "False",
                "FailedGetResourceMetric", "the HPA was unable to compute the replica count: " + message));
    }

    void scaled(HorizontalPodAutoscaler hpa, Scaling scaling, List<MetricStatus> metrics, String lastScaleTime,
            Instant now) {
        int desired = scaling.desired();
        String limited = desired > scaling.max() ? "TooManyReplicas"
                : desired < scaling.min() ? "TooFewReplicas" : "DesiredWithinRange";
        boolean within = limited.equals("DesiredWithinRange");
        write(hpa, scaling.running(), scaling.recommended(), metrics, lastScaleTime,
                condition(now, "AbleToScale", "True", "ReadyForNewScale", "recommended size matches current size"),
                condition(now, "ScalingActive", "True", "ValidMetricFound",
                        "the HPA was able to successfully calculate a replica count from resource metric"),
                condition(now, "ScalingLimited", within ? "False" : "True", limited,
                        within ? "the desired count is within the acceptable range"
                                : "the desired replica count is " + (desired > scaling.max() ? "more than the maximum"
                                : "less than the minimum") + " replica count"));
    }

    private void write(HorizontalPodAutoscaler hpa, int current, int desired, List<MetricStatus> metrics,
            String lastScaleTime, HorizontalPodAutoscalerCondition... conditions) {
        HorizontalPodAutoscalerStatus previous = hpa.getStatus();
        HorizontalPodAutoscalerStatus status = new HorizontalPodAutoscalerStatusBuilder()
                .withObservedGeneration(hpa.getMetadata().getGeneration())
                .withCurrentReplicas(current).withDesiredReplicas(desired).withCurrentMetrics(metrics)
                .withLastScaleTime(lastScaleTime)
                .withConditions(keepTransitionTimes(previous, conditions)).build();
        if (!status.equals(previous)) {
            hpa.setStatus(status);
            writer.writeStatus(hpa);
        }
    }

    /** A condition whose status did not change keeps the time it last changed. */
    private static List<HorizontalPodAutoscalerCondition> keepTransitionTimes(HorizontalPodAutoscalerStatus previous,
            HorizontalPodAutoscalerCondition... conditions) {
        List<HorizontalPodAutoscalerCondition> out = new ArrayList<>();
        for (HorizontalPodAutoscalerCondition condition : conditions) {
            if (previous != null && previous.getConditions() != null) {
                previous.getConditions().stream().filter(c -> c.getType().equals(condition.getType())
                        && c.getStatus().equals(condition.getStatus())).findFirst()
                        .ifPresent(c -> condition.setLastTransitionTime(c.getLastTransitionTime()));
            }
            out.add(condition);
        }
        return out;
    }

    private static HorizontalPodAutoscalerCondition condition(Instant now, String type, String status, String reason,
            String message) {
        return new HorizontalPodAutoscalerConditionBuilder().withType(type).withStatus(status).withReason(reason)
                .withMessage(message).withLastTransitionTime(Timestamps.format(now)).build();
    }
}
