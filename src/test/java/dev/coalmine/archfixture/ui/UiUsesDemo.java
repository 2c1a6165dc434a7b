package dev.coalmine.archfixture.ui;

/** Breaks "only the composition root uses demo". */
public final class UiUsesDemo {
    dev.coalmine.archfixture.demo.DemoCluster demo;
}
