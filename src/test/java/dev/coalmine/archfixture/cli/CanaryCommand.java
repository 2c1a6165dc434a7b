package dev.coalmine.archfixture.cli;

/** Keeps every rule. */
public final class CanaryCommand {
    dev.coalmine.archfixture.core.PureCore release;
}
