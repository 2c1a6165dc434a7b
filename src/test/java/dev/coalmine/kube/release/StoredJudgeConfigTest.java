package dev.coalmine.kube.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coalmine.core.CoalmineException;
import dev.coalmine.core.judge.AnalysisPolicy;
import dev.coalmine.core.judge.JudgeSettings;
import dev.coalmine.core.judge.MetricsLocation;
import dev.coalmine.core.judge.StatisticalPolicy;
import dev.coalmine.core.judge.ThresholdPolicy;
import dev.coalmine.core.release.JudgeSpec;
import dev.coalmine.core.release.ReleaseHistory;
import dev.coalmine.core.release.ReleaseState;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** The judge's settings as the release ConfigMap stores them: releases stored by earlier versions still read. */
class StoredJudgeConfigTest {
    /** Written by the version before typed judge settings (JudgeSpec with a mode and a key/value config). */
    private static final String AUTOMATIC_BEFORE_TYPED_SETTINGS = """
            {"releases":[{"number":4,"plan":{"namespace":"shop","deployment":"web","images":[{"container":null,\
            "image":"web:2"}],"manifestYaml":null,"size":{"kind":"Count","replicas":1},"baseline":true,\
            "judge":{"mode":"AUTOMATIC","config":{"source":"prometheus-service",\
            "query.errors":"sum(rate(errors{track=\\"{{track}}\\"}[{{interval}}]))","confidence":"0.95",\
            "interval":"90s","min-success-rate":"98.5","min-analysis-duration":"2m","min-requests":"50",\
            "metrics-preset":"istio","prometheus-service":"monitoring/prometheus:9090","max-failed-checks":"4",\
            "min-points":"8","max-latency-ms":"none","passing-checks":"5"}},"steadyStateTimeout":"PT10M"},\
            "canaryReplicas":1,"phase":{"name":"Analysing"},"phaseSince":"2026-03-01T12:00:00Z","decision":null,\
            "log":[],"startedAt":"2026-03-01T12:00:00Z","finishedAt":null,"clusterSnapshot":"{}",\
            "analysis":{"startedAt":"2026-03-01T12:00:00Z","checks":0,"failedChecks":0,"consecutivePasses":0,\
            "consecutiveInconclusive":0,"decision":"KEEP_GOING","latest":null}}]}""";
    private static final String MANUAL_BEFORE_TYPED_SETTINGS = """
            {"releases":[{"number":1,"plan":{"namespace":"shop","deployment":"web","images":[{"container":null,\
            "image":"web:2"}],"manifestYaml":null,"size":{"kind":"Count","replicas":1},"baseline":true,\
            "judge":{"mode":"MANUAL","config":{}},"steadyStateTimeout":"PT10M"},"canaryReplicas":1,\
            "phase":{"name":"AwaitingJudgment"},"phaseSince":"2026-03-01T12:00:00Z","decision":null,"log":[],\
            "startedAt":"2026-03-01T12:00:00Z","finishedAt":null,"clusterSnapshot":"{}","analysis":null}]}""";
    private static final JudgeSettings STORED = new JudgeSettings(
            new MetricsLocation.PrometheusService("monitoring/prometheus:9090"), "istio",
            Map.of("errors", "sum(rate(errors{track=\"{{track}}\"}[{{interval}}]))"), Duration.ofSeconds(90),
            new ThresholdPolicy(OptionalDouble.of(98.5), OptionalDouble.empty(), 0, 50),
            new AnalysisPolicy(4, 5, 3, Duration.ofMinutes(2)), StatisticalPolicy.defaults().withConfidence(0.95).withMinPoints(8));

    private final ReleaseStateCodec codec = new ReleaseStateCodec();

