package dev.coalmine.kube.flagger;

import com.fasterxml.jackson.databind.JsonNode;
import dev.coalmine.core.flagger.FlaggerCanary;
import dev.coalmine.core.flagger.Webhook;
import dev.coalmine.kube.engines.ResourceJson;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.ArrayList;
import java.util.List;

/** Reads a Flagger Canary into the console's view (field names of flagger's v1beta1 canary.go and status.go). */
public final class CanaryReader {
    private CanaryReader() {
    }

    public static FlaggerCanary canary(GenericKubernetesResource resource) {
        JsonNode c = ResourceJson.tree(resource);
        JsonNode spec = c.path("spec");
        JsonNode status = c.path("status");
        JsonNode analysis = spec.path("analysis").isMissingNode() ? spec.path("canaryAnalysis") : spec.path("analysis");
        List<Integer> stepWeights = new ArrayList<>();
        analysis.path("stepWeights").forEach(w -> stepWeights.add(w.asInt()));
        List<Webhook> webhooks = new ArrayList<>();
        analysis.path("webhooks").forEach(h -> webhooks.add(new Webhook(ResourceJson.text(h.path("type")),
                ResourceJson.text(h.path("name")), ResourceJson.text(h.path("url")))));
        return new FlaggerCanary(resource.getMetadata().getNamespace(), resource.getMetadata().getName(),
                ResourceJson.text(spec.path("targetRef").path("kind")), ResourceJson.text(spec.path("targetRef").path("name")),
                ResourceJson.text(status.path("phase")), status.path("canaryWeight").asInt(0),
                status.path("failedChecks").asInt(0), status.path("iterations").asInt(0),
                new FlaggerCanary.Analysis(ResourceJson.text(analysis.path("interval")), analysis.path("threshold").asInt(0),
                        analysis.path("maxWeight").asInt(0), analysis.path("stepWeight").asInt(0), stepWeights,
                        analysis.path("iterations").asInt(0)),
                webhooks, ResourceJson.conditions(status), ResourceJson.text(status.path("lastTransitionTime")));
    }
}
