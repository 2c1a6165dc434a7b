package dev.coalmine.kube.release;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coalmine.testing.MovableClock;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The pace of {@link WorkloadLease#holdOrRetry}: the holder renews every third of the lease duration and trusts its
 * lease in between without asking; even another process whose clock is 5 s ahead cannot take the lease while the
 * holder still trusts it, and takes it once the holder has been silent for longer than the duration.
 */
class WorkloadLeaseTest {
    private static final Duration LEASE = Duration.ofSeconds(15);
    private final MockCluster cluster = new MockCluster();
    private final MovableClock now = MovableClock.at(Instant.parse("2026-01-01T00:00:00Z"));

    @AfterEach
    void close() {
        cluster.close();
    }

    private Lease stored() {
        return cluster.client.leases().inNamespace("shop").withName("coalmine-release-web").get();
    }

    @Test
    void theHolderRenewsEveryThirdAndNoOneElseCanTakeItInBetween() {
        WorkloadLease a = new WorkloadLease(cluster.client, "shop", "web", "a", LEASE, now);
        WorkloadLease ahead = new WorkloadLease(cluster.client, "shop", "web", "b", LEASE,
                Clock.offset(now, Duration.ofSeconds(5)));
        assertThat(a.holdOrRetry()).isTrue();
        String firstWrite = stored().getMetadata().getResourceVersion();

        now.advance(Duration.ofSeconds(4));
        assertThat(a.holdOrRetry()).isTrue();
        assertThat(stored().getMetadata().getResourceVersion()).as("no renewal yet").isEqualTo(firstWrite);
        assertThat(ahead.tryAcquire()).isFalse();

        now.advance(Duration.ofSeconds(2));
        assertThat(a.holdOrRetry()).isTrue();
        assertThat(stored().getSpec().getRenewTime().toInstant()).isEqualTo(now.instant());

        // a goes silent (killed): it stops trusting its lease 5 s after the renewal, b needs the full 15 s (+ skew).
        now.advance(Duration.ofSeconds(10));
        assertThat(ahead.tryAcquire()).isFalse();
        now.advance(Duration.ofSeconds(1).plusMillis(1));
        assertThat(ahead.tryAcquire()).isTrue();
        assertThat(a.holdOrRetry()).isFalse();
        assertThat(stored().getSpec().getHolderIdentity()).isEqualTo("b");
    }

    @Test
    void aReleasedLeaseIsTakenAgainWithoutReadingIt() {
        WorkloadLease a = new WorkloadLease(cluster.client, "shop", "web", "a", LEASE, now);
        WorkloadLease b = new WorkloadLease(cluster.client, "shop", "web", "b", LEASE, now);
        assertThat(a.holdOrRetry()).isTrue();
        a.release();
        assertThat(stored().getSpec().getHolderIdentity()).isNull();
        assertThat(b.tryAcquire()).isTrue();
        // a's copy of the lease is stale now: its write conflicts, it reads, and finds b holding.
        assertThat(a.holdOrRetry()).isFalse();
        assertThat(stored().getSpec().getHolderIdentity()).isEqualTo("b");
    }

}
