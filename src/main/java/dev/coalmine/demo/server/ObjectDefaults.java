package dev.coalmine.demo.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The defaults a real API server fills in on create and update (the fields kubectl describe and the
 * controllers read): Deployment strategy and limits, pod spec defaults, Service cluster IPs, Secret
 * {@code stringData}, Namespace phase.
 */
final class ObjectDefaults {
    private final AtomicInteger nextClusterIp = new AtomicInteger(10);

    /** Fills defaults into {@code object} in place; {@code current} is the stored version on update, else null. */
    void apply(ResourceType type, ObjectNode object, JsonNode current) {
        switch (type.kind()) {
            case "Deployment" -> deployment(object);
            case "ReplicaSet", "StatefulSet" -> {
                putIfMissing(Json.with(object, "spec"), "replicas", 1);
                podTemplate(object);
            }
            case "DaemonSet", "Job" -> podTemplate(object);
            case "CronJob" -> podSpec(Json.with(object, "spec.jobTemplate.spec.template.spec"));
            case "Pod" -> {
                ObjectNode spec = Json.with(object, "spec");
                // The ServiceAccount admission plugin names the account of every pod, not of pod templates.
                putIfMissing(spec, "serviceAccountName", "default");
                putIfMissing(spec, "serviceAccount", spec.path("serviceAccountName").asText());
                podSpec(spec);
            }
            case "Service" -> service(object, current);
            case "Secret" -> secret(object);
            case "Namespace" -> namespace(object);
            case "HorizontalPodAutoscaler" -> putIfMissing(Json.with(object, "spec"), "minReplicas", 1);
            case "HTTPRoute" -> RouteDefaults.httpRoute(object);
            default -> {
            }
        }
    }

    private void deployment(ObjectNode d) {
        ObjectNode spec = Json.with(d, "spec");
        putIfMissing(spec, "replicas", 1);
        putIfMissing(spec, "revisionHistoryLimit", 10);
        putIfMissing(spec, "progressDeadlineSeconds", 600);
        ObjectNode strategy = Json.with(spec, "strategy");
        if (!strategy.has("type")) {
            strategy.put("type", "RollingUpdate");
        }
        if (strategy.path("type").asText().equals("RollingUpdate")) {
            ObjectNode rolling = Json.with(strategy, "rollingUpdate");
            putIfMissing(rolling, "maxUnavailable", "25%");
            putIfMissing(rolling, "maxSurge", "25%");
        }
        podTemplate(d);
    }

    private void podTemplate(ObjectNode workload) {
        podSpec(Json.with(workload, "spec.template.spec"));
    }

    private void podSpec(ObjectNode spec) {
        putIfMissing(spec, "restartPolicy", "Always");
        putIfMissing(spec, "dnsPolicy", "ClusterFirst");
        putIfMissing(spec, "schedulerName", "default-scheduler");
        putIfMissing(spec, "terminationGracePeriodSeconds", 30);
        if (!spec.has("securityContext")) {
            spec.putObject("securityContext");
        }
        for (String list : new String[] {"containers", "initContainers"}) {
            for (JsonNode c : spec.path(list)) {
                if (c instanceof ObjectNode container) {
                    String image = container.path("image").asText();
                    boolean latest = !image.contains(":") || image.endsWith(":latest");
                    putIfMissing(container, "imagePullPolicy", latest ? "Always" : "IfNotPresent");
                    putIfMissing(container, "terminationMessagePath", "/dev/termination-log");
                    putIfMissing(container, "terminationMessagePolicy", "File");
                    if (!container.has("resources")) {
                        container.putObject("resources");
                    }
                    container.path("ports").forEach(p -> putIfMissing((ObjectNode) p, "protocol", "TCP"));
                    for (String probe : new String[] {"readinessProbe", "livenessProbe", "startupProbe"}) {
                        if (container.get(probe) instanceof ObjectNode p) {
                            probe(p);
                        }
                    }
                }
            }
        }
    }

    private static void probe(ObjectNode probe) {
        putIfMissing(probe, "timeoutSeconds", 1);
        putIfMissing(probe, "periodSeconds", 10);
        putIfMissing(probe, "successThreshold", 1);
        putIfMissing(probe, "failureThreshold", 3);
        if (probe.get("httpGet") instanceof ObjectNode http) {
            putIfMissing(http, "scheme", "HTTP");
        }
        if (probe.get("grpc") instanceof ObjectNode grpc) {
            // kubectl describe dereferences grpc.service; the API server always fills it.
            putIfMissing(grpc, "service", "");
        }
    }

    private void service(ObjectNode svc, JsonNode current) {
        ObjectNode spec = Json.with(svc, "spec");
        putIfMissing(spec, "type", "ClusterIP");
        putIfMissing(spec, "sessionAffinity", "None");
        if (!spec.has("clusterIP")) {
            String ip = current != null && current.path("spec").has("clusterIP")
                    ? current.path("spec").path("clusterIP").asText() : allocateClusterIp();
            spec.put("clusterIP", ip);
        }
        if (!spec.has("clusterIPs")) {
            spec.putArray("clusterIPs").add(spec.path("clusterIP").asText());
        }
        if (!spec.has("ipFamilies")) {
            spec.putArray("ipFamilies").add("IPv4");
        }
        putIfMissing(spec, "ipFamilyPolicy", "SingleStack");
        putIfMissing(spec, "internalTrafficPolicy", "Cluster");
        for (JsonNode p : spec.path("ports")) {
            ObjectNode port = (ObjectNode) p;
            putIfMissing(port, "protocol", "TCP");
            if (!port.has("targetPort") && port.has("port")) {
                port.set("targetPort", port.get("port"));
            }
        }
    }

    private String allocateClusterIp() {
        int n = nextClusterIp.getAndIncrement();
        return "10.96." + (n / 250) + "." + (n % 250 + 1);
    }

    private static void secret(ObjectNode secret) {
        putIfMissing(secret, "type", "Opaque");
        JsonNode stringData = secret.remove("stringData");
        if (stringData != null && stringData.isObject()) {
            ObjectNode data = Json.with(secret, "data");
            stringData.fields().forEachRemaining(e -> data.put(e.getKey(),
                    Base64.getEncoder().encodeToString(e.getValue().asText().getBytes(StandardCharsets.UTF_8))));
        }
    }

    private static void namespace(ObjectNode ns) {
        String name = ns.path("metadata").path("name").asText();
        Json.with(ns, "metadata.labels").put("kubernetes.io/metadata.name", name);
        ObjectNode spec = Json.with(ns, "spec");
        if (!spec.has("finalizers")) {
            ((ArrayNode) spec.putArray("finalizers")).add("kubernetes");
        }
        Json.with(ns, "status").put("phase", "Active");
    }

    private static void putIfMissing(ObjectNode node, String key, Object value) {
        if (!node.has(key) || node.get(key).isNull()) {
            node.set(key, Json.MAPPER.valueToTree(value));
        }
    }
}
