package dev.coalmine.core.engine;

import dev.coalmine.core.CoalmineException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Who runs a release: Coalmine's own session, or an in-cluster engine it is handed to. */
public enum Engine {
    COALMINE("coalmine", ""),
    ARGO_ROLLOUTS("argo-rollouts", "argoproj.io"),
    FLAGGER("flagger", "flagger.app");

    private final String id;
    private final String apiGroup;

    Engine(String id, String apiGroup) {
        this.id = id;
        this.apiGroup = apiGroup;
    }

    /** The name on the command line ({@code --engine}). */
    public String id() {
        return id;
    }

    /** The API group whose CRDs must be installed; empty for Coalmine itself. */
    public String apiGroup() {
        return apiGroup;
    }

    public boolean inCluster() {
        return this != COALMINE;
    }

    public static Engine parse(String text) {
        String wanted = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(e -> e.id.equals(wanted)).findFirst()
                .orElseThrow(() -> new CoalmineException("Unknown engine '" + text + "': choose one of "
                        + Arrays.stream(values()).map(Engine::id).collect(Collectors.joining(", ")) + "."));
    }
}
