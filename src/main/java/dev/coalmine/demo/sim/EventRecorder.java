package dev.coalmine.demo.sim;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.net.HttpURLConnection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes core/v1 Events as a real cluster's components do: a repeated event (same object, reason, message,
 * source) bumps count and lastTimestamp of the existing Event instead of creating another one.
 */
final class EventRecorder {
    private static final Logger LOG = LoggerFactory.getLogger(EventRecorder.class);
    private static final int REMEMBERED = 4096;
    /** kube-apiserver's default --event-ttl. */
    private static final Duration TIME_TO_LIVE = Duration.ofHours(1);

    /** Who reports: {@code source.component} and, for kubelets, {@code source.host}. */
    record Source(String component, String host) {
        static final Source DEPLOYMENT_CONTROLLER = new Source("deployment-controller", null);
        static final Source REPLICASET_CONTROLLER = new Source("replicaset-controller", null);
        static final Source SCHEDULER = new Source("default-scheduler", null);

        static Source kubelet(String node) {
            return new Source("kubelet", node);
        }
    }

    private final KubernetesClient client;
    private final Clock clock;
    /** Events this recorder wrote, least recently recorded first. */
    private final Map<String, Event> recent = new LinkedHashMap<>(256, 0.75f, true);
    private long sequence;

    EventRecorder(KubernetesClient client, Clock clock) {
        this.client = client;
        this.clock = clock;
    }

    void normal(HasMetadata involved, Source source, String reason, String message) {
        record(involved, null, source, "Normal", reason, message);
    }

    void warning(HasMetadata involved, Source source, String reason, String message) {
        record(involved, null, source, "Warning", reason, message);
    }

    void record(HasMetadata involved, String fieldPath, Source source, String type, String reason, String message) {
        String key = String.join("\u0000", involved.getMetadata().getUid(), Objects.toString(fieldPath),
                source.component(), Objects.toString(source.host()), type, reason, message);
        String now = Timestamps.format(clock.instant());
        try {
            Event previous = recent.get(key);
            if (previous != null && bump(previous, now)) {
                return;
            }
            recent.put(key, client.resource(newEvent(involved, fieldPath, source, type, reason, message, now)).create());
        } catch (KubernetesClientException e) {
            LOG.debug("could not record event {} for {}: {}", reason, involved.getMetadata().getName(), e.getMessage());
        }
    }

    /**
     * Deletes this recorder's events that were last recorded more than an hour ago, and the oldest ones beyond
     * a few thousand, so a long demo does not fill the store.
     */
    void expire() {
        Instant oldest = clock.instant().minus(TIME_TO_LIVE);
        var entries = recent.values().iterator();
        while (entries.hasNext()) {
            Event event = entries.next();
            if (recent.size() <= REMEMBERED && !Timestamps.parse(event.getLastTimestamp()).isBefore(oldest)) {
                return;
            }
            entries.remove();
            try {
                client.resource(event).delete();
            } catch (KubernetesClientException e) {
                LOG.debug("could not expire event {}: {}", event.getMetadata().getName(), e.getMessage());
            }
        }
    }

    private boolean bump(Event previous, String now) {
        int count = (previous.getCount() == null ? 1 : previous.getCount()) + 1;
        try {
            Event bumped = client.resource(previous).patch(PatchContext.of(PatchType.JSON_MERGE),
                    "{\"count\":" + count + ",\"lastTimestamp\":\"" + now + "\"}");
            previous.setCount(count);
            previous.setLastTimestamp(now);
            return bumped != null;
        } catch (KubernetesClientException e) {
            if (e.getCode() == HttpURLConnection.HTTP_NOT_FOUND) {
                return false;
            }
            throw e;
        }
    }

    private Event newEvent(HasMetadata involved, String fieldPath, Source source, String type, String reason,
                           String message, String now) {
        String namespace = involved.getMetadata().getNamespace() == null ? "default" : involved.getMetadata().getNamespace();
        String name = involved.getMetadata().getName() + "." + Long.toHexString(clock.millis() * 1_000_000L + sequence++);
        return new EventBuilder()
                .withNewMetadata().withName(name).withNamespace(namespace).endMetadata()
                .withNewInvolvedObject()
                .withApiVersion(HasMetadata.getApiVersion(involved.getClass()))
                .withKind(HasMetadata.getKind(involved.getClass()))
                .withName(involved.getMetadata().getName())
                .withNamespace(involved.getMetadata().getNamespace())
                .withUid(involved.getMetadata().getUid())
                .withResourceVersion(involved.getMetadata().getResourceVersion())
                .withFieldPath(fieldPath)
                .endInvolvedObject()
                .withType(type).withReason(reason).withMessage(message)
                .withNewSource().withComponent(source.component()).withHost(source.host()).endSource()
                .withReportingComponent(source.component())
                .withReportingInstance(source.host() == null ? source.component() : source.host())
                .withFirstTimestamp(now).withLastTimestamp(now).withCount(1)
                .build();
    }
}
