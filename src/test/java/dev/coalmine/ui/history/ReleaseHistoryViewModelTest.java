package dev.coalmine.ui.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coalmine.FastTest;
import dev.coalmine.core.release.CanarySize;
import dev.coalmine.core.release.Decision;
import dev.coalmine.core.release.ImageChange;
import dev.coalmine.core.release.JudgeSpec;
import dev.coalmine.core.release.ReleaseHistory;
import dev.coalmine.core.release.ReleasePhase;
import dev.coalmine.core.release.ReleasePlan;
import dev.coalmine.core.release.ReleaseState;
import dev.coalmine.core.release.TrimmedBody;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The history view-model presents what the engine's history feed sends, synchronously, with no cluster. */
@FastTest
class ReleaseHistoryViewModelTest {
    private static final Instant T = Instant.parse("2026-12-01T09:00:00Z");

    private final FakeHistory source = new FakeHistory();
    private final ReleaseHistoryViewModel model = new ReleaseHistoryViewModel("shop", "web", source, Runnable::run,
            Runnable::run);

    @Test
    void listsNewestFirstAndKeepsTheSelectedReleaseAcrossUpdates() {
        model.open();
        assertThat(model.noticeProperty().get()).isEqualTo("Loading the history\u2026");
        source.publish(new ReleaseHistory(List.of(rejected(1), promoted(2))));
        assertThat(model.releases()).extracting(ReleaseState::number).containsExactly(2, 1);
        assertThat(model.selectedProperty().get().number()).as("the newest at first").isEqualTo(2);
        assertThat(model.noticeProperty().get()).isEmpty();

        model.selectedProperty().set(model.releases().get(1));
        source.publish(new ReleaseHistory(List.of(rejected(1), promoted(2), running(3)), 4));

        assertThat(model.releases()).extracting(ReleaseState::number).containsExactly(3, 2, 1);
        assertThat(model.selectedProperty().get().number()).as("still the one the operator chose").isEqualTo(1);
        assertThat(model.isCurrent(model.releases().get(0))).isTrue();
        assertThat(model.isCurrent(model.selectedProperty().get())).isFalse();
        assertThat(model.noticeProperty().get()).isEqualTo("4 older release(s) not kept: the history outgrew its ConfigMap");
    }

    @Test
    void aManifestWhoseBodyMovedOutIsReadBackAndOneNotKeptSaysSo() {
        model.open();
        ReleaseState moved = manifestRelease(1, new TrimmedBody("coalmine-release-web-1-plan", List.of("web=web:2")));
        ReleaseState lost = manifestRelease(2, new TrimmedBody(null, List.of()));
        ReleaseState kept = manifestRelease(3, null);
        source.bodies.add("kind: Deployment # release 1");
        source.publish(new ReleaseHistory(List.of(moved, lost, kept)));

        assertThat(model.manifestProperty().get()).isEqualTo("kind: Deployment # release 3");
        model.selectedProperty().set(model.releases().get(2));
        assertThat(model.manifestProperty().get()).isEqualTo("kind: Deployment # release 1");
        assertThat(source.asked).extracting(ReleaseState::number).containsExactly(1);
        model.selectedProperty().set(model.releases().get(1));
        assertThat(model.manifestProperty().get()).isEqualTo("# plan not kept");
    }

    @Test
    void readsTheRecordInAnOperatorsWords() {
        ReleaseState rejected = rejected(1);
        assertThat(ReleaseWords.outcome(rejected)).isEqualTo("Rejected");
        assertThat(ReleaseWords.decidedBy(rejected)).isEqualTo("reject by alice");
        assertThat(ReleaseWords.outcome(running(3))).isEqualTo("Awaiting decision");
        assertThat(ReleaseWords.decidedBy(running(3))).isEmpty();
        assertThat(ReleaseWords.change(rejected)).isEqualTo("web=web:2");
        assertThat(ReleaseWords.canary(rejected)).isEqualTo("1 pod");
        ReleaseState tenPercent = new ReleaseState(4, ReleasePlan.ofImages("shop", "web",
                List.of(ImageChange.parse("web=web:2")), CanarySize.percent(12.5), false), 2,
                new ReleasePhase.Analysing(), T, null, List.of(), T, null, "{}");
        assertThat(ReleaseWords.canary(tenPercent)).isEqualTo("12.5% of stable \u00b7 2 pods");
        assertThat(ReleaseWords.canaryShort(tenPercent)).isEqualTo("12.5% \u00b7 2 pods");
        assertThat(ReleaseWords.latestVerdict(rejected)).isEqualTo("manual");
        assertThat(ReleaseWords.change(manifestRelease(1, new TrimmedBody("x", List.of("web=web:2")))))
                .isEqualTo("manifest: web=web:2");
    }

    @Test
    void aHistoryThatCannotBeReadSaysWhy() {
        model.open();
        source.problems.accept("the ConfigMap shop/coalmine-release-web holds no readable history");
        assertThat(model.noticeProperty().get()).isEqualTo("the ConfigMap shop/coalmine-release-web holds no readable history");
        model.close();
        assertThat(source.closed).isTrue();
    }

    private static ReleasePlan plan() {
        return ReleasePlan.ofImages("shop", "web", List.of(ImageChange.parse("web=web:2")), CanarySize.count(1), true);
    }

    private static ReleaseState running(int number) {
        return new ReleaseState(number, plan(), 1, new ReleasePhase.AwaitingJudgment(), T, null, List.of(), T, null, "{}");
    }

    private static ReleaseState rejected(int number) {
        return new ReleaseState(number, plan(), 1, new ReleasePhase.Rejected(), T, Decision.reject("alice", T), List.of(),
                T, T.plusSeconds(200), "{}");
    }

    private static ReleaseState promoted(int number) {
        return new ReleaseState(number, plan(), 1, new ReleasePhase.Succeeded(), T, Decision.promote("bob", T), List.of(),
                T, T.plusSeconds(300), "{}");
    }

    private static ReleaseState manifestRelease(int number, TrimmedBody trimmed) {
        ReleasePlan plan = new ReleasePlan("shop", "web", List.of(), "kind: Deployment # release " + number,
                CanarySize.count(1), false, JudgeSpec.manual(), null);
        ReleaseState finished = new ReleaseState(number, plan, 1, new ReleasePhase.Rejected(), T,
                Decision.reject("alice", T), List.of(), T, T, "{}");
        return trimmed == null ? finished : finished.trimmedTo(trimmed);
    }

    private static final class FakeHistory implements HistorySource {
        final List<String> bodies = new ArrayList<>();
        final List<ReleaseState> asked = new ArrayList<>();
        Consumer<ReleaseHistory> listener;
        Consumer<String> problems;
        boolean closed;

        @Override
        public AutoCloseable followHistory(String namespace, String deployment, Consumer<ReleaseHistory> changed,
                                           Consumer<String> problemsHeard) {
            listener = changed;
            problems = problemsHeard;
            return () -> closed = true;
        }

        @Override
        public Optional<String> movedPlanBody(ReleaseState release) {
            asked.add(release);
            return bodies.isEmpty() ? Optional.empty() : Optional.of(bodies.get(0));
        }

        void publish(ReleaseHistory history) {
            listener.accept(history);
        }
    }
}