    @Test
    void releasesStoredBeforeTypedSettingsReadToEqualSettings() {
        ReleaseState automatic = codec.read(AUTOMATIC_BEFORE_TYPED_SETTINGS, "test").current().orElseThrow();
        ReleaseState manual = codec.read(MANUAL_BEFORE_TYPED_SETTINGS, "test").current().orElseThrow();

        assertThat(automatic.plan().judge()).isEqualTo(JudgeSpec.automatic(STORED));
        assertThat(manual.plan().judge()).isEqualTo(JudgeSpec.manual());
    }

    @Test
    void theStoredShapeIsStillTheKeyValueConfig() {
        ReleaseHistory history = codec.read(AUTOMATIC_BEFORE_TYPED_SETTINGS, "test");
        String written = codec.write(history);

        assertThat(written).contains("\"judge\":{\"mode\":\"AUTOMATIC\",\"config\":{\"source\":\"prometheus-service\","
                + "\"prometheus-service\":\"monitoring/prometheus:9090\",\"metrics-preset\":\"istio\"")
                .contains("\"interval\":\"90s\"", "\"min-analysis-duration\":\"120s\"", "\"max-latency-ms\":\"none\"");
        assertThat(codec.read(written, "test")).isEqualTo(history);
        assertThat(codec.write(codec.read(MANUAL_BEFORE_TYPED_SETTINGS, "test")))
                .contains("\"judge\":{\"mode\":\"MANUAL\",\"config\":{}}");
    }

    @Test
    void everyLocationAndSubSecondDurationsRoundTrip() {
        for (MetricsLocation location : new MetricsLocation[] {new MetricsLocation.DemoCluster(),
                new MetricsLocation.PrometheusUrl("http://localhost:9090"), new MetricsLocation.KubernetesOnly()}) {
            JudgeSettings settings = JudgeSettings.defaults(location).withInterval(Duration.ofMillis(1500))
                    .withThresholds(ThresholdPolicy.defaults().withoutLatency());
            assertThat(StoredJudgeConfig.read(StoredJudgeConfig.write(settings))).isEqualTo(settings);
        }
    }

    @Test
    void olderConfigsReadWithTheirDefaults() {
        assertThat(StoredJudgeConfig.read(Map.of())).isEqualTo(JudgeSettings.defaults(new MetricsLocation.DemoCluster()));
        assertThat(StoredJudgeConfig.read(Map.of("prometheus-url", "http://p:9090")))
                .isEqualTo(JudgeSettings.defaults(new MetricsLocation.PrometheusUrl("http://p:9090")));
        assertThat(StoredJudgeConfig.read(Map.of("interval", "PT45S")).interval()).isEqualTo(Duration.ofSeconds(45));
        assertThat(StoredJudgeConfig.read(Map.of("interval", "1m30s")).interval()).isEqualTo(Duration.ofSeconds(90));
    }

    @Test
    void badStoredValuesNameTheKey() {
        assertThatThrownBy(() -> StoredJudgeConfig.read(Map.of("interval", "soon"))).isInstanceOf(CoalmineException.class)
                .hasMessage("The judge setting interval = 'soon' is not valid ('soon' is not a duration: use forms like "
                        + "90s, 1m30s or 2h).");
        assertThatThrownBy(() -> StoredJudgeConfig.read(Map.of("max-failed-checks", "0")))
                .hasMessage("The judge's analysis settings are not valid: failed-check limit must be at least 1, got 0.");
        assertThatThrownBy(() -> StoredJudgeConfig.read(Map.of("source", "prometheus-url")))
                .hasMessageStartingWith("The judge settings name no prometheus-url");
        assertThatThrownBy(() -> StoredJudgeConfig.read(Map.of("source", "datadog")))
                .hasMessageStartingWith("Unknown metrics source 'datadog'");
        assertThatThrownBy(() -> codec.read(AUTOMATIC_BEFORE_TYPED_SETTINGS.replace("\"90s\"", "\"soon\""), "ConfigMap x"))
                .isInstanceOf(CoalmineException.class).hasMessageContaining("The judge setting interval = 'soon'");
    }
}
