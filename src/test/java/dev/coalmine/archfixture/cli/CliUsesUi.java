package dev.coalmine.archfixture.cli;

/** Breaks "cli does not use ui" (calls a method: a dependency without a field or an import). */
public final class CliUsesUi {
    Object view() {
        return new dev.coalmine.archfixture.ui.RolloutView();
    }
}
