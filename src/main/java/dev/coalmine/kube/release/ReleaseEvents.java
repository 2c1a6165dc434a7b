package dev.coalmine.kube.release;

import dev.coalmine.core.release.ReleaseState;
import dev.coalmine.core.release.StepLogEntry;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.EventSeriesBuilder;
import io.fabric8.kubernetes.api.model.MicroTime;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes step-log lines as Kubernetes Events on the stable Deployment, so `kubectl get events` tells the story;
 * repeated lines are aggregated and new Events rate-limited per release ({@link EventAggregation}).
 */
final class ReleaseEvents {
    private static final Logger LOG = LoggerFactory.getLogger(ReleaseEvents.class);
    /** The API server refuses event messages over 1 KiB. */
    private static final int MESSAGE_LIMIT = 1000;
    private final KubernetesClient client;
    private final String instance;
    private final Map<String, String> stableUids = new ConcurrentHashMap<>();
    private final EventAggregation aggregation = new EventAggregation();

    public ReleaseEvents(KubernetesClient client, String instance) {
        this.client = client;
        this.instance = instance;
    }

    /** Best effort: an event that cannot be written never stops a release. */
    public void record(ReleaseState state, StepLogEntry line) {
        record(state, List.of(line));
    }

    /**
     * Lines saved together become one Event (the message joins them with "; "; a Warning if any of them reports a failure,
     * named after the stage of the last), so a save costs one write rather than one per line; only lines that do
     * not fit in one Event's message go to the next. Best effort, like
     * {@link #record(ReleaseState, StepLogEntry)}.
     */
    public void record(ReleaseState state, List<StepLogEntry> lines) {
        int from = 0;
        int length = 0;
        for (int i = 0; i < lines.size(); i++) {
            int more = lines.get(i).message().length() + 2;
            if (i > from && length + more > MESSAGE_LIMIT - 40) {
                write(state, lines.subList(from, i));
                from = i;
                length = 0;
            }
            length += more;
        }
        if (from < lines.size()) {
            write(state, lines.subList(from, lines.size()));
        }
    }

    /** Remembers the stable Deployment's uid (the object the Events are about) from a copy already at hand. */
    public void knowStable(Deployment stable) {
        String uid = stable.getMetadata().getUid();
        if (uid != null) {
            stableUids.put(stable.getMetadata().getNamespace() + "/" + stable.getMetadata().getName(), uid);
        }
    }

    private void write(ReleaseState state, List<StepLogEntry> run) {
        String ns = state.plan().namespace();
        String name = state.plan().deployment();
        StepLogEntry last = run.get(run.size() - 1);
        String type = run.stream().anyMatch(StepLogEntry::warning) ? "Warning" : "Normal";
        String reason = reason(last);
        String message = shortened("release " + state.number() + ": "
                + run.stream().map(StepLogEntry::message).collect(Collectors.joining("; ")));
        String key = String.join("\n", ns, name, type, reason, message);
        try {
            EventAggregation.Verdict verdict = aggregation.judge(ns + "/" + name + "#" + state.number(), key, last.at());
            if (verdict instanceof EventAggregation.Bump bump) {
                bump(ns, bump.existing(), key, () -> create(state, last, type, reason, message, key));
            } else if (verdict instanceof EventAggregation.Create) {
                create(state, last, type, reason, message, key);
            } else {
                LOG.debug("event rate of {}/{} release {} exceeded; dropped: {}", ns, name, state.number(), message);
            }
        } catch (KubernetesClientException e) {
            LOG.warn("could not write an event for {}/{}: {}", ns, name, e.getMessage());
        }
    }

    private void create(ReleaseState state, StepLogEntry last, String type, String reason, String message, String key) {
        String ns = state.plan().namespace();
        String name = state.plan().deployment();
        String uid = stableUid(ns, name);
        String time = last.at().toString();
        String eventName = name + "." + UUID.randomUUID().toString().substring(0, 13).replace("-", "");
        client.v1().events().inNamespace(ns).resource(new EventBuilder()
                .withNewMetadata().withName(eventName)
                .withNamespace(ns).addToLabels(ReleaseNames.MANAGED_BY, ReleaseNames.COALMINE).endMetadata()
                .withNewInvolvedObject().withApiVersion("apps/v1").withKind("Deployment").withName(name)
                .withNamespace(ns).withUid(uid).endInvolvedObject()
                .withType(type)
                .withReason(reason)
                .withMessage(message)
                .withNewSource().withComponent(ReleaseNames.COALMINE).endSource()
                .withReportingComponent(ReleaseNames.COALMINE).withReportingInstance(instance)
                .withAction(last.stage().title())
                .withFirstTimestamp(time).withLastTimestamp(time).withEventTime(new MicroTime(time)).withCount(1)
                .build()).create();
        aggregation.created(key, eventName, last.at());
    }

    /** Counts one more occurrence on the Event already written; creates a new one if that Event is gone. */
    private void bump(String ns, EventAggregation.Seen seen, String key, Runnable recreate) {
        String time = seen.last().toString();
        Event bumped = client.v1().events().inNamespace(ns).withName(seen.name()).get();
        if (bumped == null) {
            aggregation.forget(key);
            recreate.run();
            return;
        }
        bumped.setCount(seen.count());
        bumped.setLastTimestamp(time);
        bumped.setSeries(new EventSeriesBuilder().withCount(seen.count()).withLastObservedTime(new MicroTime(time))
                .build());
        client.v1().events().inNamespace(ns).resource(bumped).update();
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
        return message.length() <= MESSAGE_LIMIT ? message : message.substring(0, MESSAGE_LIMIT - 1) + "…";
    }

    /** "Wait for steady state" becomes WaitForSteadyState, as the API server's own reasons read. */
    static String reason(StepLogEntry line) {
        return Arrays.stream(line.stage().title().split("[^A-Za-z]+")).filter(word -> !word.isEmpty())
                .map(word -> word.substring(0, 1).toUpperCase(Locale.ROOT) + word.substring(1))
                .collect(Collectors.joining());
    }
}
