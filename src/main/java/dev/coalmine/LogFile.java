package dev.coalmine;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Set;

/**
 * Where the console writes its log: {@code $XDG_STATE_HOME/coalmine/logs/coalmine.log}, by default
 * {@code ~/.local/state/coalmine/logs/coalmine.log}. A desktop program has no terminal to read stderr from.
 * The CLI keeps logging warnings to stderr. slf4j-simple truncates its file when it opens it, so each start first
 * moves the previous runs aside: {@code coalmine.log} becomes {@code coalmine.log.1}, and so on up to
 * {@code coalmine.log.3}.
 */
final class LogFile {
    static final int KEPT_RUNS = 3;

    private LogFile() {
    }

    static Path location(Map<String, String> env, Path home) {
        String state = env.get("XDG_STATE_HOME");
        Path base = state == null || state.isBlank() ? home.resolve(".local").resolve("state") : Path.of(state);
        return base.resolve("coalmine").resolve("logs").resolve("coalmine.log");
    }

    /** Sends slf4j-simple's output to the log file, unless the user chose a destination already. */
    static void useFor(Path file) {
        if (System.getProperty("org.slf4j.simpleLogger.logFile") != null) {
            return;
        }
        try {
            startNewRun(file);
            System.setProperty("org.slf4j.simpleLogger.logFile", file.toString());
            System.setProperty("org.slf4j.simpleLogger.showDateTime", "true");
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "info");
            System.setProperty("org.slf4j.simpleLogger.log.io.fabric8", "warn");
            System.setProperty("org.slf4j.simpleLogger.log.io.vertx", "warn");
            System.setProperty("org.slf4j.simpleLogger.log.io.netty", "warn");
        } catch (IOException e) {
            System.err.println("warning: cannot create " + file + " (" + e.getMessage()
                    + "); logging to stderr");
        }
    }

    /** Keeps the previous runs' logs by rotation and creates an empty log for this run, readable by its owner only. */
    static void startNewRun(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        rotate(file);
        createOwnerOnly(file);
    }

    /** Shifts {@code log.1 … log.(KEPT_RUNS-1)} one place up, dropping the oldest, then moves a non-empty log to .1. */
    static void rotate(Path file) throws IOException {
        if (!Files.exists(file) || Files.size(file) == 0) {
            return;
        }
        Files.deleteIfExists(previousRun(file, KEPT_RUNS));
        for (int run = KEPT_RUNS - 1; run >= 1; run--) {
            Path older = previousRun(file, run);
            if (Files.exists(older)) {
                Files.move(older, previousRun(file, run + 1));
            }
        }
        Files.move(file, previousRun(file, 1));
    }

    static Path previousRun(Path file, int run) {
        return file.resolveSibling(file.getFileName() + "." + run);
    }

    /**
     * Creates the file readable and writable by its owner only (0600), or narrows an existing one: the log may hold
     * names, addresses and messages others on the machine need not read. slf4j-simple then appends to it.
     */
    static void createOwnerOnly(Path file) throws IOException {
        if (!file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND).close();
            return;
        }
        Set<PosixFilePermission> ownerOnly = PosixFilePermissions.fromString("rw-------");
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(ownerOnly));
        } catch (FileAlreadyExistsException e) {
            Files.setPosixFilePermissions(file, ownerOnly);
        }
    }
}
