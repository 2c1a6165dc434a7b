package dev.coalmine.cli.canary;

import java.io.PrintWriter;

/**
 * While a command drives a release, Ctrl-C or SIGTERM ends the process but not the release: it stays where it is in
 * the cluster. A shutdown hook says so, and how to carry it on.
 */
final class ShutdownNotice implements AutoCloseable {
    private final Thread hook;

    private ShutdownNotice(Thread hook) {
        this.hook = hook;
    }

    static ShutdownNotice register(PrintWriter err, FollowUp next) {
        Thread hook = new Thread(() -> {
            err.println();
            err.println(message(next));
            err.flush();
        }, "coalmine-shutdown-notice");
        Runtime.getRuntime().addShutdownHook(hook);
        return new ShutdownNotice(hook);
    }

    static String message(FollowUp next) {
        return "stopped: the release of " + next.deployment() + " stays as it is in the cluster; carry it on with: "
                + next.command("resume");
    }

    /** Removes the hook; false when it was no longer registered (or the process is shutting down). */
    boolean unregister() {
        try {
            return Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            return false;
        }
    }

    @Override
    public void close() {
        unregister();
    }
}
