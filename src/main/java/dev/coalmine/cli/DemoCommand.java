package dev.coalmine.cli;

import dev.coalmine.addon.DemoLauncher;
import dev.coalmine.addon.RunningDemo;
import dev.coalmine.core.CoalmineException;
import java.io.PrintWriter;
import java.security.SecureRandom;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
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

    @Option(names = "--fault-rate", paramLabel = "PCT", description = {"Answer this share of API requests (0-100 %%) "
            + "with a fault: 500, 409 Conflict, 410 Gone on a watch, 429 with Retry-After, a reset connection or a "
            + "2 s delay (default: 0; trainers can change it in ConfigMap coalmine-demo/coalmine-demo, key "
            + "api-fault-rate)."})
    double faultRate;

    @Option(names = "--fault-seed", paramLabel = "N", description = "Seed of the random choice of faults; the seed "
            + "printed at start replays a run (default: a random one).")
    Long faultSeed;

    private final DemoLauncher launcher;
    private final CountDownLatch stopped = new CountDownLatch(1);

    DemoCommand(DemoLauncher launcher) {
        this.launcher = launcher;
    }

    @Override
    public Integer call() throws InterruptedException {
        Path kubeconfig = parent.target().kubeconfig().orElseThrow(() -> new CoalmineException(
                "coalmine demo needs --kubeconfig FILE: the file to write the demo cluster's kubeconfig to"));
        if (!(faultRate >= 0 && faultRate <= 100)) {
            throw new ParameterException(spec.commandLine(), "--fault-rate is a percentage between 0 and 100, not "
                    + faultRate + "; try --fault-rate 5");
        }
        long seed = faultSeed != null ? faultSeed : new SecureRandom().nextLong();
        RunningDemo cluster;
        try {
            cluster = launcher.launch(port, !empty, faultRate, seed);
        } catch (IllegalStateException e) {
            throw new CoalmineException("the demo cluster cannot start: " + e.getMessage()
                    + (port == 0 ? "" : "; pick another --port or leave it out to use a free one"), e);
        }
        cluster.writeKubeconfig(kubeconfig);
        PrintWriter out = spec.commandLine().getOut();
        out.println("api-server: " + cluster.apiServerUrl());
        cluster.metricsUrl().ifPresent(url -> out.println("metrics: " + url));
        out.println("api-faults: " + new DecimalFormat("0.###", DecimalFormatSymbols.getInstance(Locale.ROOT))
                .format(faultRate) + " % (seed " + seed + "; --fault-seed " + seed + " replays them)");
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
