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
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.Optional;

/**
 * The Lease {@code coalmine-release-<deployment>}: whoever holds it drives that workload's release. Taken when
 * absent, expired or already ours; every write is based on the resourceVersion read, so of two processes racing
 * for it exactly one gets it.
 */
public final class WorkloadLease {
    private final KubernetesClient client;
    private final String namespace;
    private final String deployment;
    private final String identity;
    private final Duration duration;
    private final Clock clock;

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

    /** Takes or renews the lease; false when another live process holds it (or won the race just now). */
    public boolean tryAcquire() {
        ZonedDateTime now = ZonedDateTime.now(clock).withZoneSameInstant(ZoneOffset.UTC);
        Lease current = leases().withName(ReleaseNames.lease(deployment)).get();
        try {
            if (current == null) {
                leases().resource(new LeaseBuilder().withNewMetadata().withName(ReleaseNames.lease(deployment))
                        .withNamespace(namespace).withLabels(Map.of(ReleaseNames.MANAGED_BY, ReleaseNames.COALMINE))
                        .endMetadata().withNewSpec().withHolderIdentity(identity)
                        .withLeaseDurationSeconds((int) duration.toSeconds()).withAcquireTime(now).withRenewTime(now)
                        .withLeaseTransitions(0).endSpec().build()).create();
                return true;
            }
            boolean ours = identity.equals(current.getSpec().getHolderIdentity());
            if (!ours && !expired(current, now)) {
                return false;
            }
            Lease next = new LeaseBuilder(current).editSpec().withHolderIdentity(identity).withRenewTime(now)
                    .withLeaseDurationSeconds((int) duration.toSeconds()).endSpec().build();
            if (!ours) {
                int transitions = Optional.ofNullable(current.getSpec().getLeaseTransitions()).orElse(0);
                next.getSpec().setAcquireTime(now);
                next.getSpec().setLeaseTransitions(transitions + 1);
            }
            leases().resource(next).update();
            return true;
        } catch (KubernetesClientException e) {
            if (e.getCode() == HttpURLConnection.HTTP_CONFLICT) {
                return false;
            }
            throw e;
        }
    }

    /** Gives the lease up so the next process need not wait for it to expire. */
    public void release() {
        Lease current = leases().withName(ReleaseNames.lease(deployment)).get();
        if (current == null || !identity.equals(current.getSpec().getHolderIdentity())) {
            return;
        }
        try {
            leases().resource(new LeaseBuilder(current).editSpec().withHolderIdentity(null).withRenewTime(null)
                    .endSpec().build()).update();
        } catch (KubernetesClientException e) {
            if (e.getCode() != HttpURLConnection.HTTP_CONFLICT) {
                throw e;
            }
        }
    }

    /** Who drives the release now, if anyone. */
    public Optional<String> holder() {
        Lease current = leases().withName(ReleaseNames.lease(deployment)).get();
        ZonedDateTime now = ZonedDateTime.now(clock);
        return current == null || expired(current, now) ? Optional.empty()
                : Optional.ofNullable(current.getSpec().getHolderIdentity());
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
