package dev.coalmine.kube.release;

import dev.coalmine.core.release.ReleaseState;
import dev.coalmine.core.release.StepLogEntry;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.Map;
import java.util.Optional;

/**
 * Says which deploy tool stable comes from, when its metadata tells: a release changes the live Deployment only, and
 * that tool's next sync, reconciliation or upgrade puts the old image back unless its source gets the new one.
 */
public final class DeployToolNote {
    private static final String AT_PROMOTION = "promotion changes the live Deployment only";

    private static final String ARGO_TRACKING = "argocd.argoproj.io/tracking-id";
    private static final String ARGO_INSTANCE = "argocd.argoproj.io/instance";
    private static final String FLUX_KUSTOMIZATION = "kustomize.toolkit.fluxcd.io/";
    private static final String FLUX_HELM_RELEASE = "helm.toolkit.fluxcd.io/";
    private static final String HELM_RELEASE = "meta.helm.sh/release-name";
    private static final String KUBECTL_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";

    private DeployToolNote() {
    }

    /** For a release Coalmine drives, which changes stable at promotion. */
    static Optional<String> of(Deployment stable) {
        return of(stable, AT_PROMOTION);
    }

    /** The note {@code release} said when it was prepared, to repeat where promotion is confirmed. */
    public static Optional<String> said(ReleaseState release) {
        return release.log().stream().map(StepLogEntry::message).filter(m -> m.contains(": " + AT_PROMOTION + "; "))
                .findFirst();
    }

    /** {@code change}: what the release does to the live Deployment, e.g. "promotion changes the live Deployment only". */
    static Optional<String> of(Deployment stable, String change) {
        Map<String, String> labels = orEmpty(stable.getMetadata().getLabels());
        Map<String, String> annotations = orEmpty(stable.getMetadata().getAnnotations());
        String source;
        String undo;
        Optional<String> argoApplication = argoCdApplication(stable);
        if (argoApplication.isPresent()) {
            source = "stable is synced by Argo CD application " + argoApplication.get();
            undo = "commit the new image to its Git source, or Argo CD's next sync (at once with self-heal) puts the "
                    + "old one back";
        } else if (labels.containsKey(FLUX_HELM_RELEASE + "name")) {
            source = "stable is applied by Flux HelmRelease " + fluxName(labels, FLUX_HELM_RELEASE);
            undo = "set the new image in its values in Git, or Flux's next reconciliation puts the old one back";
        } else if (labels.containsKey(FLUX_KUSTOMIZATION + "name")) {
            source = "stable is applied by Flux Kustomization " + fluxName(labels, FLUX_KUSTOMIZATION);
            undo = "commit the new image to its Git source, or Flux's next reconciliation puts the old one back";
        } else if (annotations.containsKey(HELM_RELEASE)) {
            source = "stable belongs to Helm release " + annotations.get(HELM_RELEASE);
            undo = "set the new image in the chart's values, or the next helm upgrade puts the old one back";
        } else if (annotations.containsKey(KUBECTL_APPLIED)) {
            source = "stable was last applied with kubectl apply";
            undo = "put the new image in that manifest, or its next kubectl apply puts the old one back";
        } else {
            return Optional.empty();
        }
        return Optional.of(source + ": " + change + "; " + undo);
    }

    /**
     * For a hand-off of a Deployment Argo CD syncs: the engine scales the Deployment to 0, and Argo CD (self-heal) puts
     * its replicas back unless told to leave them, so both versions' pods would run.
     */
    static Optional<String> scaledDownUnderArgoCd(Deployment deployment, String engineScalesItDown) {
        return argoCdApplication(deployment).map(app -> engineScalesItDown + ", and Argo CD's sync puts its replicas "
                + "back (both versions' pods would run) unless application " + app + " ignores its /spec/replicas "
                + "(ignoreDifferences) or its manifest in Git leaves replicas out");
    }

    /** The Argo CD application that syncs {@code deployment} (its tracking annotation, else its instance label). */
    private static Optional<String> argoCdApplication(Deployment deployment) {
        String tracking = orEmpty(deployment.getMetadata().getAnnotations()).get(ARGO_TRACKING);
        return tracking != null ? Optional.of(tracking.split(":", 2)[0])
                : Optional.ofNullable(orEmpty(deployment.getMetadata().getLabels()).get(ARGO_INSTANCE));
    }

    private static String fluxName(Map<String, String> labels, String prefix) {
        String namespace = labels.get(prefix + "namespace");
        return (namespace == null ? "" : namespace + "/") + labels.get(prefix + "name");
    }

    private static Map<String, String> orEmpty(Map<String, String> map) {
        return map == null ? Map.of() : map;
    }
}
