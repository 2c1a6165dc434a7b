package dev.coalmine.demo.engines;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.coalmine.demo.metrics.DemoMetricsSource;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Flagger's canary scheduler, simulated for a Deployment target: Initializing (primary and Services made) →
 * Initialized (target scaled to zero); a changed target template → Progressing, where every {@code interval} the
 * metric checks run and, if they pass, {@code canaryWeight} grows by {@code stepWeight} (or along
 * {@code stepWeights}) up to {@code maxWeight}, or {@code iterations} count up; failed checks reaching
 * {@code threshold} → Failed (weight 0, target scaled to zero); otherwise Promoting (primary gets the template) →
 * Finalising (weight back to the primary) → Succeeded. The condition {@code Promoted} says it as Flagger does.
 */
final class CanaryController {
    private final EngineApi api;
    private final CanaryWorkloads workloads;
    private final CanaryChecks checks;
    private final ObjectPasses passes = new ObjectPasses("Canary");

    CanaryController(EngineApi api, DemoMetricsSource metrics) {
        this.api = api;
        this.workloads = new CanaryWorkloads(api.client());
        this.checks = new CanaryChecks(api, metrics);
    }

    void reconcile(Instant now) {
        passes.reconcileEach(api.list(EngineApi.CANARIES), canary -> reconcile((ObjectNode) canary, now));
    }

    private void reconcile(ObjectNode canary, Instant now) {
        Deployment target = workloads.target(canary);
        if (target == null || canary.path("spec").path("suspend").asBoolean()) {
            return;
        }
        ObjectNode before = canary.path("status").isObject() ? canary.get("status").deepCopy() : Trees.object();
        ObjectNode status = Trees.child(canary, "status");
        String hash = TemplateHash.of(api.client(), target.getSpec().getTemplate());
        CanaryStatus s = new CanaryStatus(canary, status, now);
        switch (status.path("phase").asText("")) {
            case "", "Initializing" -> initialize(canary, target, s, hash);
            case "Initialized", "Succeeded", "Failed" -> {
                if (!hash.equals(status.path("lastAppliedSpec").asText())) {
                    status.put("lastAppliedSpec", hash);
                    Deployment primary = workloads.primary(target);
                    workloads.scale(target, primary == null ? 1 : primary.getSpec().getReplicas());
                    s.restart("Progressing");
                }
            }
            case "Progressing" -> progress(canary, target, s, hash, now);
            case "Promoting" -> {
                if (CanaryWorkloads.ready(workloads.primary(target))) {
                    status.put("canaryWeight", 0);
                    s.phase("Finalising");
                }
            }
            case "Finalising" -> {
                workloads.scale(target, 0);
                status.put("lastPromotedSpec", status.path("lastAppliedSpec").asText());
                s.phase("Succeeded");
            }
            default -> {
            }
        }
        if (!status.equals(before)) {
            api.writeStatus(EngineApi.CANARIES, canary, true);
        }
    }

    private void initialize(ObjectNode canary, Deployment target, CanaryStatus s, String hash) {
        workloads.initialize(canary, target);
        if (CanaryWorkloads.ready(workloads.primary(target))) {
            workloads.scale(target, 0);
            s.status().put("lastAppliedSpec", hash).put("lastPromotedSpec", hash);
            s.restart("Initialized");
        } else if (!s.status().path("phase").asText().equals("Initializing")) {
            s.restart("Initializing");
        }
    }

    private void progress(ObjectNode canary, Deployment target, CanaryStatus s, String hash, Instant now) {
        ObjectNode status = s.status();
        if (!hash.equals(status.path("lastAppliedSpec").asText())) {
            status.put("lastAppliedSpec", hash);
            s.restart("Progressing");
            return;
        }
        JsonNode analysis = canary.path("spec").path("analysis");
        Duration interval = RolloutSteps.parse(analysis.path("interval").asText("1m"));
        Instant last = Trees.instant(status.path("lastTransitionTime"));
        if (last != null && now.isBefore(last.plus(interval)) || !CanaryWorkloads.ready(target)) {
            return;
        }
        CanaryAdvance advance = new CanaryAdvance(analysis, status);
        if (advance.analysing()) {
            Optional<String> failure = checks.failure(canary, target.getMetadata().getName(), now);
            if (failure.isPresent()) {
                int failed = status.path("failedChecks").asInt() + 1;
                status.put("failedChecks", failed);
                s.touch();
                if (failed >= analysis.path("threshold").asInt(1)) {
                    status.put("canaryWeight", 0);
                    workloads.scale(target, 0);
                    s.phase("Failed");
                }
                return;
            }
        }
        if (advance.done()) {
            workloads.promote(target);
            s.phase("Promoting");
            return;
        }
        advance.step();
        s.touch();
    }
}
