package dev.coalmine.kube.release;

import dev.coalmine.core.release.ReleaseState;
import dev.coalmine.core.release.StepLogEntry;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.MicroTime;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Writes step-log lines as Kubernetes Events on the stable Deployment, so `kubectl get events` tells the story. */
public final class ReleaseEvents {
    private static final Logger LOG = LoggerFactory.getLogger(ReleaseEvents.class);
    private final KubernetesClient client;
    private final String instance;
    private final Map<String, String> stableUids = new ConcurrentHashMap<>();

    public ReleaseEvents(KubernetesClient client, String instance) {
        this.client = client;
        this.instance = instance;
    }

    /** Best effort: an event that cannot be written never stops a release. */
    public void record(ReleaseState state, StepLogEntry line) {
        String ns = state.plan().namespace();
        String name = state.plan().deployment();
        boolean warning = line.message().startsWith("failed") || line.message().contains(" failed");
        try {
            String uid = stableUid(ns, name);
            String time = line.at().toString();
            client.v1().events().inNamespace(ns).resource(new EventBuilder()
                    .withNewMetadata().withName(name + "." + UUID.randomUUID().toString().substring(0, 13).replace("-", ""))
                    .withNamespace(ns).addToLabels(ReleaseNames.MANAGED_BY, ReleaseNames.COALMINE).endMetadata()
                    .withNewInvolvedObject().withApiVersion("apps/v1").withKind("Deployment").withName(name)
                    .withNamespace(ns).withUid(uid).endInvolvedObject()
                    .withType(warning ? "Warning" : "Normal")
                    .withReason(reason(state, line))
                    .withMessage(shortened("release " + state.number() + ": " + line.message()))
                    .withNewSource().withComponent(ReleaseNames.COALMINE).endSource()
                    .withReportingComponent(ReleaseNames.COALMINE).withReportingInstance(instance)
                    .withAction(line.stage().title())
                    .withFirstTimestamp(time).withLastTimestamp(time).withEventTime(new MicroTime(time)).withCount(1)
                    .build()).create();
        } catch (KubernetesClientException e) {
            LOG.warn("could not write an event for {}/{}: {}", ns, name, e.getMessage());
        }
    }

    /** The stable Deployment's uid, read once per workload rather than once per event. */
    private String stableUid(String ns, String name) {
        String key = ns + "/" + name;
        String known = stableUids.get(key);
        if (known != null) {
            return known;
        }
        Deployment stable = client.apps().deployments().inNamespace(ns).withName(name).get();
        String uid = stable == null ? null : stable.getMetadata().getUid();
        if (uid != null) {
            stableUids.put(key, uid);
        }
        return uid;
    }

    /** The API server refuses event messages over 1 KiB. */
    private static String shortened(String message) {
        return message.length() <= 1000 ? message : message.substring(0, 999) + "…";
    }

    private static String reason(ReleaseState state, StepLogEntry line) {
        String stage = line.stage().title().replaceAll("[^A-Za-z]", "");
        return "Canary" + stage.substring(0, 1).toUpperCase(Locale.ROOT) + stage.substring(1);
    }
}
