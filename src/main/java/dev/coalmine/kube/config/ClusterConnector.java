package dev.coalmine.kube.config;

import dev.coalmine.kube.OperatorLog;
import dev.coalmine.kube.RetriedRequests;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.time.Duration;

/**
 * Connects to one context of a kubeconfig: builds the fabric8 client, then checks the server with a
 * {@code /version} call under a short deadline. Failures are {@link KubeconfigException} or
 * {@link ConnectionException} with a message for the operator.
 */
public final class ClusterConnector {
    public static final Duration DEFAULT_VERSION_TIMEOUT = Duration.ofSeconds(5);

    private final ClientConfigFactory configFactory;
    private final VersionProbe versionProbe;
    private final Duration versionTimeout;
    private final OperatorLog log;

    /** The system environment's PATH and login shell, and a 5 second {@code /version} deadline. */
    public ClusterConnector() {
        this(DEFAULT_VERSION_TIMEOUT,
                new ExecCommandLocator(KubeEnvironment.fromSystem().path(), LoginShellPathProbe.fromSystem()));
    }

    public ClusterConnector(Duration versionTimeout, ExecCommandLocator execCommandLocator) {
        this(versionTimeout, execCommandLocator, OperatorLog.of(ClusterConnector.class));
    }

    /** @param log gets one line per connection: context, server, version, user and namespace; never a credential */
    public ClusterConnector(Duration versionTimeout, ExecCommandLocator execCommandLocator, OperatorLog log) {
        this.log = log;
        this.versionTimeout = versionTimeout;
        this.configFactory = new ClientConfigFactory(execCommandLocator, versionTimeout);
        this.versionProbe = new VersionProbe(versionTimeout);
    }

    public ClusterConnection connect(KubeconfigSet set, String contextName) {
        set.requireContexts();
        KubeContext context = set.find(contextName)
                .orElseThrow(() -> KubeconfigProblems.contextNotFound(set, contextName));
        Config config = configFactory.build(set, contextName);
        String serverUrl = withoutTrailingSlash(config.getMasterUrl());
        var problems = new ConnectionProblems(context.name(), userOf(context), serverUrl);
        KubernetesClient client;
        RetriedRequests retries = new RetriedRequests();
        try {
            client = new KubernetesClientBuilder().withConfig(config)
                    .withHttpClientBuilderConsumer(http -> {
                        http.addOrReplaceInterceptor(RetryPacing.NAME, new RetryPacing())
                                .addOrReplaceInterceptor(RetryRecorder.NAME, new RetryRecorder(retries));
                        KubeconfigTrust.applyTo(http, config);
                    })
                    .build();
        } catch (RuntimeException e) {
            throw problems.fromFailure(e, versionTimeout);
        }
        try {
            String version = versionProbe.serverVersion(client, problems);
            log.info("connected to context " + context.name() + " (" + serverUrl + ", Kubernetes " + version
                    + ") as " + userOf(context) + ", namespace " + context.namespace());
            return new ClusterConnection(client, context, version, serverUrl, problems, retries);
        } catch (RuntimeException e) {
            client.close();
            throw e;
        }
    }

    private static String userOf(KubeContext context) {
        return context.user() == null || context.user().isBlank() ? "(anonymous)" : context.user();
    }

    private static String withoutTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
