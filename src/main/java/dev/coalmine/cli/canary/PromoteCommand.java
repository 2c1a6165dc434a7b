package dev.coalmine.cli.canary;

import dev.coalmine.core.release.DecisionVerdict;
import picocli.CommandLine.Command;

/** {@code coalmine canary promote}. */
@Command(name = "promote", mixinStandardHelpOptions = true,
        description = "Record 'promote' and roll stable to the new version until Succeeded (idempotent).")
final class PromoteCommand extends DecisionCommand {
    @Override
    DecisionVerdict verdict() {
        return DecisionVerdict.PROMOTE;
    }
}
