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
 * The CLI keeps logging warnings to stderr.
 */
final class LogFile {
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
            Files.createDirectories(file.getParent());
            createOwnerOnly(file);
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
