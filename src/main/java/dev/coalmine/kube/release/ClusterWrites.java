package dev.coalmine.kube.release;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.net.HttpURLConnection;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.UnaryOperator;

/** Create-or-update and careful delete, each safe to run again. */
final class ClusterWrites {
    private static final int MAX_ATTEMPTS = 10;
    private static final long FIRST_PAUSE_MILLIS = 20;
    private static final long MAX_PAUSE_MILLIS = 500;
    /** "Read the live object first": no guess. */
    private static final HasMetadata UNKNOWN = new GenericKubernetesResource();
    private final KubernetesClient client;

    ClusterWrites(KubernetesClient client) {
        this.client = client;
    }

    /** Creates {@code desired}, or updates the live object to it (locked on the live resourceVersion). */
    <T extends HasMetadata> T upsert(T desired) {
        return createOrUpdate(desired, UNKNOWN, d -> client.resource(d).create(), d -> client.resource(d).update());
    }

    /**
     * Like {@link #upsert}, but the first attempt trusts {@code live} (what a watch shows; null = absent) instead
     * of reading it again; a stale guess only costs the conflict retry.
     */
    <T extends HasMetadata> T upsert(T desired, HasMetadata live) {
        return createOrUpdate(desired, live, d -> client.resource(d).create(), d -> client.resource(d).update());
    }

    /** The server-side dry run of {@link #upsert(HasMetadata, HasMetadata)}: validated and answered, nothing stored. */
    <T extends HasMetadata> void dryRun(T desired, HasMetadata live) {
        createOrUpdate(desired, live, d -> client.resource(d).dryRun().create(),
                d -> client.resource(d).dryRun().update());
    }

    /** The server-side dry run of {@link #upsert}. */
    <T extends HasMetadata> void dryRun(T desired) {
        dryRun(desired, UNKNOWN);
    }

    /**
     * A controller writing the live object (its status, say) between our read and our write makes the server
     * answer 409 (and a create that finds the object already there, too); that says nothing about the change
     * itself, so read again and retry, with back-off, and give up after {@link #MAX_ATTEMPTS} with the last answer.
     */
    private <T extends HasMetadata> T createOrUpdate(T desired, HasMetadata guess, UnaryOperator<T> create,
                                                     UnaryOperator<T> update) {
        for (int attempt = 1; ; attempt++) {
            HasMetadata live = attempt == 1 && guess != UNKNOWN ? guess : client.resource(desired).get();
            try {
                if (live == null) {
                    return create.apply(desired);
                }
                desired.getMetadata().setResourceVersion(live.getMetadata().getResourceVersion());
                return update.apply(desired);
            } catch (KubernetesClientException e) {
                boolean staleGuess = attempt == 1 && guess != UNKNOWN && e.getCode() == HttpURLConnection.HTTP_NOT_FOUND;
                boolean raced = e.getCode() == HttpURLConnection.HTTP_CONFLICT || staleGuess;
                if (!raced || attempt >= MAX_ATTEMPTS) {
                    throw e;
                }
                pauseBeforeRetry(attempt, e);
            } finally {
                desired.getMetadata().setResourceVersion(null);
            }
        }
    }

    /**
     * Updates {@code live} to what {@code change} makes of it, locked on its resourceVersion; when someone wrote it
     * in between, reads it again and changes that, so their write is built upon, never overwritten. {@code change}
     * answers null when there is nothing to write (then so does this).
     */
    <T extends HasMetadata> T edit(T live, UnaryOperator<T> change) {
        T current = live;
        for (int attempt = 1; ; attempt++) {
            T desired = change.apply(current);
            if (desired == null) {
                return null;
            }
            desired.getMetadata().setResourceVersion(current.getMetadata().getResourceVersion());
            try {
                return client.resource(desired).update();
            } catch (KubernetesClientException e) {
                if (e.getCode() != HttpURLConnection.HTTP_CONFLICT || attempt >= MAX_ATTEMPTS) {
                    throw e;
                }
                pauseBeforeRetry(attempt, e);
                current = client.resource(current).get();
                if (current == null) {
                    throw e;
                }
            }
        }
    }

    /**
     * Writers that raced once tend to race again if they retry in lockstep: wait 20 ms, doubling up to 500 ms, each
     * shortened by up to half at random.
     */
    private static void pauseBeforeRetry(int attempt, KubernetesClientException cause) {
        long pause = Math.min(MAX_PAUSE_MILLIS, FIRST_PAUSE_MILLIS << Math.min(attempt - 1, 10));
        try {
            Thread.sleep(pause - ThreadLocalRandom.current().nextLong(pause / 2 + 1));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw cause;
        }
    }

    /** Deletes the object only if Coalmine made it, so a foreign object of the same name is never touched. */
    boolean deleteIfOurs(HasMetadata live) {
        if (live != null && isOurs(live)) {
            client.resource(live).delete();
            return true;
        }
        return false;
    }

    static boolean isOurs(HasMetadata object) {
        Map<String, String> labels = object.getMetadata().getLabels();
        return labels != null && ReleaseNames.COALMINE.equals(labels.get(ReleaseNames.MANAGED_BY));
    }
}
