package dev.coalmine.benchkubectl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A fake Google Cloud SDK layout: /usr/bin/kubectl → sdk/bin/kubectl (the dispatcher) beside versioned binaries. */
class KubectlResolverTest {
    private static final ClientVersion DISPATCHER = new ClientVersion("v1.32.4-dispatcher", 1, 32);

    @TempDir
    Path root;
    Path sdkBin;
    Path onPath;

    @BeforeEach
    void layout() throws IOException {
        sdkBin = Files.createDirectories(root.resolve("sdk").resolve("bin"));
        executable(sdkBin.resolve("kubectl"));
        onPath = Files.createSymbolicLink(Files.createDirectories(root.resolve("usr-bin")).resolve("kubectl"),
                sdkBin.resolve("kubectl"));
    }

    @Test
    void aDispatcherGivesTheVersionedBinaryOfItsOwnMinorVersion() throws IOException {
        executable(sdkBin.resolve("kubectl.1.31"));
        executable(sdkBin.resolve("kubectl.1.32"));
        executable(sdkBin.resolve("kubectl.1.33"));
        Files.createFile(sdkBin.resolve("kubectl.1.32.sha256"));

        assertEquals(sdkBin.resolve("kubectl.1.32").toRealPath(), KubectlResolver.resolve(onPath, DISPATCHER));
    }

    @Test
    void withoutItsOwnMinorVersionTheNewestVersionedBinary() throws IOException {
        executable(sdkBin.resolve("kubectl.1.9"));
        executable(sdkBin.resolve("kubectl.1.30"));
        Files.createFile(sdkBin.resolve("kubectl.1.34")); // not executable

        assertEquals(sdkBin.resolve("kubectl.1.30").toRealPath(), KubectlResolver.resolve(onPath, DISPATCHER));
    }

    @Test
    void aDispatcherWithNothingBesideItIsAnError() {
        assertThrows(IllegalStateException.class, () -> KubectlResolver.resolve(onPath, DISPATCHER));
    }

    @Test
    void aPlainKubectlIsItselfWithLinksFollowed() throws IOException {
        executable(sdkBin.resolve("kubectl.1.32"));

        assertEquals(sdkBin.resolve("kubectl").toRealPath(),
                KubectlResolver.resolve(onPath, new ClientVersion("v1.32.5", 1, 32)));
    }

    private static void executable(Path file) throws IOException {
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
    }
}
