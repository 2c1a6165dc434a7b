package dev.coalmine.kube.release;

import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReviewStatus;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.fabric8.kubernetes.api.model.apps.DeploymentConditionBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.fabric8.kubernetes.client.NamespacedKubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.util.Queue;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Until the demo cluster lands: fabric8's mock API server (CRUD, over HTTP on 127.0.0.1) plus a tiny rollout
 * controller that sets Deployment status like kube-controller-manager would (pods ready once the spec is seen;
 * an image containing "does-not-exist" never becomes ready and reports ProgressDeadlineExceeded), and
 * SelfSubjectAccessReview answers that allow everything except {@link #deny}.
 */
public final class MockCluster implements AutoCloseable {
    public final KubernetesMockServer server;
    public final NamespacedKubernetesClient client;
    private final Set<String> denied = ConcurrentHashMap.newKeySet();
    private volatile boolean failStableRollouts;
    private final ScheduledExecutorService controller = Executors.newSingleThreadScheduledExecutor();

    /** The mock web server logs every request at INFO through java.util.logging; keep the test output readable. */
    private static final java.util.logging.Logger QUIET = quiet();

    public MockCluster() {
        Map<ServerRequest, Queue<ServerResponse>> expectations = new HashMap<>();
        server = new KubernetesMockServer(new Context(), new MockWebServer(), expectations,
                new KubernetesMixedDispatcher(expectations), false);
        try {
            server.init(InetAddress.getByName("127.0.0.1"), 0);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
        client = server.createClient();
        server.expect().post().withPath("/apis/authorization.k8s.io/v1/selfsubjectaccessreviews")
                .andReply(201, this::review).always();
        controller.scheduleWithFixedDelay(this::reconcile, 0, 40, TimeUnit.MILLISECONDS);
    }

    /** e.g. {@code deny("create deployments.apps")}. */
    public void deny(String permission) {
        denied.add(permission);
    }

    /** From now on a stable pod template labelled by a promotion never becomes ready (a failing primary rollout). */
    public void failStableRollouts() {
        failStableRollouts = true;
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

    private Object review(RecordedRequest request) {
        SelfSubjectAccessReview review = client.getKubernetesSerialization()
                .unmarshal(request.getUtf8Body(), SelfSubjectAccessReview.class);
        var attrs = review.getSpec().getResourceAttributes();
        String group = attrs.getGroup() == null || attrs.getGroup().isEmpty() ? "" : "." + attrs.getGroup();
        boolean allowed = !denied.contains(attrs.getVerb() + " " + attrs.getResource() + group);
        review.setStatus(new SubjectAccessReviewStatus(allowed, false, null, allowed ? "" : "denied by test"));
        return review;
    }

    private void reconcile() {
        try {
            for (Deployment d : client.apps().deployments().inAnyNamespace().list().getItems()) {
                DeploymentStatus wanted = statusFor(d);
                if (!Objects.equals(wanted, d.getStatus())) {
                    d.setStatus(wanted);
                    client.apps().deployments().inNamespace(d.getMetadata().getNamespace()).resource(d).updateStatus();
                }
            }
        } catch (RuntimeException e) {
            // the next round sees the newest objects
        }
    }

    private DeploymentStatus statusFor(Deployment d) {
        int replicas = d.getSpec().getReplicas() == null ? 1 : d.getSpec().getReplicas();
        long generation = d.getMetadata().getGeneration() == null ? 1 : d.getMetadata().getGeneration();
        boolean broken = d.getSpec().getTemplate().getSpec().getContainers().stream()
                .anyMatch(c -> c.getImage().contains("does-not-exist"))
                || failStableRollouts && "stable".equals(d.getSpec().getTemplate().getMetadata().getLabels()
                        .get("coalmine.dev/track"));
        if (broken) {
            DeploymentCondition stuck = new DeploymentConditionBuilder().withType("Progressing").withStatus("False")
                    .withReason("ProgressDeadlineExceeded")
                    .withMessage("ReplicaSet has timed out progressing (ImagePullBackOff)").build();
            return new DeploymentStatusBuilder().withObservedGeneration(generation).withReplicas(replicas)
                    .withUpdatedReplicas(replicas).withReadyReplicas(0).withAvailableReplicas(0)
                    .withUnavailableReplicas(replicas).withConditions(List.of(stuck)).build();
        }
        return new DeploymentStatusBuilder().withObservedGeneration(generation).withReplicas(replicas)
                .withUpdatedReplicas(replicas).withReadyReplicas(replicas).withAvailableReplicas(replicas).build();
    }

    @Override
    public void close() {
        controller.shutdownNow();
        try {
            controller.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        client.close();
        server.destroy();
    }

    private static java.util.logging.Logger quiet() {
        java.util.logging.Logger logger = java.util.logging.Logger.getLogger("io.fabric8.mockwebserver");
        logger.setLevel(java.util.logging.Level.WARNING);
        return logger;
    }
}
