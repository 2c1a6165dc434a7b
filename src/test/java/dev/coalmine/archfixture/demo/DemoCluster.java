package dev.coalmine.archfixture.demo;

/** Demo may use demo. */
public final class DemoCluster {
    DemoCluster self;
}
