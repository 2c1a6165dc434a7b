package dev.coalmine.kube.release;

import java.util.Map;

/** The names and labels Coalmine uses on the cluster (ARCHITECTURE.md, "Names on the cluster"). */
public final class ReleaseNames {
    public static final String TRACK = "coalmine.dev/track";
    public static final String RELEASE = "coalmine.dev/release";
    /** On versioned config copies: the Deployment they belong to. */
    public static final String CONFIG_OF = "coalmine.dev/config-of";
    /** On the Secret that holds a release's Secret data: the Deployment it belongs to. */
    public static final String SECRET_DATA_OF = "coalmine.dev/secret-data-of";
    /** On the ConfigMap holding a workload's release states: the Deployment it belongs to. */
    public static final String STATE_OF = "coalmine.dev/state-of";
    /** On the ConfigMap keeping a finished release's plan body: the Deployment it belongs to. */
    public static final String PLAN_OF = "coalmine.dev/plan-of";
    /** On canary, baseline and their pods (and on stable's pods from a promotion on): the stable Deployment's name. */
    public static final String WORKLOAD = "coalmine.dev/workload";
    /** On canary and baseline: the stable Deployment they were made for (also on those from before WORKLOAD). */
    public static final String STABLE_ANNOTATION = "coalmine.dev/stable";
    public static final String MANAGED_BY = "app.kubernetes.io/managed-by";
    public static final String COALMINE = "coalmine";
    public static final String STABLE = "stable";
    public static final String CANARY = "canary";
    public static final String BASELINE = "baseline";

    private ReleaseNames() {
    }

    public static String canary(String deployment) {
        return deployment + "-canary";
    }

    public static String baseline(String deployment) {
        return deployment + "-baseline";
    }

    /** The ConfigMap that holds the workload's release state and history. */
    public static String stateConfigMap(String deployment) {
        return "coalmine-release-" + deployment;
    }

    /** The ConfigMap that keeps the plan body of finished release {@code release} once the history needs its room. */
    public static String planConfigMap(String deployment, int release) {
        return "coalmine-release-" + deployment + "-" + release + "-plan";
    }

    /** The Lease held by the one process that drives the workload's release. */
    public static String lease(String deployment) {
        return "coalmine-release-" + deployment;
    }

    /**
     * The Secret that holds the Secret data of release {@code release} (the manifest's Secrets and the data they
     * replace). The suffix keeps two starts racing for the same number from sharing one.
     */
    public static String secretData(String deployment, int release, String suffix) {
        return "coalmine-release-" + deployment + "-" + release + "-" + suffix;
    }

    public static String versionedConfig(String name, int release) {
        return name + "-" + release;
    }

    public static Map<String, String> trackLabels(String track, int release) {
        return Map.of(TRACK, track, RELEASE, String.valueOf(release));
    }

    /**
     * The labels that pick the pods of one track of one workload's release: every Deployment's first release is
     * number 1, so track and number alone would also pick another workload's pods.
     */
    public static Map<String, String> releaseLabels(String workload, String track, int release) {
        return Map.of(WORKLOAD, workload, TRACK, track, RELEASE, String.valueOf(release));
    }
}
