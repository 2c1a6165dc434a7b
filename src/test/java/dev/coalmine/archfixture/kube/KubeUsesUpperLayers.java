package dev.coalmine.archfixture.kube;

/** Breaks "kube does not use ui, cli or demo" (and "only the composition root uses demo"). */
public final class KubeUsesUpperLayers {
    dev.coalmine.archfixture.ui.RolloutView view;
    dev.coalmine.archfixture.cli.CanaryCommand command;
    dev.coalmine.archfixture.demo.DemoCluster demo;
}
