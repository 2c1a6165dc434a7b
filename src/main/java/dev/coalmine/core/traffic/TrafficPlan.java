package dev.coalmine.core.traffic;

import dev.coalmine.core.CoalmineException;
import dev.coalmine.core.time.Durations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * How requests reach the canary during a release. With {@link TrafficProvider#REPLICAS} (the default) its share of
 * pods decides and nothing else here applies. With a weighted provider the canary (and the baseline, if any) get
 * {@code steps[k]} % each while the rest goes to stable; the ladder moves to the next step once the analysis at the
 * current one passed (or, with a manual judge, after one {@code interval}), as Flagger's {@code stepWeight}.
 *
 * @param service    the operator's Service in front of stable whose requests are split, or null to find it
 * @param steps      the canary weights in percent, strictly increasing
 * @param interval   how long each step lasts at least: the analysis interval
 * @param pauses     steps at which the ladder waits (for a duration or a person) after their analysis passed
 * @param manualGate after the last step, a person promotes
 * @param header     requests with this header go to the canary whatever the weight, or null
 */
public record TrafficPlan(TrafficProvider provider, String service, List<Integer> steps, Duration interval,
                          List<PauseStep> pauses, boolean manualGate, HeaderMatch header) {

    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(30);
    private static final String WEIGHTED = "a weighted --traffic provider (gateway-api, istio, smi or nginx)";

    public TrafficPlan {
        provider = provider == null ? TrafficProvider.REPLICAS : provider;
        steps = steps == null ? List.of() : List.copyOf(steps);
        pauses = pauses == null ? List.of() : List.copyOf(pauses);
        if (provider.weighted()) {
            interval = interval == null ? DEFAULT_INTERVAL : interval;
            validateWeighted(provider, steps, interval, pauses, header);
        } else {
            refuseWithoutWeights(service, steps, pauses, manualGate, header);
        }
    }

    /** Requests follow the pods, as before weighted routing existed. */
    public static TrafficPlan replicas() {
        return new TrafficPlan(TrafficProvider.REPLICAS, null, List.of(), null, List.of(), false, null);
    }

    /** Flagger's ladder: {@code stepWeight}, 2 × {@code stepWeight}, … up to {@code maxWeight} (always the last step). */
    public static List<Integer> ladder(int stepWeight, int maxWeight) {
        if (stepWeight < 1 || stepWeight > 100 || maxWeight < 1 || maxWeight > 100) {
            throw new CoalmineException("--step-weight and --max-weight are percentages from 1 to 100, got "
                    + stepWeight + " and " + maxWeight);
        }
        if (stepWeight > maxWeight) {
            throw new CoalmineException("--step-weight " + stepWeight + " is above --max-weight " + maxWeight
                    + ": the first step would pass the last");
        }
        List<Integer> weights = new ArrayList<>();
        for (int w = stepWeight; w < maxWeight; w += stepWeight) {
            weights.add(w);
        }
        weights.add(maxWeight);
        return List.copyOf(weights);
    }

    /** {@code 5,10,25,50}. */
    public static List<Integer> parseSteps(String text) {
        List<Integer> weights = new ArrayList<>();
        for (String part : (text == null ? "" : text).split(",", -1)) {
            if (!part.strip().matches("\\d{1,3}")) {
                throw new CoalmineException("'" + text + "' is not a list of weights: write e.g. --steps 5,10,25,50");
            }
            weights.add(Integer.parseInt(part.strip()));
        }
        return weights;
    }

    public boolean weighted() {
        return provider.weighted();
    }

    public int lastStep() {
        return steps.size() - 1;
    }

    public int weightAt(int step) {
        return steps.get(step);
    }

    public int maxWeight() {
        return steps.isEmpty() ? 0 : steps.get(steps.size() - 1);
    }

    /** The pause at {@code step}, if the ladder waits there. */
    public Optional<PauseStep> pauseAt(int step) {
        if (step < 0 || step >= steps.size()) {
            return Optional.empty();
        }
        int weight = steps.get(step);
        return pauses.stream().filter(p -> p.weight() == weight).findFirst();
    }

    public Optional<HeaderMatch> headerIfAny() {
        return Optional.ofNullable(header);
    }

    /**
     * The least time from the first weight to promotion when every check passes: one interval per step (Flagger:
     * interval × steps), plus the timed pauses. Pauses for a person come on top ({@link #waitsForPeople}).
     */
    public Duration minimumTimeToPromote() {
        Duration timedPauses = pauses.stream().map(PauseStep::duration).filter(d -> d != null)
                .reduce(Duration.ZERO, Duration::plus);
        return interval == null ? Duration.ZERO : interval.multipliedBy(steps.size()).plus(timedPauses);
    }

    /** The time from the first failing check to the rollback when every check fails: interval × failed-check limit. */
    public Duration timeToRollBack(int failedCheckLimit) {
        return interval == null ? Duration.ZERO : interval.multipliedBy(failedCheckLimit);
    }

    /** Some step, or the manual gate, waits for a person. */
    public boolean waitsForPeople() {
        return manualGate || pauses.stream().anyMatch(p -> p.duration() == null);
    }

    /** The ladder in one line: "5 % → 10 % (pause 10m) → 25 % → 50 % → promote (manual gate)". */
    public String describeLadder() {
        if (!weighted()) {
            return "replica ratio: the canary's share of requests is its share of pods";
        }
        List<String> parts = new ArrayList<>();
        for (int k = 0; k < steps.size(); k++) {
            parts.add(steps.get(k) + " %" + pauseAt(k).map(p -> " (" + p.describe() + ")").orElse(""));
        }
        parts.add(manualGate ? "promote by a person (manual gate)" : "promote");
        return String.join(" → ", parts);
    }

    /** "minimum time to promote 2m (4 steps × 30s)", with the people it waits for. */
    public String describeTimeToPromote() {
        return "minimum time to promote " + Durations.format(minimumTimeToPromote()) + " (" + steps.size()
                + " step(s) × " + Durations.format(interval) + (pauses.stream().anyMatch(p -> p.duration() != null)
                ? " + timed pauses" : "") + ")" + (waitsForPeople() ? ", plus the time people take to resume" : "");
    }

    /** The plan's refusals that depend on the rest of the release: a baseline takes a weight of its own. */
    public void validateWithBaseline(boolean baseline) {
        if (baseline && provider == TrafficProvider.NGINX) {
            throw new CoalmineException("NGINX ingress routes to one canary Ingress per host and path, so a baseline "
                    + "would get no requests: add --no-baseline");
        }
        if (baseline && weighted() && maxWeight() > 50) {
            throw new CoalmineException("with a baseline the canary and the baseline each get the step's weight, so "
                    + "no step may be above 50 % (the last is " + maxWeight() + "): lower --max-weight or --steps, or "
                    + "add --no-baseline");
        }
    }

    private static void validateWeighted(TrafficProvider provider, List<Integer> steps, Duration interval,
                                         List<PauseStep> pauses, HeaderMatch header) {
        if (steps.isEmpty()) {
            throw new CoalmineException("--traffic " + provider.word() + " needs a ladder: give --steps 5,10,25,50 or "
                    + "--step-weight N --max-weight M");
        }
        int previous = 0;
        for (int w : steps) {
            if (w < 1 || w > 100) {
                throw new CoalmineException("step weights are percentages from 1 to 100, got " + w);
            }
            if (w <= previous) {
                throw new CoalmineException("step weights must rise from step to step, got " + previous + " then " + w);
            }
            previous = w;
        }
        if (interval.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new CoalmineException("the step interval must be at least 1s, got " + Durations.format(interval));
        }
        Set<Integer> seen = new HashSet<>();
        for (PauseStep pause : pauses) {
            if (!steps.contains(pause.weight())) {
                throw new CoalmineException("--pause-at " + pause.weight() + " is not one of the steps " + steps
                        + ": pause at a weight the ladder reaches");
            }
            if (!seen.add(pause.weight())) {
                throw new CoalmineException("--pause-at " + pause.weight() + " is given twice: give each pause once");
            }
        }
        if (header != null && !provider.headerMatch()) {
            throw new CoalmineException("--header needs a router that matches headers (istio, gateway-api or nginx); "
                    + provider.word() + " splits by weight only");
        }
    }

    private static void refuseWithoutWeights(String service, List<Integer> steps, List<PauseStep> pauses,
                                             boolean manualGate, HeaderMatch header) {
        List<String> given = new ArrayList<>();
        if (service != null) {
            given.add("--route");
        }
        if (!steps.isEmpty()) {
            given.add("--steps/--step-weight");
        }
        if (!pauses.isEmpty()) {
            given.add("--pause-at");
        }
        if (manualGate) {
            given.add("--manual-gate");
        }
        if (header != null) {
            given.add("--header");
        }
        if (!given.isEmpty()) {
            throw new CoalmineException(String.join(", ", given) + " need" + (given.size() == 1 ? "s " : " ")
                    + WEIGHTED + "; with --traffic replicas the canary's share of requests is its share of pods");
        }
    }
}
