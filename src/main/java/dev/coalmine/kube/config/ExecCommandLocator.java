package dev.coalmine.kube.config;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

/**
 * Finds the executable of an exec credential plugin: on this process's PATH, else on the login
 * shell's PATH (which desktop sessions often lack), so fabric8 can be handed an absolute path.
 */
public final class ExecCommandLocator {
    private final String processPath;
    private final LoginShellPath loginShellPath;

    public ExecCommandLocator(String processPath, LoginShellPath loginShellPath) {
        this.processPath = processPath;
        this.loginShellPath = loginShellPath;
    }

    /** The absolute path of the command, or empty when it is nowhere to be found. */
    public Optional<Path> locate(String command) {
        if (command.contains("/")) {
            Path path = Path.of(command);
            return isExecutableFile(path) ? Optional.of(path.toAbsolutePath()) : Optional.empty();
        }
        return findOn(processPath, command)
                .or(() -> loginShellPath.lookup().flatMap(path -> findOn(path, command)));
    }

    private static Optional<Path> findOn(String path, String command) {
        return Arrays.stream(path.split(File.pathSeparator))
                .filter(dir -> !dir.isBlank())
                .map(dir -> Path.of(dir, command))
                .filter(ExecCommandLocator::isExecutableFile)
                .findFirst()
                .map(Path::toAbsolutePath);
    }

    private static boolean isExecutableFile(Path path) {
        return Files.isRegularFile(path) && Files.isExecutable(path);
    }
}
