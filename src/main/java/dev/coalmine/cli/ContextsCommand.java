package dev.coalmine.cli;

import dev.coalmine.kube.config.KubeContext;
import dev.coalmine.kube.config.KubeEnvironment;
import dev.coalmine.kube.config.KubeconfigLoader;
import dev.coalmine.kube.config.KubeconfigSet;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code coalmine contexts}: the kubeconfig's contexts, like {@code kubectl config get-contexts}. */
@Command(name = "contexts", mixinStandardHelpOptions = true,
        description = "List the contexts of the kubeconfig; * marks the current one.")
final class ContextsCommand implements Callable<Integer> {
    @ParentCommand
    CoalmineCommand root;

    @Spec
    CommandSpec spec;

    private final KubeEnvironment environment;

    ContextsCommand() {
        this(KubeEnvironment.fromSystem());
    }

    ContextsCommand(KubeEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        KubeconfigSet set = new KubeconfigLoader(environment).load(root.target().kubeconfig()).requireContexts();
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"CURRENT", "NAME", "CLUSTER", "AUTHINFO", "NAMESPACE"});
        for (KubeContext context : set.contexts()) {
            rows.add(new String[] {context.current() ? "*" : "", context.name(), nullToEmpty(context.cluster()),
                    nullToEmpty(context.user()), context.namespace()});
        }
        print(rows, spec.commandLine().getOut());
        return 0;
    }

    private static void print(List<String[]> rows, PrintWriter out) {
        int[] widths = new int[rows.get(0).length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                line.append(i == row.length - 1 ? row[i] : String.format("%-" + (widths[i] + 3) + "s", row[i]));
            }
            out.println(line.toString().stripTrailing());
        }
        out.flush();
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
