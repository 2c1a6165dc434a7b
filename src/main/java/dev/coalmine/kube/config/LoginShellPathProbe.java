package dev.coalmine.kube.config;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Asks the user's login shell for its PATH ({@code $SHELL -lc 'printf %s "$PATH"'}), once: the answer
 * is cached for the life of this object, and a shell that does not answer in time counts as no answer.
 */
public final class LoginShellPathProbe implements LoginShellPath {
    private final String shell;
    private final Duration timeout;
    private Optional<String> cached;

    public LoginShellPathProbe(String shell, Duration timeout) {
        this.shell = shell;
        this.timeout = timeout;
    }

    /** The shell named by {@code $SHELL}, else {@code /bin/sh}, with a 5 second limit. */
    public static LoginShellPathProbe fromSystem() {
        String shell = System.getenv("SHELL");
        return new LoginShellPathProbe(shell == null || shell.isBlank() ? "/bin/sh" : shell, Duration.ofSeconds(5));
    }

    @Override
    public synchronized Optional<String> lookup() {
        if (cached == null) {
            cached = ask();
        }
        return cached;
    }

    private Optional<String> ask() {
        Process process = null;
        try {
            process = new ProcessBuilder(shell, "-lc", "printf %s \"$PATH\"")
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            InputStream stdout = process.getInputStream();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                return Optional.empty();
            }
            String output = new String(stdout.readAllBytes(), StandardCharsets.UTF_8);
            // Profile scripts may print banners first; our printf is the last thing and has no newline.
            String path = output.substring(output.lastIndexOf('\n') + 1).trim();
            return path.isEmpty() || process.exitValue() != 0 ? Optional.empty() : Optional.of(path);
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } finally {
            if (process != null && process.isAlive()) {
                process.destroyForcibly();
            }
        }
    }
}
