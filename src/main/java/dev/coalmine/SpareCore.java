package dev.coalmine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether the machine has had a core to spare lately: its 1-minute load average (Linux's {@code /proc/loadavg}) is
 * below its number of cores, so they were not all busy. Where that file cannot be read (other systems), a spare core
 * is assumed.
 */
final class SpareCore {
    static final Path LOAD_AVERAGE = Path.of("/proc/loadavg");

    private SpareCore() {
    }

    static boolean available(Path loadAverage, int cores) {
        try {
            String[] fields = Files.readString(loadAverage).trim().split("\\s+");
            return Double.parseDouble(fields[0]) < cores;
        } catch (IOException | RuntimeException unreadable) {
            return true;
        }
    }
}
