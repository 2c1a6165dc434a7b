package dev.coalmine.cli.canary;

import dev.coalmine.kube.config.KubeTarget;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The {@code coalmine canary} command lines the CLI suggests next. They carry the {@code --kubeconfig},
 * {@code --context} and {@code -n} this run was given, so pasting one acts on the same release.
 */
record FollowUp(String deployment, List<String> connection) {
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./:=@%+,-]+");

    FollowUp {
        connection = List.copyOf(connection);
    }

    static FollowUp of(KubeTarget target, String deployment) {
        List<String> options = new ArrayList<>();
        target.kubeconfig().ifPresent(file -> options.addAll(List.of("--kubeconfig", file.toString())));
        target.context().ifPresent(context -> options.addAll(List.of("--context", context)));
        target.namespace().ifPresent(namespace -> options.addAll(List.of("-n", namespace)));
        return new FollowUp(deployment, options);
    }

    /** E.g. {@code coalmine canary promote web -n shop}. */
    String command(String verb) {
        StringBuilder line = new StringBuilder("coalmine canary ").append(verb).append(' ').append(deployment);
        connection.forEach(word -> line.append(' ').append(quoted(word)));
        return line.toString();
    }

    /** The suggestion after a release stops to wait for a person. */
    String decide() {
        return "decide with: " + command("promote") + "  or  " + command("reject");
    }

    /** Single quotes keep a path with spaces one word when pasted into a POSIX shell. */
    private static String quoted(String word) {
        return PLAIN.matcher(word).matches() ? word : "'" + word.replace("'", "'\\''") + "'";
    }
}
