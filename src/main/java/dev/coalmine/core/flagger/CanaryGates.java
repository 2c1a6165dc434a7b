package dev.coalmine.core.flagger;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which of the load tester's gates a Canary's webhooks consult (docs/gitbook/usage/webhooks.md, "Manual gating"):
 * a confirm-* webhook at {@code /gate/check} waits for {@code /gate/open}; a rollback webhook at
 * {@code /rollback/check} fails the canary after {@code /rollback/open}. Flagger has no other handle on a running
 * analysis, so without them the console can only watch.
 */
public final class CanaryGates {
    private static final Set<String> CONFIRMS = Set.of(Webhook.CONFIRM_ROLLOUT, Webhook.CONFIRM_PROMOTION,
            Webhook.CONFIRM_TRAFFIC_INCREASE);
    private static final String GATE_CHECK = "/gate/check";
    private static final String ROLLBACK_CHECK = "/rollback/check";

    private CanaryGates() {
    }

    public static Steering of(FlaggerCanary canary) {
        List<GateAction> actions = new ArrayList<>();
        List<String> limits = new ArrayList<>();
        Optional<Webhook> confirm = hook(canary, CONFIRMS, GATE_CHECK);
        Optional<Webhook> rollback = hook(canary, Set.of(Webhook.ROLLBACK), ROLLBACK_CHECK);
        confirm.ifPresentOrElse(h -> {
            LoadTesterService service = located(h, canary).service();
            String waits = confirmTypes(canary, service);
            actions.add(action(canary, GateAction.Kind.OPEN_GATE, service, "Flagger's " + waits
                    + " webhook then answers 200: it goes on at its next check (every "
                    + canary.analysis().interval() + ")."));
            actions.add(action(canary, GateAction.Kind.CLOSE_GATE, service, "Flagger's " + waits
                    + " webhook then answers 403: it waits at that gate (status Waiting or WaitingPromotion)."));
        }, () -> limits.add("No confirm-promotion webhook at a load tester's " + GATE_CHECK
                + ": promotion cannot be held or approved from here" + fixedGate(canary, CONFIRMS) + "."));
        rollback.ifPresentOrElse(h -> {
            LoadTesterService service = located(h, canary).service();
            actions.add(action(canary, GateAction.Kind.OPEN_ROLLBACK, service, "Flagger's rollback webhook then "
                    + "answers 200: during the analysis it shifts all traffic back to " + canary.primaryName()
                    + " and marks the Canary Failed."));
            actions.add(action(canary, GateAction.Kind.CLOSE_ROLLBACK, service,
                    "Flagger's rollback webhook then answers 403 again: the next analysis is not rolled back."));
        }, () -> limits.add("No rollback webhook at a load tester's " + ROLLBACK_CHECK
                + ": it cannot be rolled back from here" + fixedGate(canary, Set.of(Webhook.ROLLBACK)) + "."));
        if (actions.isEmpty()) {
            return new Steering.NotSteerable("Canary " + canary.name() + " cannot be steered from the console: "
                    + "Flagger promotes or rolls it back on its metrics alone and has no API to change a running "
                    + "analysis; only webhooks can hold it, and it has none the console can open or close"
                    + fixedGates(canary) + ". To steer it, add webhooks of type confirm-promotion \u2192 "
                    + "http://<load tester>/gate/check and rollback \u2192 http://<load tester>/rollback/check "
                    + "(Flagger docs: webhooks, manual gating).");
        }
        return new Steering.Steerable(actions, limits);
    }

    private static Optional<Webhook> hook(FlaggerCanary canary, Set<String> types, String path) {
        return canary.webhooks().stream().filter(h -> types.contains(h.type()))
                .filter(h -> LoadTesterService.locate(h.url(), canary.namespace()).map(l -> l.path().equals(path))
                        .orElse(false))
                .findFirst();
    }

    private static LoadTesterService.Located located(Webhook hook, FlaggerCanary canary) {
        return LoadTesterService.locate(hook.url(), canary.namespace()).orElseThrow();
    }

    /** The confirm-* webhook types that consult the same gate: the load tester keys it by the Canary alone. */
    private static String confirmTypes(FlaggerCanary canary, LoadTesterService service) {
        return String.join(" and ", canary.webhooks().stream().filter(h -> CONFIRMS.contains(h.type()))
                .filter(h -> LoadTesterService.locate(h.url(), canary.namespace())
                        .map(l -> l.path().equals(GATE_CHECK) && l.service().equals(service)).orElse(false))
                .map(Webhook::type).distinct().toList());
    }

    /** Why a webhook of these types that is there does not count: its URL is a fixed answer or not the gate API. */
    private static String fixedGate(FlaggerCanary canary, Set<String> types) {
        return canary.webhooks().stream().filter(h -> types.contains(h.type())).findFirst()
                .map(h -> " (its " + h.type() + " webhook calls " + h.url() + ", which the console cannot open or close)")
                .orElse("");
    }

    private static String fixedGates(FlaggerCanary canary) {
        return fixedGate(canary, CONFIRMS) + fixedGate(canary, Set.of(Webhook.ROLLBACK));
    }

    private static GateAction action(FlaggerCanary canary, GateAction.Kind kind, LoadTesterService service,
            String effect) {
        return new GateAction(kind, service, canary.namespace(), canary.name(), effect);
    }
}
