package dev.coalmine.kube.release;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coalmine.core.release.ReleaseHistory;
import dev.coalmine.core.release.ReleasePhase;
import dev.coalmine.core.release.ReleaseState;
import dev.coalmine.core.release.TrimmedBody;
import dev.coalmine.core.traffic.HeaderMatch;
import dev.coalmine.core.traffic.PauseStep;
import dev.coalmine.core.traffic.RoutingRecord;
import dev.coalmine.core.traffic.TrafficPlan;
import dev.coalmine.core.traffic.TrafficProvider;
import dev.coalmine.core.traffic.TrafficState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Histories written by earlier versions stay readable; the new fields round-trip. */
class StoredHistoryFormatTest {
    /** As the version before trimmed bodies wrote it: no "trimmed", no "notKept", a compacted manifest release. */
    private static final String OLD_FORMAT = """
            {"releases":[{"number":1,"plan":{"namespace":"shop","deployment":"web","images":[],\
            "manifestYaml":"# manifest not kept in the history of finished releases","size":{"kind":"Count","replicas":1},\
            "baseline":false,"judge":{"mode":"MANUAL","config":{}},"steadyStateTimeout":"PT10M"},"canaryReplicas":1,\
            "phase":{"name":"Succeeded"},"phaseSince":"2026-03-01T10:00:00Z",\
            "decision":{"verdict":"PROMOTE","who":"ana","at":"2026-03-01T10:00:00Z","reason":null},\
            "log":[{"at":"2026-03-01T10:00:00Z","stage":"APPLY","message":"canary applied"}],\
            "startedAt":"2026-03-01T10:00:00Z","finishedAt":"2026-03-01T10:00:00Z","clusterSnapshot":"{}","analysis":null},\
            {"number":2,"plan":{"namespace":"shop","deployment":"web","images":[{"container":"web","image":"shop/web:3"}],\
            "manifestYaml":null,"size":{"kind":"Percent","percent":10.0},"baseline":true,\
            "judge":{"mode":"MANUAL","config":{}},"steadyStateTimeout":"PT10M"},"canaryReplicas":1,\
            "phase":{"name":"AwaitingJudgment"},"phaseSince":"2026-03-01T10:00:00Z","decision":null,"log":[],\
            "startedAt":"2026-03-01T10:00:00Z","finishedAt":null,"clusterSnapshot":"{\\"newTemplate\\":null}",\
            "analysis":null}]}""";

    private final ReleaseStateCodec codec = new ReleaseStateCodec();

    @Test
    void aHistoryWrittenBeforeTrimmedBodiesDecodes() {
        ReleaseHistory history = codec.read(OLD_FORMAT, "test");

        assertThat(history.notKept()).isZero();
        assertThat(history.releases()).extracting(ReleaseState::number).containsExactly(1, 2);
        ReleaseState first = history.releases().get(0);
        assertThat(first.phase()).isEqualTo(new ReleasePhase.Succeeded());
        assertThat(first.decision().who()).isEqualTo("ana");
        assertThat(first.trimmedIfAny()).as("an earlier version's compacted manifest counts as not kept")
                .contains(new TrimmedBody(null, List.of()));
        ReleaseState current = history.current().orElseThrow();
        assertThat(current.trimmedIfAny()).isEmpty();
        assertThat(current.plan().images()).extracting(Object::toString).containsExactly("web=shop/web:3");
        assertThat(history.unfinished()).contains(current);
    }

    @Test
    void trimmedBodiesAndReleasesNotKeptRoundTrip() {
        ReleaseHistory old = codec.read(OLD_FORMAT, "test");
        ReleaseHistory trimmed = new ReleaseHistory(old.releases(), 4)
                .withTrimmed(1, new TrimmedBody("coalmine-release-web-1-plan", List.of("web=shop/web:2")));

        assertThat(codec.read(codec.write(trimmed), "test")).isEqualTo(trimmed);
    }

    @Test
    void releasesStoredBeforeWeightedTrafficReadAsTheReplicaRatio() {
        ReleaseState current = codec.read(OLD_FORMAT, "test").current().orElseThrow();

        assertThat(current.plan().traffic()).isEqualTo(TrafficPlan.replicas());
        assertThat(current.trafficIfAny()).isEmpty();
    }

    @Test
    void aWeightedPlanAndItsLadderPositionRoundTrip() {
        ReleaseHistory old = codec.read(OLD_FORMAT, "test");
        ReleaseState current = old.current().orElseThrow();
        TrafficPlan traffic = new TrafficPlan(TrafficProvider.ISTIO, "web", List.of(5, 10, 25),
                Duration.ofSeconds(20), List.of(new PauseStep(10, Duration.ofMinutes(2)), new PauseStep(25, null)), true,
                new HeaderMatch("x-canary", "always"));
        ReleaseState weighted = new ReleaseState(current.number(), current.plan().withTraffic(traffic),
                current.canaryReplicas(), current.phase(), current.phaseSince(), current.decision(), current.log(),
                current.startedAt(), current.finishedAt(), current.clusterSnapshot(), current.analysis(), null,
                new TrafficState(1, 10, Instant.parse("2026-03-01T10:01:00Z"), null, false, false,
                        List.of(new RoutingRecord("networking.k8s.io/v1", "Ingress", "web", "{\"spec\":{}}"),
                                new RoutingRecord("networking.k8s.io/v1", "Ingress", "web-canary", null))));
        ReleaseHistory history = new ReleaseHistory(List.of(old.releases().get(0), weighted), 0);

        assertThat(codec.read(codec.write(history), "test")).isEqualTo(history);
    }
}
