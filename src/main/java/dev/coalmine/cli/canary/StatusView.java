package dev.coalmine.cli.canary;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.coalmine.core.release.Decision;
import dev.coalmine.core.release.RecordedVerdict;
import dev.coalmine.core.release.ReleaseState;
import dev.coalmine.core.release.RequestShare;
import dev.coalmine.core.release.StepLogEntry;
import dev.coalmine.core.traffic.TrafficPlan;
import dev.coalmine.core.traffic.TrafficState;
import dev.coalmine.kube.release.ReleaseStatus;
import dev.coalmine.kube.release.TrackStatus;
import java.util.List;

/** Renders a {@link ReleaseStatus} as text for people or as a tree for {@code -o json} and {@code -o yaml}. */
final class StatusView {
    static final int LOG_LINES = 8;
    private final ObjectMapper json = new ObjectMapper();

    String text(ReleaseStatus s) {
        StringBuilder b = new StringBuilder();
        b.append(s.namespace()).append('/').append(s.deployment()).append(": ");
        b.append(s.current().map(r -> "release " + r.number() + ", phase " + r.phase().label())
                .orElse("no release yet")).append('\n');
        b.append(String.format("%-9s %-9s %-6s %s%n", "TRACK", "REPLICAS", "READY", "IMAGES"));
        row(b, "stable", s.stable());
        row(b, "baseline", s.baseline());
        row(b, "canary", s.canary());
        s.current().filter(r -> r.plan().weighted()).ifPresent(r -> b.append("traffic:  ").append(trafficLine(r))
                .append('\n'));
        s.requestShare().ifPresent(share -> {
            b.append("requests: the canary gets ").append(share.describe()).append('\n');
            share.warning().ifPresent(w -> b.append("warning:  ").append(w).append('\n'));
        });
        s.decision().ifPresent(d -> b.append("decision: ").append(d.describe()).append('\n'));
        if (s.reason() != null) {
            b.append("reason:   ").append(s.reason()).append('\n');
        }
        s.verdict().ifPresent(v -> {
            b.append("verdict:  ").append(v.headline()).append(" (at ").append(v.at()).append(")\n");
            v.reasons().forEach(reason -> b.append("  - ").append(reason).append('\n'));
        });
        if (s.driver() != null) {
            b.append("driven by: ").append(s.driver()).append('\n');
        }
        s.current().ifPresent(r -> {
            b.append("last steps:\n");
            r.lastLog(LOG_LINES).forEach(l -> b.append("  ").append(l).append('\n'));
        });
        return b.toString();
    }

    private static void row(StringBuilder b, String track, TrackStatus t) {
        if (t.exists()) {
            b.append(String.format("%-9s %-9d %-6d %s%n", track, t.replicas(), t.readyReplicas(),
                    String.join(",", t.images())));
        } else {
            b.append(String.format("%-9s %-9s %-6s %s%n", track, "-", "-", "-"));
        }
    }

    ObjectNode json(ReleaseStatus s) {
        ObjectNode root = json.createObjectNode();
        root.put("namespace", s.namespace());
        root.put("deployment", s.deployment());
        ReleaseState r = s.release();
        if (r == null) {
            root.putNull("release");
        } else {
            root.put("release", r.number());
        }
        root.put("phase", s.phaseLabel());
        root.set("stable", track(s.stable()));
        root.set("canary", track(s.canary()));
        root.set("baseline", track(s.baseline()));
        root.set("traffic", r == null ? null : traffic(r));
        root.set("requestShare", s.requestShare().map(this::share).orElse(null));
        root.set("decision", s.decision().map(this::decision).orElse(null));
        root.put("reason", s.reason());
        root.set("verdict", s.verdict().map(this::verdict).orElse(null));
        root.put("driver", s.driver());
        ArrayNode log = root.putArray("log");
        List<StepLogEntry> lines = r == null ? List.of() : r.lastLog(LOG_LINES);
        lines.forEach(l -> log.addObject().put("at", l.at().toString()).put("stage", l.stage().title())
                .put("message", l.message()));
        return root;
    }

    ObjectNode history(ReleaseState r) {
        ObjectNode o = json.createObjectNode();
        o.put("release", r.number());
        o.put("phase", r.phase().label());
        o.put("startedAt", r.startedAt().toString());
        o.put("finishedAt", r.finishedAt() == null ? null : r.finishedAt().toString());
        o.put("change", change(r));
        o.put("canaryReplicas", r.canaryReplicas());
        o.set("decision", r.decisionIfAny().map(this::decision).orElse(null));
        return o;
    }

    /** "gateway-api, step 2 of 4: canary 10 % (5 % → 10 % → 25 % → 50 % → promote)". */
    static String trafficLine(ReleaseState r) {
        TrafficPlan plan = r.plan().traffic();
        TrafficState t = r.trafficIfAny().orElse(null);
        String where = t == null || !t.started() ? "before the first step"
                : "step " + (t.step() + 1) + " of " + plan.steps().size() + ": canary " + t.weight() + " %"
                + (t.paused() ? ", paused" : "") + (t.atGate() ? ", waiting for promote" : "");
        return plan.provider().word() + " (Service " + plan.service() + "), " + where + " (" + plan.describeLadder() + ")";
    }

    /** {@code traffic: {provider, weight, step, steps}}: step counts from 1, 0 before the ladder starts. */
    ObjectNode traffic(ReleaseState r) {
        TrafficPlan plan = r.plan().traffic();
        ObjectNode o = json.createObjectNode();
        o.put("provider", plan.provider().word());
        TrafficState t = r.trafficIfAny().orElse(null);
        if (plan.weighted()) {
            o.put("service", plan.service());
            o.put("weight", t == null ? 0 : t.weight());
            o.put("step", t == null ? 0 : t.step() + 1);
            o.put("paused", t != null && t.paused());
        } else {
            o.putNull("weight");
            o.putNull("step");
        }
        ArrayNode steps = o.putArray("steps");
        plan.steps().forEach(steps::add);
        return o;
    }

    static String change(ReleaseState r) {
        return r.plan().fromManifest() ? "manifest" : String.join(",",
                r.plan().images().stream().map(Object::toString).toList());
    }

    ObjectNode share(RequestShare share) {
        ObjectNode o = json.createObjectNode();
        o.put("canaryPercent", Math.round(share.canaryPercent() * 10) / 10.0);
        o.put("canaryPods", share.canaryPods());
        o.put("servingPods", share.servingPods());
        o.put("warning", share.warning().orElse(null));
        return o;
    }

    private ObjectNode track(TrackStatus t) {
        ObjectNode o = json.createObjectNode();
        o.put("exists", t.exists());
        o.put("replicas", t.replicas());
        o.put("readyReplicas", t.readyReplicas());
        ArrayNode images = o.putArray("images");
        t.images().forEach(images::add);
        return o;
    }

    private ObjectNode decision(Decision d) {
        return json.createObjectNode().put("verdict", d.verdict().word()).put("who", d.who()).put("at", d.at().toString())
                .put("reason", d.reason());
    }

    private ObjectNode verdict(RecordedVerdict v) {
        ObjectNode o = json.createObjectNode().put("outcome", v.outcomeWord()).put("check", v.check())
                .put("at", v.at().toString());
        if (v.score() == null) {
            o.putNull("score");
        } else {
            o.put("score", v.score());
        }
        ArrayNode reasons = o.putArray("reasons");
        v.reasons().forEach(reasons::add);
        return o;
    }
}
