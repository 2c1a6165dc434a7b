package dev.coalmine.ui.wizard;

import dev.coalmine.core.CoalmineException;
import dev.coalmine.core.judge.AnalysisPolicy;
import dev.coalmine.core.judge.JudgeSettings;
import dev.coalmine.core.judge.MetricsLocation;
import dev.coalmine.core.judge.ThresholdPolicy;
import dev.coalmine.core.release.JudgeSpec;
import dev.coalmine.core.time.Durations;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Step 5: who judges the canary, where its metrics come from (preset and custom queries as the CLI's), the
 * thresholds, and how many checks decide.
 */
public final class JudgeStep {
    public enum Source {
        DEMO("Demo cluster metrics"), PROMETHEUS_URL("Prometheus URL"),
        PROMETHEUS_SERVICE("Prometheus via the API server's service proxy"), NONE("None: Kubernetes health only");

        private final String label;

        Source(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    private final BooleanProperty automatic = new SimpleBooleanProperty(false);
    private final ObjectProperty<Source> source = new SimpleObjectProperty<>(Source.NONE);
    private final StringProperty location = new SimpleStringProperty("");
    private final StringProperty minSuccessRate = new SimpleStringProperty("99");
    private final StringProperty maxLatencyMs = new SimpleStringProperty("500");
    private final StringProperty interval = new SimpleStringProperty("30s");
    private final StringProperty maxFailedChecks = new SimpleStringProperty("2");
    private final StringProperty minRequests = new SimpleStringProperty(String.valueOf(ThresholdPolicy.DEFAULT_MIN_REQUESTS));
    private final StringProperty passingChecks = new SimpleStringProperty(
            String.valueOf(AnalysisPolicy.defaults().passingChecksToPromote()));
    private final StringProperty minAnalysisDuration = new SimpleStringProperty("0s");
    private final JudgeQueries queries;
    private final StringBinding passingChecksProblem;
    private final StringBinding minAnalysisDurationProblem;
    private final StringBinding locationProblem;
    private final StringBinding minSuccessRateProblem;
    private final StringBinding maxLatencyProblem;
    private final StringBinding intervalProblem;
    private final StringBinding maxFailedChecksProblem;
    private final StringBinding minRequestsProblem;
    private final BooleanBinding valid;

    public JudgeStep(boolean demoCluster) {
        source.set(demoCluster ? Source.DEMO : Source.NONE);
        interval.set(demoCluster ? "10s" : "30s");
        queries = new JudgeQueries(demoCluster, Bindings.createBooleanBinding(this::prometheus, source));
        passingChecksProblem = problem(passingChecks, t -> t.strip().matches("[1-9]\\d?")
                ? "" : "Enter a whole number of passing checks from 1 to 99");
        minAnalysisDurationProblem = problem(minAnalysisDuration, t -> parseMinAnalysisDuration(t).isPresent() ? ""
                : "Enter a duration such as 0s, 2m or 1h30m (at most 24h)");
        locationProblem = Bindings.createStringBinding(this::checkLocation, source, location);
        minSuccessRateProblem = problem(minSuccessRate, t -> number(t, 0, 100, "a success rate between 0 and 100 %"));
        maxLatencyProblem = problem(maxLatencyMs, t -> number(t, 1, 600_000, "a latency in milliseconds, e.g. 500"));
        intervalProblem = problem(interval, t -> parseInterval(t).isPresent() ? ""
                : "Enter an interval such as 10s, 1m30s or 2m (between 1s and 1h)");
        maxFailedChecksProblem = problem(maxFailedChecks, t -> t.strip().matches("[1-9]\\d?")
                ? "" : "Enter a whole number of failed checks from 1 to 99");
        minRequestsProblem = problem(minRequests, t -> t.strip().matches("\\d{1,6}")
                ? "" : "Enter a whole number of requests from 0 (any) to 999999");
        valid = Bindings.createBooleanBinding(() -> !automatic.get() || (locationProblem.get().isEmpty()
                && minSuccessRateProblem.get().isEmpty() && maxLatencyProblem.get().isEmpty()
                && intervalProblem.get().isEmpty() && maxFailedChecksProblem.get().isEmpty()
                && minRequestsProblem.get().isEmpty() && passingChecksProblem.get().isEmpty()
                && minAnalysisDurationProblem.get().isEmpty() && queries.problem().get().isEmpty()),
                automatic, locationProblem, minSuccessRateProblem, maxLatencyProblem, intervalProblem,
                maxFailedChecksProblem, minRequestsProblem, passingChecksProblem, minAnalysisDurationProblem,
                queries.problem());
    }

    private static StringBinding problem(StringProperty field, Function<String, String> check) {
        return Bindings.createStringBinding(() -> check.apply(field.get() == null ? "" : field.get()), field);
    }

    private static String number(String text, double min, double max, String what) {
        try {
            double value = Double.parseDouble(text.strip());
            return value >= min && value <= max ? "" : "Enter " + what;
        } catch (NumberFormatException e) {
            return "Enter " + what;
        }
    }

    private String checkLocation() {
        String text = location.get() == null ? "" : location.get().strip();
        return switch (source.get()) {
            case PROMETHEUS_URL -> text.matches("https?://[^\\s/]+(/\\S*)?") ? ""
                    : "Enter Prometheus's URL, e.g. https://prometheus.example.com";
            case PROMETHEUS_SERVICE -> text.matches("[a-z0-9-]+/[a-z0-9-]+:[0-9a-z-]+") ? ""
                    : "Enter namespace/service:port, e.g. monitoring/prometheus:9090";
            case DEMO, NONE -> "";
        };
    }

    /** An interval between 1 s and 1 h in the duration grammar of {@link Durations} (10s, 1m30s, 1h). */
    public static Optional<Duration> parseInterval(String text) {
        try {
            Duration d = Durations.parse(text);
            return d.compareTo(Duration.ofSeconds(1)) >= 0 && d.compareTo(Duration.ofHours(1)) <= 0
                    ? Optional.of(d) : Optional.empty();
        } catch (CoalmineException e) {
            return Optional.empty();
        }
    }

    /** Zero or more, up to a day, in the grammar of {@link Durations}. */
    static Optional<Duration> parseMinAnalysisDuration(String text) {
        try {
            Duration d = Durations.parse(text);
            return !d.isNegative() && d.compareTo(Duration.ofDays(1)) <= 0 ? Optional.of(d) : Optional.empty();
        } catch (CoalmineException e) {
            return Optional.empty();
        }
    }

    /** Whether the metrics come from Prometheus, where a preset and custom queries apply. */
    public boolean prometheus() {
        return source.get() == Source.PROMETHEUS_URL || source.get() == Source.PROMETHEUS_SERVICE;
    }

    /** The judge as entered; call it only when {@link #valid()} holds. */
    public JudgeSpec spec() {
        if (!automatic.get()) {
            return JudgeSpec.manual();
        }
        ThresholdPolicy thresholds = ThresholdPolicy.defaults()
                .withMinSuccessRate(Double.parseDouble(minSuccessRate.get().strip()))
                .withMaxLatencyMs(Double.parseDouble(maxLatencyMs.get().strip()))
                .withMinRequests(Integer.parseInt(minRequests.get().strip()));
        JudgeSettings settings = JudgeSettings.defaults(metricsLocation());
        if (prometheus()) {
            settings = settings.withPreset(queries.presetProperty().get().id()).withCustomQueries(queries.customQueries());
        }
        return JudgeSpec.automatic(settings
                .withInterval(parseInterval(interval.get()).orElseThrow())
                .withThresholds(thresholds)
                .withAnalysis(AnalysisPolicy.defaults()
                        .withMaxFailedChecks(Integer.parseInt(maxFailedChecks.get().strip()))
                        .withPassingChecksToPromote(Integer.parseInt(passingChecks.get().strip()))
                        .withMinAnalysisDuration(parseMinAnalysisDuration(minAnalysisDuration.get()).orElseThrow())));
    }

    private MetricsLocation metricsLocation() {
        return switch (source.get()) {
            case DEMO -> new MetricsLocation.DemoCluster();
            case PROMETHEUS_URL -> new MetricsLocation.PrometheusUrl(location.get().strip());
            case PROMETHEUS_SERVICE -> new MetricsLocation.PrometheusService(location.get().strip());
            case NONE -> new MetricsLocation.KubernetesOnly();
        };
    }

    public BooleanProperty automaticProperty() {
        return automatic;
    }

    public ObjectProperty<Source> sourceProperty() {
        return source;
    }

    public StringProperty locationProperty() {
        return location;
    }

    public StringProperty minSuccessRateProperty() {
        return minSuccessRate;
    }

    public StringProperty maxLatencyMsProperty() {
        return maxLatencyMs;
    }

    public StringProperty intervalProperty() {
        return interval;
    }

    public StringProperty maxFailedChecksProperty() {
        return maxFailedChecks;
    }

    public StringProperty minRequestsProperty() {
        return minRequests;
    }

    public StringProperty passingChecksProperty() {
        return passingChecks;
    }

    public StringBinding passingChecksProblem() {
        return passingChecksProblem;
    }

    public StringProperty minAnalysisDurationProperty() {
        return minAnalysisDuration;
    }

    public StringBinding minAnalysisDurationProblem() {
        return minAnalysisDurationProblem;
    }

    public JudgeQueries queries() {
        return queries;
    }

    public StringBinding minRequestsProblem() {
        return minRequestsProblem;
    }

    public StringBinding locationProblem() {
        return locationProblem;
    }

    public StringBinding minSuccessRateProblem() {
        return minSuccessRateProblem;
    }

    public StringBinding maxLatencyProblem() {
        return maxLatencyProblem;
    }

    public StringBinding intervalProblem() {
        return intervalProblem;
    }

    public StringBinding maxFailedChecksProblem() {
        return maxFailedChecksProblem;
    }

    public BooleanBinding valid() {
        return valid;
    }
}
