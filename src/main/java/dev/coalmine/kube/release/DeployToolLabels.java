package dev.coalmine.kube.release;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Labels by which a deploy tool claims an object as its own and may prune it when its source does not have it: Argo
 * CD's default tracking label ({@code app.kubernetes.io/instance}, also Helm's release name), Helm's chart label,
 * Flux's, kapp's and Jenkins X's. Canary and baseline are Coalmine's, so they must not carry them: an Argo CD
 * application with auto-prune would delete a canary that wore its stable's instance label, mid-release. Pods keep
 * them (the selector needs stable's pod labels, and tools leave owned objects such as pods alone).
 */
final class DeployToolLabels {
    private static final List<String> KEYS = List.of("app.kubernetes.io/instance", "helm.sh/chart",
            "argocd.argoproj.io/instance", ReleaseNames.MANAGED_BY);
    private static final List<String> PREFIXES = List.of("kustomize.toolkit.fluxcd.io/", "helm.toolkit.fluxcd.io/",
            "kapp.k14s.io/", "jenkins.io/");

    private DeployToolLabels() {
    }

    /** {@code labels} without those a deploy tool claims objects by. */
    static Map<String, String> without(Map<String, String> labels) {
        Map<String, String> kept = new LinkedHashMap<>();
        labels.forEach((key, value) -> {
            if (!claims(key)) {
                kept.put(key, value);
            }
        });
        return kept;
    }

    private static boolean claims(String key) {
        return KEYS.contains(key) || PREFIXES.stream().anyMatch(key::startsWith);
    }
}
