package dev.coalmine.kube.release;

import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseBuilder;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseList;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.NonNamespaceOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import java.net.HttpURLConnection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.Optional;

/**
 * The Lease {@code coalmine-release-<deployment>}: whoever holds it drives that workload's release. Taken when
 * absent, expired or already ours; every write is based on a resourceVersion (the one read, or the one of our own
 * last write), so of two processes racing for it exactly one gets it.
 */
final class WorkloadLease {
    private final KubernetesClient client;
    private final String namespace;
    private final String deployment;
    private final String identity;
    private final Duration duration;
    private final Clock clock;
    /** The Lease as this process last wrote it (held, or just released); null when another process may have it. */
    private Lease known;
    private boolean holding;
    private Instant lastAttempt;

    public WorkloadLease(KubernetesClient client, String namespace, String deployment, String identity,
                         Duration duration, Clock clock) {
        this.client = client;
        this.namespace = namespace;
        this.deployment = deployment;
        this.identity = identity;
        this.duration = duration;
        this.clock = clock;
    }

    public String identity() {
        return identity;
    }

    /**
     * Takes or renews the lease; false when another live process holds it (or won the race just now). A renewal
     * writes on top of the Lease as this process last wrote it, without reading it first; if anyone wrote it
     * since, the conflict sends it back to reading.
     */
    public synchronized boolean tryAcquire() {
        lastAttempt = clock.instant();
        boolean guessed = known != null;
        Lease current = guessed ? known : leases().withName(ReleaseNames.lease(deployment)).get();
        known = null;
        holding = false;
        try {
            known = takeOrRenew(current, ZonedDateTime.now(clock).withZoneSameInstant(ZoneOffset.UTC));
            holding = known != null;
            return holding;
        } catch (KubernetesClientException e) {
            boolean lost = e.getCode() == HttpURLConnection.HTTP_CONFLICT || e.getCode() == HttpURLConnection.HTTP_NOT_FOUND;
            if (!lost) {
                throw e;
            }
            return guessed && tryAcquire();
        }
    }

    /** The Lease as written, or null when another live process holds it. */
    private Lease takeOrRenew(Lease current, ZonedDateTime now) {
        if (current == null) {
            return leases().resource(new LeaseBuilder().withNewMetadata().withName(ReleaseNames.lease(deployment))
                    .withNamespace(namespace).withLabels(Map.of(ReleaseNames.MANAGED_BY, ReleaseNames.COALMINE))
                    .withOwnerReferences(StableOwner.of(client, namespace, deployment)).endMetadata().withNewSpec().withHolderIdentity(identity)
                    .withLeaseDurationSeconds((int) duration.toSeconds()).withAcquireTime(now).withRenewTime(now)
                    .withLeaseTransitions(0).endSpec().build()).create();
        }
        boolean ours = identity.equals(current.getSpec().getHolderIdentity());
        if (!ours && !expired(current, now)) {
            return null;
        }
        Lease next = new LeaseBuilder(current).editSpec().withHolderIdentity(identity).withRenewTime(now)
                .withLeaseDurationSeconds((int) duration.toSeconds()).endSpec().build();
        if (!ours) {
            int transitions = Optional.ofNullable(current.getSpec().getLeaseTransitions()).orElse(0);
            next.getSpec().setAcquireTime(now);
            next.getSpec().setLeaseTransitions(transitions + 1);
        }
        return leases().resource(next).update();
    }

    /**
     * For a loop that asks on every tick, paced like client-go's leader election: the holder renews every third of
     * the lease's duration and in between holds without asking the server; another process asks again about every
     * seventh (2 s for a 15 s lease), so it takes over soon after the lease is released or expires.
     */
    public synchronized boolean holdOrRetry() {
        Duration pace = holding ? duration.dividedBy(3) : duration.dividedBy(7);
        if (lastAttempt != null && Duration.between(lastAttempt, clock.instant()).compareTo(pace) < 0) {
            return holding;
        }
        return tryAcquire();
    }

    /** How long a loop may sleep and still renew in time. */
    Duration renewWithin() {
        return duration.dividedBy(7);
    }

    /** Gives the lease up if this process holds it; asks the server nothing otherwise. */
    public synchronized void releaseIfHeld() {
        if (holding) {
            release();
        }
    }

    /**
     * Gives the lease up so the next process need not wait for it to expire. The released Lease is kept, so taking
     * it again (the next drive of this process) need not read it first.
     */
    public synchronized void release() {
        boolean guessed = known != null;
        Lease current = guessed ? known : leases().withName(ReleaseNames.lease(deployment)).get();
        known = null;
        holding = false;
        lastAttempt = null;
        if (current == null || !identity.equals(current.getSpec().getHolderIdentity())) {
            return;
        }
        try {
            known = leases().resource(new LeaseBuilder(current).editSpec().withHolderIdentity(null).withRenewTime(null)
                    .endSpec().build()).update();
        } catch (KubernetesClientException e) {
            if (e.getCode() != HttpURLConnection.HTTP_CONFLICT && e.getCode() != HttpURLConnection.HTTP_NOT_FOUND) {
                throw e;
            }
            if (guessed) {
                release();
            }
        }
    }

    /** Who drives the release now, if anyone. */
    public Optional<String> holder() {
        Lease current = leases().withName(ReleaseNames.lease(deployment)).get();
        return current == null ? Optional.empty() : liveHolder(current, clock.instant());
    }

    /** Who holds {@code lease} at {@code now}; empty once it was released or has expired. */
    static Optional<String> liveHolder(Lease lease, Instant now) {
        return expired(lease, now.atZone(ZoneOffset.UTC)) ? Optional.empty()
                : Optional.ofNullable(lease.getSpec().getHolderIdentity());
    }

    private static boolean expired(Lease lease, ZonedDateTime now) {
        var spec = lease.getSpec();
        if (spec.getHolderIdentity() == null || spec.getRenewTime() == null) {
            return true;
        }
        int seconds = Optional.ofNullable(spec.getLeaseDurationSeconds()).orElse(15);
        return spec.getRenewTime().plusSeconds(seconds).isBefore(now);
    }

    private NonNamespaceOperation<Lease, LeaseList, Resource<Lease>> leases() {
        return client.leases().inNamespace(namespace);
    }
}
