package dev.coalmine.cli.canary;

import dev.coalmine.core.release.DecisionVerdict;
import picocli.CommandLine.Command;

/** {@code coalmine canary reject}. */
@Command(name = "reject", mixinStandardHelpOptions = true,
        description = "Record 'reject' and remove canary and baseline until Rejected; stable is not touched (idempotent).")
final class RejectCommand extends DecisionCommand {
    @Override
    DecisionVerdict verdict() {
        return DecisionVerdict.REJECT;
    }
}
