package dev.coalmine.demo.server;

import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import java.lang.reflect.Field;
import java.util.Set;

/**
 * fabric8's set of registered watch listeners. A closing mock watch shuts its send queue down first and leaves
 * this set only after the queue has drained; a write that notifies it in between fails with
 * RejectedExecutionException, so the event never reaches the watchers after it and the write is never answered.
 * Taking a closing watch out of the set first closes that gap.
 */
final class RegisteredWatches {
    private final Set<?> listeners;

    RegisteredWatches(KubernetesCrudDispatcher dispatcher) {
        this.listeners = find(dispatcher);
    }

    /** What stops new events reaching {@code listener}; a no-op if this fabric8 version keeps the set elsewhere. */
    Runnable unregistering(Object listener) {
        return listeners == null ? () -> { } : () -> listeners.remove(listener);
    }

    private static Set<?> find(KubernetesCrudDispatcher dispatcher) {
        try {
            Field field = KubernetesCrudDispatcher.class.getDeclaredField("watchEventListeners");
            field.setAccessible(true);
            return field.get(dispatcher) instanceof Set<?> set ? set : null;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }
}
