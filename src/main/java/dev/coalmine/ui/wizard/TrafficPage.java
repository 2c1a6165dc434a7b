package dev.coalmine.ui.wizard;

import dev.coalmine.core.traffic.TrafficProvider;
import dev.coalmine.kube.traffic.TrafficProviders;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.value.ObservableStringValue;
import javafx.collections.ListChangeListener;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

/**
 * Step 4: the replica ratio or a weighted router the cluster serves (the others listed with the reason), the
 * step ladder and its minimum time to promote.
 */
final class TrafficPage extends VBox {
    private final TrafficStep traffic;
    private final ToggleGroup choice = new ToggleGroup();
    private final VBox providers = new VBox(6);

    /** @param shareWarning shown when a tiny stable gives the canary more requests than the size asked for */
    TrafficPage(WizardViewModel model, Label shareWarning) {
        super(12);
        this.traffic = model.traffic();
        traffic.offers().addListener((ListChangeListener<TrafficProviders.Offer>) change -> showOffers());
        showOffers();
        choice.selectedToggleProperty().addListener((obs, old, selected) -> {
            if (selected != null) {
                traffic.providerProperty().set((TrafficProvider) selected.getUserData());
            }
        });

        Label share = wrapped("traffic-share", model.size().trafficShare());
        Label notOffered = wrapped("traffic-not-offered", traffic.notOffered());
        notOffered.getStyleClass().add("text-muted");

        GridPane weights = FormRows.grid();
        FormRows.addField(weights, "Canary weights (%)", "traffic-steps", traffic.stepsProperty(), traffic.problem());
        FormRows.addField(weights, "Step interval", "traffic-interval", traffic.intervalProperty(), blank());
        FormRows.addField(weights, "Header to the canary", "traffic-header", traffic.headerProperty(), blank())
                .disableProperty().bind(Bindings.createBooleanBinding(() -> !traffic.providerProperty().get()
                        .headerMatch(), traffic.providerProperty()));
        CheckBox gate = new CheckBox("Manual gate: after the last step a person promotes");
        gate.setId("traffic-manual-gate");
        gate.selectedProperty().bindBidirectional(traffic.manualGateProperty());
        Label hint = FormRows.muted("Each step lasts one interval at least; with an automatic judge, the judge's "
                + "analysis interval is used. The header (NAME=VALUE, e.g. x-canary=always) sends matching requests "
                + "to the canary whatever the weight.");
        hint.setWrapText(true);
        VBox weighted = new VBox(10, weights, gate, hint);
        weighted.visibleProperty().bind(Bindings.createBooleanBinding(() -> traffic.providerProperty().get().weighted(),
                traffic.providerProperty()));
        weighted.managedProperty().bind(weighted.visibleProperty());
        VBox ratioOnly = new VBox(12, share, shareWarning);
        ratioOnly.visibleProperty().bind(weighted.visibleProperty().not());
        ratioOnly.managedProperty().bind(ratioOnly.visibleProperty());

        Label ladder = wrapped("traffic-ladder", traffic.ladder());
        ladder.getStyleClass().add("monospace");
        Label time = wrapped("traffic-time-to-promote", traffic.timeToPromote());
        getChildren().addAll(providers, notOffered, weighted, ladder, time, ratioOnly);
    }

    private void showOffers() {
        providers.getChildren().clear();
        for (TrafficProviders.Offer offer : traffic.offers().isEmpty()
                ? List.of(new TrafficProviders.Offer(TrafficProvider.REPLICAS, true, null, ""))
                : traffic.offers()) {
            if (!offer.offered()) {
                continue;
            }
            RadioButton button = new RadioButton(label(offer.provider()));
            button.setId("traffic-" + offer.provider().word());
            button.setUserData(offer.provider());
            button.setToggleGroup(choice);
            button.setSelected(offer.provider() == traffic.providerProperty().get());
            providers.getChildren().add(button);
        }
    }

    private static String label(TrafficProvider provider) {
        return switch (provider) {
            case REPLICAS -> "Replica ratio: the canary's share of pods (no router)";
            case GATEWAY_API -> "Gateway API: weights in an HTTPRoute";
            case ISTIO -> "Istio: weights in a VirtualService, subsets in a DestinationRule";
            case SMI -> "Linkerd / SMI: weights in a TrafficSplit";
            case NGINX -> "NGINX ingress: a canary Ingress with canary-weight";
        };
    }

    private static Label wrapped(String id, ObservableStringValue text) {
        Label label = new Label();
        label.setId(id);
        label.setWrapText(true);
        label.textProperty().bind(text);
        label.visibleProperty().bind(label.textProperty().isNotEmpty());
        label.managedProperty().bind(label.visibleProperty());
        return label;
    }

    private static ObservableStringValue blank() {
        return new SimpleStringProperty("");
    }
}
