package dev.coalmine.kube.config;

import io.fabric8.kubernetes.api.model.AuthInfo;
import io.fabric8.kubernetes.api.model.AuthInfoBuilder;
import io.fabric8.kubernetes.api.model.NamedAuthInfo;
import io.fabric8.kubernetes.api.model.NamedCluster;
import io.fabric8.kubernetes.api.model.NamedContext;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.internal.KubeConfigUtils;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Builds fabric8's client {@link Config} for one context of a merged kubeconfig, with fabric8's own
 * kubeconfig machinery (tokens, client certificates, proxy-url), after our fixes: exec plugins located on
 * the login shell's PATH and run by us ({@link ExecCredentialPlugin}), token files read, and TLS
 * verification on unless the cluster says {@code insecure-skip-tls-verify: true}.
 */
final class ClientConfigFactory {
    private final ExecCommandLocator locator;
    private final Duration connectTimeout;
    private final KubeconfigMerger merger = new KubeconfigMerger(new KubeconfigFileReader());

    ClientConfigFactory(ExecCommandLocator locator, Duration connectTimeout) {
        this.locator = locator;
        this.connectTimeout = connectTimeout;
    }

    Config build(KubeconfigSet set, String contextName) {
        var model = set.merged();
        NamedContext context = model.getContexts().stream().filter(c -> c.getName().equals(contextName))
                .findFirst().orElseThrow(() -> KubeconfigProblems.contextNotFound(set, contextName));
        String clusterName = context.getContext().getCluster();
        NamedCluster cluster = model.getClusters().stream().filter(c -> c.getName().equals(clusterName))
                .findFirst().orElseThrow(() -> KubeconfigProblems.missingCluster(set, context));
        if (cluster.getCluster().getServer() == null || cluster.getCluster().getServer().isBlank()) {
            throw KubeconfigProblems.missingServer(set, context);
        }
        requireFile(set, context, "certificate-authority of cluster '" + clusterName + "'",
                cluster.getCluster().getCertificateAuthority());
        String userName = context.getContext().getUser();
        Optional<NamedAuthInfo> user = Optional.ofNullable(userName).filter(n -> !n.isBlank())
                .map(n -> model.getUsers().stream().filter(u -> u.getName().equals(n)).findFirst()
                        .orElseThrow(() -> KubeconfigProblems.missingUser(set, context)))
                .map(u -> prepared(set, context, u));

        var single = new io.fabric8.kubernetes.api.model.Config();
        single.setContexts(List.of(context));
        single.setClusters(List.of(cluster));
        single.setUsers(user.map(List::of).orElse(List.of()));
        single.setCurrentContext(contextName);

        RefreshingClientConfig config = new RefreshingClientConfig(
                () -> build(merger.merge(set.sources()), contextName));
        try {
            KubeConfigUtils.merge(config, contextName, single);
        } catch (RuntimeException e) {
            throw KubeconfigProblems.credentialsFailed(set, context, e);
        }
        String server = cluster.getCluster().getServer().strip();
        if (!server.matches("(?i)https?://.*")) {
            // fabric8 would prefix http:// and send the token in the clear; without a scheme a server means TLS.
            config.setMasterUrl("https://" + server);
        }
        boolean insecure = Boolean.TRUE.equals(cluster.getCluster().getInsecureSkipTlsVerify());
        config.setTrustCerts(insecure);
        config.setDisableHostnameVerification(insecure);
        if (config.getNamespace() == null || config.getNamespace().isBlank()) {
            config.setNamespace("default");
        }
        config.setConnectionTimeout((int) connectTimeout.toMillis());
        return config;
    }

    /** A file the kubeconfig names (made absolute against its directory) must be there, as kubectl requires. */
    private static void requireFile(KubeconfigSet set, NamedContext context, String what, String file) {
        if (file != null && !file.isBlank() && !Files.isRegularFile(Path.of(file))) {
            throw KubeconfigProblems.missingFile(set, context, what, file);
        }
    }

    /** A client certificate needs its key, and the files named must exist, as kubectl's validation says. */
    private static void requireCertificateFiles(KubeconfigSet set, NamedContext context, NamedAuthInfo named) {
        AuthInfo user = named.getUser();
        requireFile(set, context, "client-certificate of user '" + named.getName() + "'", user.getClientCertificate());
        requireFile(set, context, "client-key of user '" + named.getName() + "'", user.getClientKey());
        boolean certificate = present(user.getClientCertificate()) || present(user.getClientCertificateData());
        boolean key = present(user.getClientKey()) || present(user.getClientKeyData());
        if (certificate != key) {
            throw KubeconfigProblems.certificateWithoutKey(set, context, named, certificate);
        }
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    /** A copy of the user with its exec plugin's credential in place of the plugin, and its token file read. */
    private NamedAuthInfo prepared(KubeconfigSet set, NamedContext context, NamedAuthInfo named) {
        requireCertificateFiles(set, context, named);
        AuthInfo user = new AuthInfoBuilder(named.getUser()).build();
        NamedAuthInfo copy = new NamedAuthInfo(named.getName(), user);
        named.getAdditionalProperties().forEach(copy::setAdditionalProperty);
        if (user.getExec() != null && user.getExec().getCommand() != null) {
            Path command = locator.locate(user.getExec().getCommand())
                    .orElseThrow(() -> KubeconfigProblems.execPluginNotFound(set, context, named));
            user.getExec().setCommand(command.toString());
            useCredential(user, credentialOf(set, context, copy));
        }
        if ((user.getToken() == null || user.getToken().isBlank()) && user.getTokenFile() != null) {
            user.setToken(readToken(set, context, named, Path.of(user.getTokenFile())));
        }
        return copy;
    }

    private static ExecCredentialPlugin.Credential credentialOf(KubeconfigSet set, NamedContext context, NamedAuthInfo user) {
        ExecCredentialPlugin.Outcome outcome = ExecCredentialPlugin.run(user.getUser().getExec());
        if (outcome instanceof ExecCredentialPlugin.NotACredential printed) {
            throw KubeconfigProblems.execPluginPrintedNoCredential(context, user, printed.bytes());
        }
        if (outcome instanceof ExecCredentialPlugin.Credential credential && !credential.isEmpty()) {
            return credential;
        }
        throw KubeconfigProblems.execPluginGaveNothing(set, context, user);
    }

    /** The plugin's answer as kubeconfig fields (certificate data base64-encoded PEM), so fabric8 never runs it. */
    private static void useCredential(AuthInfo user, ExecCredentialPlugin.Credential credential) {
        user.setExec(null);
        user.setToken(credential.token());
        if (credential.clientCertificatePem() != null && credential.clientKeyPem() != null) {
            user.setClientCertificateData(base64(credential.clientCertificatePem()));
            user.setClientKeyData(base64(credential.clientKeyPem()));
        }
    }

    private static String base64(String pem) {
        return Base64.getEncoder().encodeToString(pem.getBytes(StandardCharsets.UTF_8));
    }

    private static String readToken(KubeconfigSet set, NamedContext context, NamedAuthInfo user, Path file) {
        try {
            return Files.readString(file).trim();
        } catch (IOException e) {
            throw KubeconfigProblems.tokenFileUnreadable(set, context, user, file);
        }
    }

}
