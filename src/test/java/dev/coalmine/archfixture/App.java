package dev.coalmine.archfixture;

/** The composition root may use demo. */
public final class App {
    dev.coalmine.archfixture.demo.DemoCluster demo;
    Runnable wiring = () -> new dev.coalmine.archfixture.demo.DemoCluster();
}
