package dev.coalmine.core.time;

import java.lang.management.ManagementFactory;

/**
 * With {@code -Dcoalmine.startup.trace}, prints one line per step of the console's start to standard error:
 * milliseconds since the JVM started, the thread and the CPU time it used so far, the step. Prints nothing
 * otherwise, at the cost of one property read per JVM. How the steps' time was spent is written down in
 * {@code src/site/benchmarks.md} (startup).
 */
public final class StartupTrace {
    private static final boolean ON = System.getProperty("coalmine.startup.trace") != null;
    private static final long JVM_START_MS = ON ? ManagementFactory.getRuntimeMXBean().getStartTime() : 0;

    private StartupTrace() {
    }

    public static void mark(String step) {
        if (ON) {
            System.err.printf("startup-trace %6d ms [%s, %d ms CPU] %s%n", System.currentTimeMillis() - JVM_START_MS,
                    Thread.currentThread().getName(),
                    ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() / 1_000_000, step);
        }
    }
}
