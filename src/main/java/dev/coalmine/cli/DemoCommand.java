package dev.coalmine.cli;

import dev.coalmine.addon.DemoLauncher;
import dev.coalmine.addon.RunningDemo;
import dev.coalmine.core.CoalmineException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code coalmine demo}: runs the embedded demo cluster headless until SIGINT/SIGTERM. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Runs the embedded demo cluster (127.0.0.1 only) until Ctrl-C or SIGTERM.",
                "Writes a kubeconfig (context coalmine-demo, namespace default) to the --kubeconfig FILE."})
public final class DemoCommand implements Callable<Integer> {
    @ParentCommand
    CoalmineCommand parent;

    @Spec
    CommandSpec spec;

    @Option(names = "--empty", description = "Start without the sample shop workloads.")
    boolean empty;

    @Option(names = "--port", paramLabel = "N", description = "The API server's port on 127.0.0.1 (default: a free port).")
    int port;

    private final DemoLauncher launcher;
    private final CountDownLatch stopped = new CountDownLatch(1);

    DemoCommand(DemoLauncher launcher) {
        this.launcher = launcher;
    }

    @Override
    public Integer call() throws InterruptedException {
        Path kubeconfig = parent.target().kubeconfig().orElseThrow(() -> new CoalmineException(
                "coalmine demo needs --kubeconfig FILE: the file to write the demo cluster's kubeconfig to"));
        RunningDemo cluster;
        try {
            cluster = launcher.launch(port, !empty);
        } catch (IllegalStateException e) {
            throw new CoalmineException("the demo cluster cannot start: " + e.getMessage()
                    + (port == 0 ? "" : "; pick another --port or leave it out to use a free one"), e);
        }
        cluster.writeKubeconfig(kubeconfig);
        PrintWriter out = spec.commandLine().getOut();
        out.println("api-server: " + cluster.apiServerUrl());
        cluster.metricsUrl().ifPresent(url -> out.println("metrics: " + url));
        out.flush();
        PrintWriter err = spec.commandLine().getErr();
        err.println("demo cluster running; try: KUBECONFIG=" + kubeconfig + " kubectl get pods   (Ctrl-C stops it)");
        err.flush();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            cluster.close();
            stopped.countDown();
            // A JVM ended by a signal exits 128+signal; a clean stop of the demo is a success.
            Runtime.getRuntime().halt(0);
        }, "coalmine-demo-shutdown"));
        stopped.await();
        return 0;
    }
}
