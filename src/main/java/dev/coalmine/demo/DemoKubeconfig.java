package dev.coalmine.demo;

import dev.coalmine.core.CoalmineException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Set;

/** The kubeconfig that points kubectl and Coalmine at the demo cluster: its URL, its certificate, its token. */
final class DemoKubeconfig {
    static final String NAME = "coalmine-demo";
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private DemoKubeconfig() {
    }

    static String render(String serverUrl, String certificatePem, String token) {
        return """
                apiVersion: v1
                kind: Config
                clusters:
                - name: %1$s
                  cluster:
                    server: %2$s
                    certificate-authority-data: %3$s
                contexts:
                - name: %1$s
                  context:
                    cluster: %1$s
                    user: %1$s
                    namespace: default
                current-context: %1$s
                users:
                - name: %1$s
                  user:
                    token: %4$s
                preferences: {}
                """.formatted(NAME, serverUrl, base64(certificatePem), token);
    }

    static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Writes {@code kubeconfig} to {@code file}, which is made readable by its owner only before the token goes in. */
    static void write(Path file, String kubeconfig) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                try {
                    Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
                } catch (FileAlreadyExistsException e) {
                    Files.setPosixFilePermissions(file, OWNER_ONLY);
                }
            }
            Files.writeString(file, kubeconfig);
        } catch (IOException e) {
            throw new CoalmineException("cannot write the demo kubeconfig to " + file + " (" + e.getMessage()
                    + "); choose a writable path with --kubeconfig", e);
        }
    }
}
