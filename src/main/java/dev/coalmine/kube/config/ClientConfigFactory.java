package dev.coalmine.kube.config;

import io.fabric8.kubernetes.api.model.AuthInfo;
import io.fabric8.kubernetes.api.model.AuthInfoBuilder;
import io.fabric8.kubernetes.api.model.NamedAuthInfo;
import io.fabric8.kubernetes.api.model.NamedCluster;
import io.fabric8.kubernetes.api.model.NamedContext;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.internal.KubeConfigUtils;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Builds fabric8's client {@link Config} for one context of a merged kubeconfig, with fabric8's own
 * kubeconfig machinery (tokens, client certificates, exec plugins, proxy-url), after our fixes:
 * exec plugins located on the login shell's PATH, token files read, and TLS verification on unless
 * the cluster says {@code insecure-skip-tls-verify: true}.
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
        boolean insecure = Boolean.TRUE.equals(cluster.getCluster().getInsecureSkipTlsVerify());
        config.setTrustCerts(insecure);
        config.setDisableHostnameVerification(insecure);
        if (config.getNamespace() == null || config.getNamespace().isBlank()) {
            config.setNamespace("default");
        }
        config.setConnectionTimeout((int) connectTimeout.toMillis());
        user.filter(u -> u.getUser().getExec() != null).ifPresent(u -> requireExecCredential(set, context, u, config));
        return config;
    }

    /** A copy of the user with its exec command made absolute and its token file read. */
    private NamedAuthInfo prepared(KubeconfigSet set, NamedContext context, NamedAuthInfo named) {
        AuthInfo user = new AuthInfoBuilder(named.getUser()).build();
        if (user.getExec() != null && user.getExec().getCommand() != null) {
            Path command = locator.locate(user.getExec().getCommand())
                    .orElseThrow(() -> KubeconfigProblems.execPluginNotFound(set, context, named));
            user.getExec().setCommand(command.toString());
        }
        if ((user.getToken() == null || user.getToken().isBlank()) && user.getTokenFile() != null) {
            user.setToken(readToken(set, context, named, Path.of(user.getTokenFile())));
        }
        NamedAuthInfo copy = new NamedAuthInfo(named.getName(), user);
        named.getAdditionalProperties().forEach(copy::setAdditionalProperty);
        return copy;
    }

    private static String readToken(KubeconfigSet set, NamedContext context, NamedAuthInfo user, Path file) {
        try {
            return Files.readString(file).trim();
        } catch (IOException e) {
            throw KubeconfigProblems.tokenFileUnreadable(set, context, user, file);
        }
    }

    private static void requireExecCredential(KubeconfigSet set, NamedContext context, NamedAuthInfo user,
            Config config) {
        boolean hasToken = config.getAutoOAuthToken() != null && !config.getAutoOAuthToken().isBlank();
        boolean hasCertificate = config.getClientCertData() != null && !config.getClientCertData().isBlank();
        if (!hasToken && !hasCertificate) {
            throw KubeconfigProblems.execPluginGaveNothing(set, context, user);
        }
    }
}
