package dev.coalmine.cli.canary;

import dev.coalmine.core.CoalmineException;
import dev.coalmine.core.traffic.HeaderMatch;
import dev.coalmine.core.traffic.PauseStep;
import dev.coalmine.core.traffic.TrafficPlan;
import dev.coalmine.core.traffic.TrafficProvider;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The options of {@code plan} and {@code start} that choose how requests reach the canary. */
final class TrafficOptions {
    @Option(names = "--traffic", paramLabel = "PROVIDER", defaultValue = "replicas",
            description = "How requests reach the canary: replicas (its share of pods; the default), gateway-api, "
                    + "istio, smi or nginx (router weights stepped up while the analysis watches).")
    String provider;

    @Option(names = "--route", paramLabel = "SERVICE",
            description = "The Service whose requests are split (default: the one Service selecting the Deployment's pods).")
    String route;

    @Option(names = "--steps", paramLabel = "LIST", description = "The canary's weights in percent, e.g. 5,10,25,50.")
    String steps;

    @Option(names = "--step-weight", paramLabel = "N", description = "Flagger's ladder: N, 2N, … up to --max-weight.")
    Integer stepWeight;

    @Option(names = "--max-weight", paramLabel = "M", description = "The last step of the --step-weight ladder.")
    Integer maxWeight;

    @Option(names = "--step-interval", paramLabel = "DURATION", converter = PlanOptions.DurationConverter.class,
            description = "How long each step lasts with a manual judge (default 30s); with --judge auto each step "
                    + "lasts one --analysis-interval.")
    Duration stepInterval;

    @Option(names = "--pause-at", paramLabel = "WEIGHT[:DURATION]",
            description = "After the step at WEIGHT passed, wait for DURATION, or without one until "
                    + "'coalmine canary resume' (repeatable).")
    List<String> pauses = new ArrayList<>();

    @Option(names = "--header", paramLabel = "NAME=VALUE",
            description = "Requests with this header go to the canary whatever the weight (istio, gateway-api, nginx).")
    String header;

    @Option(names = "--manual-gate", description = "After the last step, wait for a person to promote.")
    boolean manualGate;

    /** The traffic plan; refusals are CoalmineExceptions, which the caller turns into usage errors. */
    TrafficPlan toPlan(boolean automaticJudge) {
        TrafficProvider p = provider == null ? TrafficProvider.REPLICAS : TrafficProvider.parse(provider);
        if (steps != null && (stepWeight != null || maxWeight != null)) {
            throw new CoalmineException("give either --steps or --step-weight with --max-weight, not both");
        }
        if ((stepWeight == null) != (maxWeight == null)) {
            throw new CoalmineException("--step-weight and --max-weight go together, e.g. --step-weight 10 --max-weight 50");
        }
        if (automaticJudge && stepInterval != null) {
            throw new CoalmineException("with --judge auto each step lasts one --analysis-interval: drop --step-interval");
        }
        List<Integer> ladder = steps != null ? TrafficPlan.parseSteps(steps)
                : stepWeight != null ? TrafficPlan.ladder(stepWeight, maxWeight) : List.of();
        List<PauseStep> pauseSteps = pauses.stream().map(PauseStep::parse).toList();
        HeaderMatch match = header == null ? null : HeaderMatch.parse(header);
        return new TrafficPlan(p, route, ladder, p.weighted() ? stepInterval : null, pauseSteps, manualGate, match);
    }
}
