package dev.coalmine.archfixture.app;

/** The composition root's package may use demo. */
public final class DemoWiring {
    dev.coalmine.archfixture.demo.DemoCluster demo;
}
