package dev.coalmine.core.flagger;

import dev.coalmine.core.workload.WorkloadSummary;
import java.util.Optional;

/** What a Canary view shows at one moment: the Canary and its two Deployments (target = canary pods, primary = stable). */
public record CanarySnapshot(FlaggerCanary canary, Optional<WorkloadSummary> primary, Optional<WorkloadSummary> target) {
}
