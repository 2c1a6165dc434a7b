package dev.coalmine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether the machine has a core to spare beside the JavaFX toolkit's start: more than two cores (on two, the start's
 * own threads — the FX thread, the renderer, the JIT compilers — already keep both busy, and an early connection
 * made the first frame later: src/site/benchmarks.md, startup), and lately not all of them busy: the 1-minute load
 * average (Linux's {@code /proc/loadavg}) below the number of cores. Where that file cannot be read (other
 * systems), the cores are taken as free.
 */
final class SpareCore {
    static final Path LOAD_AVERAGE = Path.of("/proc/loadavg");

    private SpareCore() {
    }

    static boolean available(Path loadAverage, int cores) {
        if (cores <= 2) {
            return false;
        }
        try {
            String[] fields = Files.readString(loadAverage).trim().split("\\s+");
            return Double.parseDouble(fields[0]) < cores;
        } catch (IOException | RuntimeException unreadable) {
            return true;
        }
    }
}
