package dev.coalmine.ui.wizard;

import dev.coalmine.core.release.CanarySize;
import dev.coalmine.core.release.CanarySizeProblem;
import dev.coalmine.core.release.InvalidCanarySizeException;
import dev.coalmine.core.release.RequestShare;
import java.util.Locale;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** Steps 3 and 4: canary size, baseline, and the share of requests the canary will get. */
public final class SizeStep {
    public enum Mode { COUNT, PERCENT }

    private final int stableReplicas;
    private final ObjectProperty<Mode> mode = new SimpleObjectProperty<>(Mode.PERCENT);
    private final StringProperty amount = new SimpleStringProperty("25");
    private final BooleanProperty baseline = new SimpleBooleanProperty(true);
    private final ObjectBinding<Optional<CanarySize>> size;
    private final StringBinding problem;
    private final StringBinding replicas;
    private final StringBinding trafficShare;
    private final StringBinding shareWarning;

    public SizeStep(int stableReplicas) {
        this.stableReplicas = stableReplicas;
        size = Bindings.createObjectBinding(() -> parse().size(), mode, amount);
        problem = Bindings.createStringBinding(() -> parse().problem(), mode, amount);
        replicas = Bindings.createStringBinding(this::describeReplicas, size, baseline);
        trafficShare = Bindings.createStringBinding(this::describeShare, size, baseline);
        shareWarning = Bindings.createStringBinding(() -> requestShare().flatMap(RequestShare::warning)
                .map(w -> "More than asked: " + w + ".").orElse(""), size, baseline);
    }

    private record Parsed(Optional<CanarySize> size, String problem) {
    }

    private Parsed parse() {
        String text = amount.get() == null ? "" : amount.get().strip();
        try {
            CanarySize parsed = mode.get() == Mode.COUNT ? CanarySize.count(Integer.parseInt(text))
                    : CanarySize.percent(Double.parseDouble(text));
            parsed.requireFits(stableReplicas);
            return new Parsed(Optional.of(parsed), "");
        } catch (NumberFormatException e) {
            return new Parsed(Optional.empty(), mode.get() == Mode.COUNT ? "Enter a whole number of pods, e.g. 1"
                    : "Enter a percentage of the stable replicas, e.g. 25 or 12.5");
        } catch (InvalidCanarySizeException e) {
            return new Parsed(Optional.empty(), wording(e.problem()));
        }
    }

    /** A refused size in the wizard's words: the field to change. */
    private static String wording(CanarySizeProblem problem) {
        String change = problem instanceof CanarySizeProblem.NoStableReplicas ? "scale it up or use a count"
                : problem instanceof CanarySizeProblem.CountAboveStable above ? "enter at most "
                        + above.stableReplicas() + " pod(s), or scale stable up first"
                : problem.setting() == CanarySizeProblem.Setting.COUNT ? "enter 1 pod or more"
                : "enter a percentage between 0 (exclusive) and 100";
        return problem.what() + ": " + change;
    }

    public int canaryReplicas() {
        return size.get().map(s -> s.replicasFor(stableReplicas)).orElse(0);
    }

    public int baselineReplicas() {
        return baseline.get() ? canaryReplicas() : 0;
    }

    private String describeReplicas() {
        if (size.get().isEmpty()) {
            return "";
        }
        return "Canary: " + canaryReplicas() + " pod(s)" + (baseline.get() ? " \u00b7 Baseline: " + baselineReplicas()
                + " pod(s)" : "") + " \u00b7 Stable keeps " + stableReplicas;
    }

    /** The share of requests the canary would get with the size entered, if it is valid. */
    public Optional<RequestShare> requestShare() {
        return size.get().map(s -> RequestShare.of(s, stableReplicas, baseline.get()));
    }

    private String describeShare() {
        return requestShare().map(share -> String.format(Locale.ROOT, "The Service spreads requests over %d pods, "
                + "so the canary receives about %.1f %% of requests%s.", share.servingPods(), share.canaryPercent(),
                baseline.get() ? " and the baseline as much" : "")).orElse("");
    }

    public BooleanBinding valid() {
        return Bindings.createBooleanBinding(() -> size.get().isPresent(), size);
    }

    public ObjectProperty<Mode> modeProperty() {
        return mode;
    }

    public StringProperty amountProperty() {
        return amount;
    }

    public BooleanProperty baselineProperty() {
        return baseline;
    }

    public ObjectBinding<Optional<CanarySize>> size() {
        return size;
    }

    public StringBinding problem() {
        return problem;
    }

    public StringBinding replicas() {
        return replicas;
    }

    public StringBinding trafficShare() {
        return trafficShare;
    }

    /** Empty unless the canary would get more requests than the size asked for (a tiny stable). */
    public StringBinding shareWarning() {
        return shareWarning;
    }

    public int stableReplicas() {
        return stableReplicas;
    }
}
