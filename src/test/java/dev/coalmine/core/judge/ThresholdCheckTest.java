package dev.coalmine.core.judge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coalmine.FastTest;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

@FastTest
class ThresholdCheckTest {
    private final ThresholdCheck check = new ThresholdCheck(ThresholdPolicy.defaults());

    @Test
    void aHealthyCanaryPasses() {
        Verdict verdict = check.check(new CanaryReading(OptionalDouble.of(99.95), OptionalDouble.of(120), 0));

        assertThat(verdict.outcome()).isEqualTo(Verdict.Outcome.PASS);
        assertThat(verdict.reasons()).containsExactly(
                "canary success rate 99.95 % over the last interval meets the minimum 99.00 %",
                "canary latency 120 ms over the last interval is within the maximum 500 ms",
                "canary containers did not restart");
        assertThat(verdict.findings()).extracting(Finding::rule, f -> f.window().words(), Finding::canary, Finding::limit,
                Finding::outcome).containsExactly(
                tuple("success rate ≥ 99 %", "last interval", "99.95 %", "≥ 99.00 %", Verdict.Outcome.PASS),
                tuple("latency ≤ 500 ms", "last interval", "120 ms", "≤ 500 ms", Verdict.Outcome.PASS),
                tuple("restarts ≤ 0", "canary lifetime", "0", "≤ 0", Verdict.Outcome.PASS));
    }

    @Test
    void figuresCloseToTheLimitGetTheDigitsThatShowWhyTheyFailed() {
        Verdict verdict = check.check(new CanaryReading(OptionalDouble.of(98.96), OptionalDouble.of(499.6), 0));

        assertThat(verdict.reasons().get(0))
                .isEqualTo("canary success rate 98.96 % over the last interval is below the minimum 99.00 %");
        assertThat(verdict.decidingFinding()).get().satisfies(f -> {
            assertThat(f.canary()).isEqualTo("98.96 %");
            assertThat(f.limit()).isEqualTo("≥ 99.00 %");
        });
        Verdict latency = check.check(new CanaryReading(OptionalDouble.of(100), OptionalDouble.of(500.4), 0));
        assertThat(latency.reasons().get(0)).isEqualTo("canary latency 500.4 ms over the last interval is above the "
                + "maximum 500.0 ms");
    }

    @Test
    void eachLimitFailsOnItsOwn() {
        assertThat(check.check(new CanaryReading(OptionalDouble.of(90.2), OptionalDouble.of(120), 0)).reasons().get(0))
                .isEqualTo("canary success rate 90.2 % over the last interval is below the minimum 99.0 %");
        assertThat(check.check(new CanaryReading(OptionalDouble.of(100), OptionalDouble.of(730), 0)).reasons().get(0))
                .isEqualTo("canary latency 730 ms over the last interval is above the maximum 500 ms");
        Verdict restarted = check.check(new CanaryReading(OptionalDouble.of(100), OptionalDouble.of(100), 2));
        assertThat(restarted.outcome()).isEqualTo(Verdict.Outcome.FAIL);
        assertThat(restarted.reasons().get(0)).isEqualTo("canary containers restarted 2 times (allowed: 0)");
    }

    @Test
    void missingDataIsInconclusiveButAFailureStillFails() {
        Verdict noTraffic = check.check(new CanaryReading(OptionalDouble.empty(), OptionalDouble.empty(), 0));
        Verdict noTrafficButRestarts = check.check(new CanaryReading(OptionalDouble.empty(), OptionalDouble.empty(), 1));

        assertThat(noTraffic.outcome()).isEqualTo(Verdict.Outcome.INCONCLUSIVE);
        assertThat(noTraffic.reasons()).first().asString().isEqualTo("no success rate data for the canary (no traffic yet?)");
        assertThat(noTrafficButRestarts.outcome()).isEqualTo(Verdict.Outcome.FAIL);
    }

