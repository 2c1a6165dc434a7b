package dev.coalmine.core.release;

import java.util.Map;

/**
 * The judge of a release. {@code config} is opaque to the engine: the automatic judge defines and reads
 * its keys (metrics, thresholds, intervals); the engine only stores it with the release.
 */
public record JudgeSpec(JudgeMode mode, Map<String, String> config) {
    public JudgeSpec {
        mode = mode == null ? JudgeMode.MANUAL : mode;
        config = config == null ? Map.of() : Map.copyOf(config);
    }

    public static JudgeSpec manual() {
        return new JudgeSpec(JudgeMode.MANUAL, Map.of());
    }

    public static JudgeSpec automatic(Map<String, String> config) {
        return new JudgeSpec(JudgeMode.AUTOMATIC, config);
    }
}
