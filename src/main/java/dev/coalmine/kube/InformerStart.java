package dev.coalmine.kube;

import dev.coalmine.core.CoalmineException;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Starting an informer and waiting for its first list, the way every feed opens. */
public final class InformerStart {
    private InformerStart() {
    }

    /**
     * Blocks until the informer has listed (call it off the UI thread). On failure {@code cleanUp} runs and the
     * operator reads "Cannot {@code what}: why".
     */
    public static void await(SharedIndexInformer<?> informer, Duration timeout, Runnable cleanUp, String what)
            throws InterruptedException {
        try {
            informer.start().toCompletableFuture().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            cleanUp.run();
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            throw new CoalmineException("Cannot " + what + ": " + KubeErrors.describe(cause), cause);
        }
    }
}