    @Test
    void tooFewRequestsAreInconclusiveEvenWithoutAnError() {
        CanaryReading twelveFine = new CanaryReading(OptionalDouble.of(100), OptionalDouble.of(80), 0, OptionalDouble.of(12));
        CanaryReading twelveWithErrors = new CanaryReading(OptionalDouble.of(75), OptionalDouble.of(80), 0, OptionalDouble.of(12));
        CanaryReading enough = new CanaryReading(OptionalDouble.of(100), OptionalDouble.of(80), 0, OptionalDouble.of(20));

        Verdict tooFew = check.check(twelveFine);
        assertThat(tooFew.outcome()).isEqualTo(Verdict.Outcome.INCONCLUSIVE);
        assertThat(tooFew.reasons()).first().asString().isEqualTo("only 12 canary requests over the last interval, fewer than "
                + "the 20 needed to judge them: lengthen the analysis interval or send more traffic");
        assertThat(check.check(twelveWithErrors).outcome()).isEqualTo(Verdict.Outcome.FAIL);
        assertThat(check.check(enough).outcome()).isEqualTo(Verdict.Outcome.PASS);
        assertThat(new ThresholdCheck(ThresholdPolicy.defaults().withMinRequests(0)).check(twelveFine).outcome())
                .isEqualTo(Verdict.Outcome.PASS);
        assertThat(new ThresholdCheck(ThresholdPolicy.defaults().withoutRequestMetrics()).check(twelveFine).outcome())
                .as("restarts alone do not need requests").isEqualTo(Verdict.Outcome.PASS);
    }

    @Test
    void latencyIsNotCheckedWhenThePolicyHasNoLimit() {
        ThresholdCheck withoutLatency = new ThresholdCheck(ThresholdPolicy.defaults().withoutLatency().withMinSuccessRate(95));

        assertThat(withoutLatency.check(new CanaryReading(OptionalDouble.of(96), OptionalDouble.empty(), 0)).outcome())
                .isEqualTo(Verdict.Outcome.PASS);
    }

    @Test
    void withoutRequestMetricsOnlyRestartsAreChecked() {
        ThresholdCheck healthOnly = new ThresholdCheck(ThresholdPolicy.defaults().withoutRequestMetrics());
        CanaryReading nothingMeasured = new CanaryReading(OptionalDouble.empty(), OptionalDouble.empty(), 0);

        assertThat(healthOnly.check(nothingMeasured).outcome()).isEqualTo(Verdict.Outcome.PASS);
        assertThat(healthOnly.check(nothingMeasured).reasons()).containsExactly("canary containers did not restart");
        assertThat(healthOnly.check(new CanaryReading(OptionalDouble.empty(), OptionalDouble.empty(), 1)).outcome())
                .isEqualTo(Verdict.Outcome.FAIL);
    }

    @Test
    void nonsensePoliciesAreRefused() {
        assertThatThrownBy(() -> ThresholdPolicy.defaults().withMinSuccessRate(120)).hasMessageContaining("between 0 and 100");
        assertThatThrownBy(() -> ThresholdPolicy.defaults().withMaxLatencyMs(0)).hasMessageContaining("more than 0 ms");
        assertThatThrownBy(() -> ThresholdPolicy.defaults().withMinRequests(-1)).hasMessageContaining("cannot be negative");
    }

    @Test
    void combiningKeepsTheWorstAndAllReasons() {
        Verdict combined = Verdict.combine(Verdict.pass("fine"), Verdict.fail("bad"), Verdict.inconclusive("unclear"));

        assertThat(combined.outcome()).isEqualTo(Verdict.Outcome.FAIL);
        assertThat(combined.reasons()).containsExactly("bad", "unclear", "fine");
        assertThat(combined.summary()).isEqualTo("fail: bad; unclear; fine");
        assertThat(Verdict.combine(Verdict.pass("a"), Verdict.error("prometheus down")).outcome()).isEqualTo(Verdict.Outcome.ERROR);
    }
}
