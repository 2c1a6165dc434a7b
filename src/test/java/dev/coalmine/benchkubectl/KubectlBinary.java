package dev.coalmine.benchkubectl;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The real kubectl behind the one a user would run, with its version: a benchmark's reference must not pay for a
 * dispatcher's extra {@code GET /version} before every call.
 *
 * @param path     the binary to run
 * @param version  its client version
 * @param onPath   the kubectl a user would run
 * @param excluded whether {@code onPath} is a dispatcher, left out
 */
public record KubectlBinary(Path path, ClientVersion version, Path onPath, boolean excluded) {

    public static KubectlBinary behind(Path onPath) {
        ClientVersion asked = versionOf(onPath);
        Path real = KubectlResolver.resolve(onPath, asked);
        ClientVersion version = asked.isDispatcher() ? versionOf(real) : asked;
        return new KubectlBinary(real, version, onPath, asked.isDispatcher());
    }

    /** E.g. {@code kubectl v1.32.5 (/usr/lib/google-cloud-sdk/bin/kubectl.1.32; dispatcher /usr/bin/kubectl excluded)}. */
    public String name() {
        return "kubectl " + version.text() + " (" + path + (excluded ? "; dispatcher " + onPath + " excluded" : "") + ")";
    }

    private static ClientVersion versionOf(Path binary) {
        try {
            Process process = new ProcessBuilder(binary.toString(), "version", "--client").redirectErrorStream(true).start();
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException(binary + " version --client failed: " + output);
            }
            return ClientVersion.parse(output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
