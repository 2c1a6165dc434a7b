package dev.coalmine.archfixture.metrics;

/** Breaks "metrics does not use ui, cli or demo" (and "only the composition root uses demo"). */
public final class MetricsUsesUpperLayers {
    dev.coalmine.archfixture.ui.RolloutView view;
    dev.coalmine.archfixture.cli.CanaryCommand command;
    dev.coalmine.archfixture.demo.DemoCluster demo;
}
