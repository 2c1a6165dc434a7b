package dev.coalmine.kube.config;

import io.fabric8.kubernetes.api.model.AuthInfo;
import io.fabric8.kubernetes.api.model.Cluster;
import io.fabric8.kubernetes.api.model.Config;
import io.fabric8.kubernetes.api.model.ExecConfig;
import io.fabric8.kubernetes.api.model.NamedAuthInfo;
import io.fabric8.kubernetes.api.model.NamedCluster;
import java.nio.file.Path;

/** Makes the file references of one kubeconfig absolute against the directory of that file. */
final class RelativePathResolver {
    private final Path directory;

    RelativePathResolver(Path directory) {
        this.directory = directory;
    }

    void resolve(Config config) {
        if (config.getClusters() != null) {
            for (NamedCluster named : config.getClusters()) {
                Cluster cluster = named.getCluster();
                if (cluster != null) {
                    cluster.setCertificateAuthority(absolute(cluster.getCertificateAuthority()));
                }
            }
        }
        if (config.getUsers() != null) {
            for (NamedAuthInfo named : config.getUsers()) {
                AuthInfo user = named.getUser();
                if (user != null) {
                    user.setClientCertificate(absolute(user.getClientCertificate()));
                    user.setClientKey(absolute(user.getClientKey()));
                    user.setTokenFile(absolute(user.getTokenFile()));
                    resolveExec(user.getExec());
                }
            }
        }
    }

    /** A bare command name is looked up on PATH later; only a relative path with a slash is file-relative. */
    private void resolveExec(ExecConfig exec) {
        if (exec != null && exec.getCommand() != null && exec.getCommand().contains("/")) {
            exec.setCommand(absolute(exec.getCommand()));
        }
    }

    private String absolute(String reference) {
        if (reference == null || reference.isBlank()) {
            return reference;
        }
        Path path = Path.of(reference);
        return path.isAbsolute() ? reference : directory.resolve(path).normalize().toString();
    }
}
