package dev.coalmine.kube.release;

import dev.coalmine.testing.WatchSafeMixedDispatcher;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReviewStatus;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.NamespacedKubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HashMap;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * fabric8's plain mock API server (CRUD, over HTTP on 127.0.0.1) with {@link InstantRollouts} and
 * SelfSubjectAccessReview answers that allow everything except {@link #deny}: fast, and lets tests inject
 * responses (e.g. a dry-run refusal). The demo cluster tests cover the real-like server.
 */
public final class MockCluster implements AutoCloseable {
    public final KubernetesMockServer server;
    public final NamespacedKubernetesClient client;
    private final Set<String> denied = ConcurrentHashMap.newKeySet();
    private final java.util.concurrent.atomic.AtomicInteger accessReviews = new java.util.concurrent.atomic.AtomicInteger();
    private final InstantRollouts rollouts = new InstantRollouts();
    private final SelfSubjectReviewAnswers whoami = new SelfSubjectReviewAnswers();

    /** The mock web server logs every request at INFO through java.util.logging; keep the test output readable. */
    private static final java.util.logging.Logger QUIET = quiet();

    public MockCluster() {
        Map<ServerRequest, Queue<ServerResponse>> expectations = new HashMap<>();
        server = new KubernetesMockServer(new Context(), new MockWebServer(), expectations,
                new WatchSafeMixedDispatcher(expectations), false);
        try {
            server.init(InetAddress.getByName("127.0.0.1"), 0);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
        client = server.createClient();
        server.expect().post().withPath("/apis/authorization.k8s.io/v1/selfsubjectaccessreviews")
                .andReply(201, this::review).always();
        server.expect().post().withPath(SelfSubjectReviewAnswers.PATH).andReply(whoami).always();
        rollouts.start(client);
    }

    /** From now on SelfSubjectReviews are served and report {@code username}; until then they are not (404). */
    public void authenticateAs(String username) {
        whoami.authenticateAs(username);
    }

    /** e.g. {@code deny("create deployments.apps")}. */
    public void deny(String permission) {
        denied.add(permission);
    }

    /** From now on a stable pod template labelled by a promotion never becomes ready (a failing primary rollout). */
    public void failStableRollouts() {
        rollouts.failStableRollouts();
    }

    public Deployment createStable(String ns, String name, int replicas, String image) {
        return client.apps().deployments().inNamespace(ns).resource(new DeploymentBuilder()
                .withNewMetadata().withName(name).withNamespace(ns).addToLabels("app", name).endMetadata()
                .withNewSpec().withReplicas(replicas).withNewSelector().addToMatchLabels("app", name).endSelector()
                .withNewTemplate().withNewMetadata().addToLabels("app", name).addToLabels("tier", "web").endMetadata()
                .withNewSpec().addNewContainer().withName("web").withImage(image).endContainer().endSpec()
                .endTemplate().endSpec().build()).create();
    }

    public Deployment deployment(String ns, String name) {
        return client.apps().deployments().inNamespace(ns).withName(name).get();
    }

    /** How many SelfSubjectAccessReviews were answered so far. */
    public int accessReviews() {
        return accessReviews.get();
    }

    private Object review(RecordedRequest request) {
        accessReviews.incrementAndGet();
        SelfSubjectAccessReview review = client.getKubernetesSerialization()
                .unmarshal(request.getUtf8Body(), SelfSubjectAccessReview.class);
        var attrs = review.getSpec().getResourceAttributes();
        String group = attrs.getGroup() == null || attrs.getGroup().isEmpty() ? "" : "." + attrs.getGroup();
        boolean allowed = !denied.contains(attrs.getVerb() + " " + attrs.getResource() + group);
        review.setStatus(new SubjectAccessReviewStatus(allowed, false, null, allowed ? "" : "denied by test"));
        return review;
    }

    @Override
    public void close() {
        rollouts.close();
        client.close();
        server.destroy();
    }

    private static java.util.logging.Logger quiet() {
        java.util.logging.Logger logger = java.util.logging.Logger.getLogger("io.fabric8.mockwebserver");
        logger.setLevel(java.util.logging.Level.WARNING);
        return logger;
    }
}
