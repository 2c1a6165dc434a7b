package dev.coalmine.demo.server;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** The columns {@code kubectl get} shows for each kind, as a real server's table printer defines them. */
final class TableColumns {
    /** One column: header, wide-only (priority 1) or not, and how to compute its cell. */
    record Column(String name, String type, int priority, Function<JsonNode, Object> cell) {
    }

    private final Function<JsonNode, Object> age;

    TableColumns(Instant now) {
        this.age = o -> human(Duration.between(instant(o.path("metadata").path("creationTimestamp").asText()), now));
    }

    List<Column> forKind(String kind) {
        List<Column> c = new ArrayList<>();
        c.add(new Column("Name", "string", 0, o -> o.path("metadata").path("name").asText()));
        if (AccessAndNodeColumns.add(kind, c, age) || ScalingColumns.add(kind, c, age)
                || EngineColumns.add(kind, c, age)) {
            return c;
        }
        switch (kind) {
            case "Deployment" -> {
                c.add(col("Ready", o -> st(o, "readyReplicas") + "/" + spec(o, "replicas")));
                c.add(col("Up-to-date", o -> st(o, "updatedReplicas")));
                c.add(col("Available", o -> st(o, "availableReplicas")));
                c.add(col("Age", age));
                addPodTemplateColumns(c);
            }
            case "ReplicaSet", "StatefulSet" -> {
                c.add(col("Desired", o -> spec(o, "replicas")));
                c.add(col("Current", o -> st(o, "replicas")));
                c.add(col("Ready", o -> st(o, "readyReplicas")));
                c.add(col("Age", age));
                addPodTemplateColumns(c);
            }
            case "Pod" -> {
                c.add(col("Ready", o -> readyContainers(o) + "/" + o.path("spec").path("containers").size()));
                c.add(col("Status", TableColumns::podStatus));
                c.add(col("Restarts", TableColumns::restarts));
                c.add(col("Age", age));
                c.add(wide("IP", o -> orNone(o.path("status").path("podIP").asText())));
                c.add(wide("Node", o -> orNone(o.path("spec").path("nodeName").asText())));
            }
            case "Service" -> {
                c.add(col("Type", o -> o.path("spec").path("type").asText()));
                c.add(col("Cluster-IP", o -> orNone(o.path("spec").path("clusterIP").asText())));
                c.add(col("External-IP", o -> "<none>"));
                c.add(col("Port(s)", TableColumns::ports));
                c.add(col("Age", age));
                c.add(wide("Selector", o -> pairs(o.path("spec").path("selector"))));
            }
            case "ConfigMap" -> {
                c.add(col("Data", o -> o.path("data").size() + o.path("binaryData").size()));
                c.add(col("Age", age));
            }
            case "Secret" -> {
                c.add(col("Type", o -> o.path("type").asText()));
                c.add(col("Data", o -> o.path("data").size()));
                c.add(col("Age", age));
            }
            case "Namespace" -> {
                c.add(col("Status", o -> o.path("status").path("phase").asText("Active")));
                c.add(col("Age", age));
            }
            case "Event" -> {
                c.clear();
                c.add(col("Last Seen", o -> human(Duration.between(instant(lastSeen(o)), Instant.now()))));
                c.add(col("Type", o -> o.path("type").asText()));
                c.add(col("Reason", o -> o.path("reason").asText()));
                c.add(col("Object", o -> o.path("involvedObject").path("kind").asText().toLowerCase()
                        + "/" + o.path("involvedObject").path("name").asText()));
                c.add(col("Message", o -> o.path("message").asText()));
                c.add(wide("Count", o -> o.path("count").asInt(1)));
                c.add(wide("Name", o -> o.path("metadata").path("name").asText()));
            }
            default -> c.add(col("Age", age));
        }
        return c;
    }

    private static void addPodTemplateColumns(List<Column> c) {
        c.add(wide("Containers", o -> join(o, "name")));
        c.add(wide("Images", o -> join(o, "image")));
        c.add(wide("Selector", o -> pairs(o.path("spec").path("selector").path("matchLabels"))));
    }

    static Column col(String name, Function<JsonNode, Object> cell) {
        return new Column(name, "string", 0, cell);
    }

    static Column wide(String name, Function<JsonNode, Object> cell) {
        return new Column(name, "string", 1, cell);
    }

    private static int st(JsonNode o, String field) {
        return o.path("status").path(field).asInt(0);
    }

    private static int spec(JsonNode o, String field) {
        return o.path("spec").path(field).asInt(1);
    }

