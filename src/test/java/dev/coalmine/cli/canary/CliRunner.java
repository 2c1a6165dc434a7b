package dev.coalmine.cli.canary;

import dev.coalmine.App;
import dev.coalmine.cli.Cli;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs the real command line against one kubeconfig, as a user would, and keeps what the last run printed. */
final class CliRunner {
    private final Path kubeconfig;
    private StringWriter out = new StringWriter();
    private StringWriter err = new StringWriter();

    CliRunner(Path kubeconfig) {
        this.kubeconfig = kubeconfig;
    }

    /** A kubeconfig in {@code dir} for a token user "ana" on {@code serverUrl}, namespace shop. */
    static Path tokenKubeconfig(Path dir, String serverUrl) throws IOException {
        String server = serverUrl.endsWith("/") ? serverUrl.substring(0, serverUrl.length() - 1) : serverUrl;
        return Files.writeString(dir.resolve("config"), """
                apiVersion: v1
                current-context: demo
                clusters:
                - name: demo
                  cluster: {server: "%s"}
                contexts:
                - name: demo
                  context: {cluster: demo, user: ana, namespace: shop}
                users:
                - name: ana
                  user: {token: t0k3n}
                """.formatted(server));
    }

    /** {@code coalmine --kubeconfig FILE args…}; returns the exit code. */
    int run(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        Cli cli = App.cli(target -> { }).output(new PrintWriter(out, true), new PrintWriter(err, true));
        List<String> all = new ArrayList<>(List.of("--kubeconfig", kubeconfig.toString()));
        all.addAll(List.of(args));
        return cli.run(all.toArray(String[]::new));
    }

    String out() {
        return out.toString();
    }

    String err() {
        return err.toString();
    }
}
