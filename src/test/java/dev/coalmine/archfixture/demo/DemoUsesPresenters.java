package dev.coalmine.archfixture.demo;

/** Breaks "demo does not use ui or cli", with inline fully-qualified names. */
public final class DemoUsesPresenters {
    dev.coalmine.archfixture.ui.RolloutView view;
    dev.coalmine.archfixture.cli.CanaryCommand command;
}
