package dev.coalmine.cli.canary;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.coalmine.core.release.ReleasePlan;
import dev.coalmine.kube.release.ReleasePreview;

/**
 * {@code plan -o json|yaml}: the replica counts, the share of requests and the objects the release would create,
 * Secrets with their keys and sizes only, as in the text.
 */
final class PlanView {
    private final StatusView status = new StatusView();

    ObjectNode tree(ReleasePreview preview) {
        ReleasePlan plan = preview.plan();
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("namespace", plan.namespace());
        root.put("deployment", plan.deployment());
        root.put("release", preview.release());
        root.put("stableReplicas", preview.stableReplicas());
        root.put("canaryReplicas", preview.canaryReplicas());
        root.put("canarySize", plan.size().describe());
        root.put("baselineReplicas", preview.baselineReplicas());
        root.set("requestShare", plan.weighted() ? null : status.share(preview.requestShare()));
        if (plan.weighted()) {
            ObjectNode traffic = root.putObject("traffic");
            traffic.put("provider", plan.traffic().provider().word());
            var steps = traffic.putArray("steps");
            plan.traffic().steps().forEach(steps::add);
            traffic.put("ladder", plan.traffic().describeLadder());
            traffic.put("minimumTimeToPromoteSeconds", plan.traffic().minimumTimeToPromote().toSeconds());
        }
        var notes = root.putArray("notes");
        preview.notes().forEach(notes::add);
        root.set("objects", StructuredOutput.documents(preview.yaml()));
        return root;
    }
}