    private static String join(JsonNode workload, String field) {
        List<String> out = new ArrayList<>();
        workload.path("spec").path("template").path("spec").path("containers")
                .forEach(c -> out.add(c.path(field).asText()));
        return String.join(",", out);
    }

    private static String pairs(JsonNode map) {
        List<String> out = new ArrayList<>();
        map.fields().forEachRemaining(e -> out.add(e.getKey() + "=" + e.getValue().asText()));
        return out.isEmpty() ? "<none>" : String.join(",", out);
    }

    private static String ports(JsonNode svc) {
        List<String> out = new ArrayList<>();
        svc.path("spec").path("ports").forEach(p -> out.add(p.path("port").asText()
                + (p.has("nodePort") ? ":" + p.path("nodePort").asText() : "") + "/" + p.path("protocol").asText("TCP")));
        return out.isEmpty() ? "<none>" : String.join(",", out);
    }

    private static long readyContainers(JsonNode pod) {
        long n = 0;
        for (JsonNode s : pod.path("status").path("containerStatuses")) {
            n += s.path("ready").asBoolean() ? 1 : 0;
        }
        return n;
    }

    private static int restarts(JsonNode pod) {
        int n = 0;
        for (JsonNode s : pod.path("status").path("initContainerStatuses")) {
            n += s.path("restartCount").asInt();
        }
        for (JsonNode s : pod.path("status").path("containerStatuses")) {
            n += s.path("restartCount").asInt();
        }
        return n;
    }

    private static String podStatus(JsonNode pod) {
        if (pod.path("metadata").has("deletionTimestamp")) {
            return "Terminating";
        }
        String initializing = initStatus(pod);
        if (initializing != null) {
            return initializing;
        }
        for (JsonNode s : pod.path("status").path("containerStatuses")) {
            String waiting = s.path("state").path("waiting").path("reason").asText();
            if (!waiting.isEmpty()) {
                return waiting;
            }
            String terminated = s.path("state").path("terminated").path("reason").asText();
            if (!terminated.isEmpty()) {
                return terminated;
            }
        }
        return pod.path("status").path("phase").asText("Pending");
    }

    /** As kubectl prints a pod whose init containers have not all completed: Init:1/2, Init:CrashLoopBackOff. */
    private static String initStatus(JsonNode pod) {
        JsonNode statuses = pod.path("status").path("initContainerStatuses");
        for (int i = 0; i < statuses.size(); i++) {
            JsonNode state = statuses.get(i).path("state");
            JsonNode terminated = state.path("terminated");
            if (!terminated.isMissingNode() && terminated.path("exitCode").asInt() == 0) {
                continue;
            }
            String waiting = state.path("waiting").path("reason").asText();
            if (!terminated.isMissingNode()) {
                return "Init:" + terminated.path("reason").asText("ExitCode:" + terminated.path("exitCode").asInt());
            }
            if (!waiting.isEmpty() && !waiting.equals("PodInitializing")) {
                return "Init:" + waiting;
            }
            return "Init:" + i + "/" + pod.path("spec").path("initContainers").size();
        }
        return null;
    }

    private static String lastSeen(JsonNode event) {
        for (String field : new String[] {"lastTimestamp", "eventTime", "firstTimestamp"}) {
            String v = event.path(field).asText();
            if (!v.isEmpty() && !v.equals("null")) {
                return v;
            }
        }
        return event.path("metadata").path("creationTimestamp").asText();
    }

    private static String orNone(String s) {
        return s.isEmpty() ? "<none>" : s;
    }

    private static Instant instant(String text) {
        try {
            return Instant.parse(text);
        } catch (RuntimeException e) {
            return Instant.now();
        }
    }

    /** Ages as kubectl prints them: 45s, 3m12s, 25m, 4h10m, 30h, 3d4h, 12d. */
    static String human(Duration d) {
        long s = Math.max(0, d.getSeconds());
        if (s < 120) {
            return s + "s";
        }
        long m = s / 60;
        if (m < 10) {
            return m + "m" + (s % 60 == 0 ? "" : (s % 60) + "s");
        }
        if (m < 180) {
            return m + "m";
        }
        long h = m / 60;
        if (h < 8) {
            return h + "h" + (m % 60 == 0 ? "" : (m % 60) + "m");
        }
        if (h < 48) {
            return h + "h";
        }
        long days = h / 24;
        return days < 8 ? days + "d" + (h % 24 == 0 ? "" : (h % 24) + "h") : days + "d";
    }
}
