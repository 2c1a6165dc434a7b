package dev.coalmine.ui.wizard;

import dev.coalmine.core.CoalmineException;
import dev.coalmine.metrics.MetricQuery;
import dev.coalmine.metrics.QueryPreset;
import java.util.LinkedHashMap;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableBooleanValue;

/**
 * The judge step's PromQL, as the CLI's {@code --metrics-preset} and {@code --query NAME=PROMQL}: a preset, and
 * custom queries one a line that add metrics or replace the preset's {@code success-rate} or {@code latency}. Both
 * apply to Prometheus only; the demo's metrics read directly have fixed ones.
 */
public final class JudgeQueries {
    /** The placeholders a query may use, filled per track when the judge runs it. */
    public static final String PLACEHOLDERS = "{{namespace}} {{deployment}} {{track}} {{workload}} {{interval}}";

    private final ObjectProperty<QueryPreset> preset;
    private final StringProperty custom = new SimpleStringProperty("");
    private final StringBinding problem;

    JudgeQueries(boolean demoCluster, ObservableBooleanValue prometheus) {
        preset = new SimpleObjectProperty<>(demoCluster ? QueryPreset.DEMO : QueryPreset.ISTIO);
        problem = Bindings.createStringBinding(() -> check(prometheus.get()), custom, prometheus);
    }

    private String check(boolean prometheus) {
        if (custom.get() == null || custom.get().isBlank()) {
            return "";
        }
        if (!prometheus) {
            return "Custom queries need Prometheus: choose \"Prometheus URL\" or \"Prometheus via the API server's "
                    + "service proxy\" as the metric source, or clear them";
        }
        String[] lines = custom.get().split("\\R");
        for (int i = 0; i < lines.length; i++) {
            if (!lines[i].isBlank()) {
                try {
                    MetricQuery.parseCustom(lines[i].strip());
                } catch (CoalmineException e) {
                    return "Line " + (i + 1) + ": " + e.getMessage();
                }
            }
        }
        return "";
    }

    /** The custom queries by name, in the order typed; call only when {@link #problem()} is empty. */
    Map<String, String> customQueries() {
        Map<String, String> queries = new LinkedHashMap<>();
        for (String line : custom.get() == null ? new String[0] : custom.get().split("\\R")) {
            if (!line.isBlank()) {
                int eq = line.indexOf('=');
                queries.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
            }
        }
        return queries;
    }

    public ObjectProperty<QueryPreset> presetProperty() {
        return preset;
    }

    public StringProperty customProperty() {
        return custom;
    }

    public StringBinding problem() {
        return problem;
    }
}
