package dev.coalmine.kube.release;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coalmine.core.release.CanarySize;
import dev.coalmine.core.release.ImageChange;
import dev.coalmine.core.release.ReleasePlan;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The console's log tells which releases were started and who decided what. */
class ReleaseLogTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final MockCluster cluster = new MockCluster();
    private final List<String> logged = new CopyOnWriteArrayList<>();
    private final ReleaseService service = new ReleaseService(cluster.client, ReleaseSettings.defaults("ana (console)")
            .withTiming(Duration.ofSeconds(15), Duration.ofMillis(50)).withLog(logged::add));

    @BeforeEach
    void startRelease() {
        cluster.createStable("shop", "web", 10, "shop/web:1");
        service.start(ReleasePlan.ofImages("shop", "web", List.of(ImageChange.parse("web=shop/web:2")),
                CanarySize.percent(20), true), true);
        service.drive("shop", "web", s -> s.phase().awaitingDecision(), WAIT, s -> { });
    }

    @AfterEach
    void close() {
        cluster.close();
    }

    @Test
    void startAndPromoteAreLoggedWithWhoDidThem() {
        service.promote("shop", "web", "bo (cli)");

        assertThat(logged).containsExactly(
                "release 1 of shop/web: started by ana (console), canary 2 pod(s) and a baseline",
                "release 1 of shop/web: promote recorded by bo (cli)");
    }

    @Test
    void aRejectIsLoggedOnceEvenWhenRepeated() {
        service.reject("shop", "web", "bo (cli)");
        service.reject("shop", "web", "bo (cli)");

        assertThat(logged).containsExactly(
                "release 1 of shop/web: started by ana (console), canary 2 pod(s) and a baseline",
                "release 1 of shop/web: reject recorded by bo (cli)");
    }
}
