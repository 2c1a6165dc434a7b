package dev.coalmine.core.release;

import dev.coalmine.core.judge.JudgeSettings;
import dev.coalmine.core.judge.MetricsLocation;
import java.util.Objects;

/** Who judges a release: a person (promote/reject), or the automatic judge with its settings. */
public sealed interface JudgeSpec {
    static JudgeSpec manual() {
        return new Manual();
    }

    static JudgeSpec automatic(JudgeSettings settings) {
        return new Automatic(settings);
    }

    boolean isAutomatic();

    /**
     * The automatic judge's settings; a manual judge has the defaults, which still choose the metrics the console
     * charts for the release.
     */
    JudgeSettings settings();

    /** A person promotes or rejects. */
    record Manual() implements JudgeSpec {
        @Override
        public boolean isAutomatic() {
            return false;
        }

        @Override
        public JudgeSettings settings() {
            return JudgeSettings.defaults(new MetricsLocation.DemoCluster());
        }
    }

    /** The automatic judge decides from the metrics, as {@code settings} say. */
    record Automatic(JudgeSettings settings) implements JudgeSpec {
        public Automatic {
            Objects.requireNonNull(settings, "settings");
        }

        @Override
        public boolean isAutomatic() {
            return true;
        }
    }
}
