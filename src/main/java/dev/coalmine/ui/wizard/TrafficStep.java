package dev.coalmine.ui.wizard;

import dev.coalmine.core.CoalmineException;
import dev.coalmine.core.time.Durations;
import dev.coalmine.core.traffic.HeaderMatch;
import dev.coalmine.core.traffic.TrafficPlan;
import dev.coalmine.core.traffic.TrafficProvider;
import dev.coalmine.kube.traffic.TrafficProviders;
import java.util.List;
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
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Step 4: how requests reach the canary. The replica ratio always; a weighted router (Gateway API, Istio, SMI,
 * NGINX) when the cluster serves it, with its step ladder, step interval, manual gate and header match; the
 * providers the cluster lacks are listed with the reason.
 */
public final class TrafficStep {
    private final ObservableList<TrafficProviders.Offer> offers = FXCollections.observableArrayList();
    private final StringProperty unknown = new SimpleStringProperty("");
    private final ObjectProperty<TrafficProvider> provider = new SimpleObjectProperty<>(TrafficProvider.REPLICAS);
    private final StringProperty steps = new SimpleStringProperty("5,10,25,50");
    private final StringProperty interval = new SimpleStringProperty("30s");
    private final BooleanProperty manualGate = new SimpleBooleanProperty(false);
    private final StringProperty header = new SimpleStringProperty("");
    private final ObjectBinding<Parsed> parsed;
    private final StringBinding problem;
    private final BooleanBinding valid;
    private final StringBinding ladder;
    private final StringBinding timeToPromote;
    private final StringBinding notOffered;

    private record Parsed(Optional<TrafficPlan> plan, String problem) {
    }

    /** @param baseline whether the release runs a baseline (each weighted step gives it the canary's weight) */
    TrafficStep(BooleanProperty baseline) {
        parsed = Bindings.createObjectBinding(() -> parse(baseline.get()), provider, steps, interval, manualGate,
                header, baseline);
        problem = Bindings.createStringBinding(() -> parsed.get().problem(), parsed);
        valid = Bindings.createBooleanBinding(() -> parsed.get().plan().isPresent(), parsed);
        ladder = Bindings.createStringBinding(() -> parsed.get().plan().map(TrafficPlan::describeLadder).orElse(""),
                parsed);
        timeToPromote = Bindings.createStringBinding(() -> parsed.get().plan().filter(TrafficPlan::weighted)
                .map(p -> "With every check passing: " + p.describeTimeToPromote() + ".").orElse(""), parsed);
        notOffered = Bindings.createStringBinding(() -> unknown.get().isEmpty() ? String.join("\n", offers.stream()
                .filter(o -> !o.offered()).map(o -> "Not offered: " + o.describe()).toList()) : unknown.get(),
                offers, unknown);
    }

    private Parsed parse(boolean withBaseline) {
        if (provider.get() == null || !provider.get().weighted()) {
            return new Parsed(Optional.of(TrafficPlan.replicas()), "");
        }
        try {
            String headerText = header.get() == null ? "" : header.get().strip();
            TrafficPlan plan = new TrafficPlan(provider.get(), null, TrafficPlan.parseSteps(steps.get()),
                    Durations.parse(interval.get()), List.of(), manualGate.get(),
                    headerText.isEmpty() ? null : HeaderMatch.parse(headerText));
            plan.validateWithBaseline(withBaseline);
            return new Parsed(Optional.of(plan), "");
        } catch (CoalmineException e) {
            return new Parsed(Optional.empty(), e.getMessage());
        }
    }

    /** The cluster's answer, as the engine detected it: every provider, offered or with the reason it is not. */
    void offersFound(List<TrafficProviders.Offer> found) {
        offers.setAll(found);
    }

    /** The providers could not be read: the replica ratio stays, with the reason. */
    void providersUnknown(String why) {
        unknown.set(why);
    }

    /** The plan as entered; only call it when {@link #valid()}. */
    TrafficPlan plan() {
        return parsed.get().plan().orElseThrow();
    }

    /** The providers the operator can choose: the replica ratio and each router the cluster serves. */
    public ObservableList<TrafficProviders.Offer> offers() {
        return offers;
    }

    public BooleanBinding valid() {
        return valid;
    }

    public ObjectProperty<TrafficProvider> providerProperty() {
        return provider;
    }

    public StringProperty stepsProperty() {
        return steps;
    }

    public StringProperty intervalProperty() {
        return interval;
    }

    public BooleanProperty manualGateProperty() {
        return manualGate;
    }

    public StringProperty headerProperty() {
        return header;
    }

    public StringBinding problem() {
        return problem;
    }

    /** "5 % → 10 % → 25 % → 50 % → promote", or the replica ratio's one line. */
    public StringBinding ladder() {
        return ladder;
    }

    public StringBinding timeToPromote() {
        return timeToPromote;
    }

    /** One line per provider the cluster does not serve, with what to install. */
    public StringBinding notOffered() {
        return notOffered;
    }
}
