package dev.coalmine.demo.engines;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reconciles the objects of one kind one at a time, so that one object's failure neither stops the others nor goes
 * unseen: a lost race (409 Conflict) is retried by the next pass without a word; any other failure is retried too,
 * and an object that fails the same way {@value #STUCK_AFTER} passes in a row is reported once as stuck.
 */
final class ObjectPasses {
    private static final Logger LOG = LoggerFactory.getLogger(ObjectPasses.class);
    static final int STUCK_AFTER = 3;

    private final String kind;
    private final Map<String, Failure> failures = new HashMap<>();

    ObjectPasses(String kind) {
        this.kind = kind;
    }

    void reconcileEach(Iterable<? extends JsonNode> objects, Consumer<JsonNode> reconcile) {
        for (JsonNode object : objects) {
            String key = Trees.namespace(object) + "/" + Trees.name(object);
            try {
                reconcile.accept(object);
                failures.remove(key);
            } catch (KubernetesClientException e) {
                if (EngineApi.conflict(e)) {
                    LOG.debug("{} {}: lost a race, the next pass tries again", kind, key);
                } else {
                    failed(key, e);
                }
            } catch (RuntimeException e) {
                failed(key, e);
            }
        }
    }

    private void failed(String key, RuntimeException e) {
        Failure failure = failures.merge(key, new Failure(e.toString(), 1),
                (old, now) -> old.message().equals(now.message()) ? new Failure(now.message(), old.times() + 1) : now);
        if (failure.times() == STUCK_AFTER) {
            LOG.warn("simulated {} {} is stuck: its last {} passes failed with {}", kind, key, STUCK_AFTER, e.toString());
        } else {
            LOG.debug("simulated {} {}: a pass failed", kind, key, e);
        }
    }

    private record Failure(String message, int times) {
    }
}
