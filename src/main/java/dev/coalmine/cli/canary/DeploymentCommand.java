package dev.coalmine.cli.canary;

import dev.coalmine.cli.NameConverters;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** A {@code coalmine canary} command about one Deployment's release: what every such command receives. */
abstract class DeploymentCommand implements Callable<Integer> {
    @ParentCommand
    CanaryCommand canary;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DEPLOYMENT", description = "The stable Deployment.",
            converter = NameConverters.Deployment.class)
    String deployment;
}
