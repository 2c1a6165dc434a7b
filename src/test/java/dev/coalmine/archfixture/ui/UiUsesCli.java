package dev.coalmine.archfixture.ui;

/** Breaks "ui does not use cli". */
public final class UiUsesCli {
    dev.coalmine.archfixture.cli.CanaryCommand command;
}
