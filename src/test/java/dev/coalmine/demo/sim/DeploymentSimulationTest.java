package dev.coalmine.demo.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DeploymentSimulationTest {
    private EmptyDemoCluster server;
    private ClusterSimulation simulation;
    private KubernetesClient client;

    @BeforeEach
    void start() {
        server = new EmptyDemoCluster();
        client = server.client();
        simulation = new ClusterSimulation(SimulationSettings.fast());
        simulation.start(client);
    }

    @AfterEach
    void stop() {
        simulation.close();
        server.close();
    }

    @Test
    void aDeploymentBecomesFourOfFourAvailableWithStatusAndEvents() {
        client.resource(Manifests.web("registry.example/web:1.0")).create();

        awaitComplete("web", 4);
        Deployment web = deployment("web");
        assertThat(web.getStatus().getObservedGeneration()).isEqualTo(web.getMetadata().getGeneration());
        assertThat(web.getStatus().getReplicas()).isEqualTo(4);
        assertThat(web.getStatus().getReadyReplicas()).isEqualTo(4);
        assertThat(web.getStatus().getUnavailableReplicas()).isNull();
        assertThat(condition(web, "Available").getStatus()).isEqualTo("True");
        assertThat(web.getMetadata().getAnnotations()).containsEntry("deployment.kubernetes.io/revision", "1");

        List<ReplicaSet> replicaSets = replicaSetsOf(web);
        assertThat(replicaSets).hasSize(1);
        ReplicaSet rs = replicaSets.get(0);
        String hash = rs.getMetadata().getLabels().get("pod-template-hash");
        assertThat(rs.getMetadata().getName()).isEqualTo("web-" + hash);
        assertThat(rs.getSpec().getSelector().getMatchLabels()).containsEntry("pod-template-hash", hash).containsEntry("app", "web");
        assertThat(rs.getMetadata().getAnnotations()).containsEntry("deployment.kubernetes.io/revision", "1");
        assertThat(rs.getStatus().getReplicas()).isEqualTo(4);
        assertThat(rs.getStatus().getAvailableReplicas()).isEqualTo(4);
        assertThat(rs.getStatus().getFullyLabeledReplicas()).isEqualTo(4);
        assertThat(rs.getStatus().getObservedGeneration()).isEqualTo(rs.getMetadata().getGeneration());
        assertThat(condition(web, "Progressing").getMessage()).isEqualTo("ReplicaSet \"" + rs.getMetadata().getName()
                + "\" has successfully progressed.");

        List<Pod> pods = podsOf(rs);
        assertThat(pods).hasSize(4).allSatisfy(pod -> {
            assertThat(pod.getMetadata().getName()).matches("web-" + hash + "-[bcdfghjklmnpqrstvwxz2456789]{5}");
            assertThat(pod.getSpec().getNodeName()).startsWith("demo-node-");
            assertThat(pod.getStatus().getPhase()).isEqualTo("Running");
            assertThat(pod.getStatus().getPodIP()).startsWith("10.244.");
            assertThat(pod.getStatus().getConditions()).extracting(c -> c.getType() + "=" + c.getStatus())
                    .contains("PodScheduled=True", "Initialized=True", "ContainersReady=True", "Ready=True");
            var container = pod.getStatus().getContainerStatuses().get(0);
            assertThat(container.getReady()).isTrue();
            assertThat(container.getRestartCount()).isZero();
            assertThat(container.getImageID()).startsWith("registry.example/web@sha256:");
            assertThat(container.getState().getRunning()).isNotNull();
        });
        assertThat(client.nodes().list().getItems()).hasSize(3);

        Await.until("the kubelet events of every pod", () -> events().stream()
                .filter(e -> "Started".equals(e.getReason())).count() == 4);
        List<Event> events = events();
        assertThat(events).anySatisfy(e -> {
            assertThat(e.getReason()).isEqualTo("ScalingReplicaSet");
            assertThat(e.getSource().getComponent()).isEqualTo("deployment-controller");
            assertThat(e.getMessage()).isEqualTo("Scaled up replica set " + rs.getMetadata().getName() + " from 0 to 4");
            assertThat(e.getInvolvedObject().getKind()).isEqualTo("Deployment");
        });
        assertThat(events).filteredOn(e -> "SuccessfulCreate".equals(e.getReason())).hasSize(4)
                .allSatisfy(e -> assertThat(e.getSource().getComponent()).isEqualTo("replicaset-controller"));
        assertThat(events).filteredOn(e -> "Scheduled".equals(e.getReason())).hasSize(4)
                .allSatisfy(e -> assertThat(e.getSource().getComponent()).isEqualTo("default-scheduler"));
        for (String reason : List.of("Pulling", "Pulled", "Created", "Started")) {
            assertThat(events).filteredOn(e -> reason.equals(e.getReason())).hasSize(4).allSatisfy(e -> {
                assertThat(e.getSource().getComponent()).isEqualTo("kubelet");
                assertThat(e.getSource().getHost()).startsWith("demo-node-");
                assertThat(e.getInvolvedObject().getFieldPath()).isEqualTo("spec.containers{app}");
                assertThat(e.getCount()).isEqualTo(1);
                assertThat(e.getFirstTimestamp()).isNotNull().isEqualTo(e.getLastTimestamp());
            });
        }
    }

    @Test
    void aRollingUpdateRespectsMaxSurgeAndMaxUnavailableAtEveryStep() throws Exception {
        client.resource(Manifests.deployment("web", 4, "registry.example/web:1.0", Map.of("app", "web"))
                .editSpec().editStrategy().editRollingUpdate()
                .withMaxSurge(new IntOrString(1)).withMaxUnavailable(new IntOrString(1))
                .endRollingUpdate().endStrategy().endSpec().build()).create();
        awaitComplete("web", 4);

        List<String> violations = new CopyOnWriteArrayList<>();
        AtomicBoolean watching = new AtomicBoolean(true);
        Thread observer = new Thread(() -> {
            while (watching.get()) {
                List<ReplicaSet> replicaSets = replicaSetsOf(deployment("web"));
                int specTotal = replicaSets.stream().mapToInt(rs -> rs.getSpec().getReplicas()).sum();
                List<Pod> pods = replicaSets.stream().flatMap(rs -> podsOf(rs).stream()).toList();
                long ready = pods.stream().filter(PodReadiness::isReady).count();
                if (specTotal > 5 || pods.size() > 5 || ready < 3) {
                    violations.add("replicas " + specTotal + ", pods " + pods.size() + ", ready " + ready);
                }
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        observer.start();
        client.apps().deployments().inNamespace("default").withName("web")
                .edit(d -> { d.getSpec().getTemplate().getSpec().getContainers().get(0).setImage("registry.example/web:2.0"); return d; });
        Await.until("the rollout to 2.0", () -> {
            Deployment web = deployment("web");
            return "2".equals(web.getMetadata().getAnnotations().get("deployment.kubernetes.io/revision"))
                    && isComplete(web, 4);
        });
        watching.set(false);
        observer.join();

        assertThat(violations).isEmpty();
        List<ReplicaSet> replicaSets = replicaSetsOf(deployment("web"));
        assertThat(replicaSets).hasSize(2);
        ReplicaSet newRs = replicaSets.stream().filter(rs -> DeploymentController.revisionOf(rs) == 2).findFirst().orElseThrow();
        ReplicaSet oldRs = replicaSets.stream().filter(rs -> DeploymentController.revisionOf(rs) == 1).findFirst().orElseThrow();
        assertThat(newRs.getSpec().getReplicas()).isEqualTo(4);
        // The ReplicaSet's status is written on the controller's next pass after the Deployment's.
        Await.until("the new ReplicaSet's status to show 4 available", () -> {
            ReplicaSet current = client.apps().replicaSets().inNamespace(newRs.getMetadata().getNamespace())
                    .withName(newRs.getMetadata().getName()).get();
            return current.getStatus() != null && Integer.valueOf(4).equals(current.getStatus().getAvailableReplicas());
        });
        assertThat(oldRs.getSpec().getReplicas()).isZero();
        Await.until("the old pods to be gone", () -> podsOf(oldRs).isEmpty());
        assertThat(podsOf(newRs)).hasSize(4).allSatisfy(p ->
                assertThat(p.getSpec().getContainers().get(0).getImage()).isEqualTo("registry.example/web:2.0"));
        Await.until("Killing events for the old pods", () -> events().stream().anyMatch(e -> "Killing".equals(e.getReason())));
        assertThat(events()).filteredOn(e -> "ScalingReplicaSet".equals(e.getReason()))
                .extracting(Event::getMessage).contains("Scaled down replica set " + oldRs.getMetadata().getName() + " from 1 to 0");
    }

    @Test
    void anUnpullableImageExceedsTheProgressDeadline() {
        client.resource(Manifests.deployment("web", 4, "registry.example/web:1.0", Map.of("app", "web"))
                .editSpec().withProgressDeadlineSeconds(3).endSpec().build()).create();
        awaitComplete("web", 4);

        client.apps().deployments().inNamespace("default").withName("web")
                .edit(d -> { d.getSpec().getTemplate().getSpec().getContainers().get(0).setImage("registry.example/does-not-exist:2.0"); return d; });

        Await.until("ProgressDeadlineExceeded", () -> "ProgressDeadlineExceeded".equals(condition(deployment("web"), "Progressing").getReason()));
        Deployment web = deployment("web");
        assertThat(condition(web, "Progressing").getStatus()).isEqualTo("False");
        assertThat(condition(web, "Progressing").getMessage()).endsWith("has timed out progressing.");
        assertThat(web.getStatus().getAvailableReplicas()).isEqualTo(3);
        assertThat(condition(web, "Available").getStatus()).isEqualTo("True");
        Await.until("ImagePullBackOff events", () -> events().stream().anyMatch(e -> "Failed".equals(e.getReason())
                && "Error: ImagePullBackOff".equals(e.getMessage())));
        List<Event> events = events();
        assertThat(events).anySatisfy(e -> {
            assertThat(e.getReason()).isEqualTo("Failed");
            assertThat(e.getMessage()).isEqualTo("Error: ErrImagePull");
            assertThat(e.getType()).isEqualTo("Warning");
        });
        assertThat(events).anySatisfy(e -> assertThat(e.getReason()).isEqualTo("BackOff"));
        ReplicaSet newRs = replicaSetsOf(web).stream().filter(rs -> DeploymentController.revisionOf(rs) == 2).findFirst().orElseThrow();
        assertThat(podsOf(newRs)).isNotEmpty().allSatisfy(p -> {
            assertThat(p.getStatus().getPhase()).isEqualTo("Pending");
            assertThat(p.getStatus().getContainerStatuses().get(0).getState().getWaiting().getReason())
                    .isIn("ErrImagePull", "ImagePullBackOff");
            assertThat(PodReadiness.isReady(p)).isFalse();
        });
    }

    @Test
    void aCrashloopImageRestartsWithGrowingCountsAndNeverStaysReady() {
        client.resource(Manifests.deployment("worker", 2, "registry.example/crashloop:1.0", Map.of("app", "worker")).build()).create();

        List<String> waitingReasons = new ArrayList<>();
        Await.until("three restarts", () -> {
            List<Pod> pods = client.pods().inNamespace("default").withLabel("app", "worker").list().getItems();
            pods.stream().filter(p -> p.getStatus() != null && !p.getStatus().getContainerStatuses().isEmpty())
                    .map(p -> p.getStatus().getContainerStatuses().get(0).getState().getWaiting())
                    .filter(w -> w != null).forEach(w -> waitingReasons.add(w.getReason()));
            assertThat(pods).noneMatch(PodReadiness::isReady);
            return pods.size() == 2 && pods.stream().allMatch(p -> p.getStatus() != null
                    && !p.getStatus().getContainerStatuses().isEmpty()
                    && p.getStatus().getContainerStatuses().get(0).getRestartCount() >= 3);
        });
        assertThat(waitingReasons).contains("CrashLoopBackOff");
        Pod pod = client.pods().inNamespace("default").withLabel("app", "worker").list().getItems().get(0);
        var terminated = pod.getStatus().getContainerStatuses().get(0).getLastState().getTerminated();
        assertThat(terminated.getExitCode()).isEqualTo(1);
        assertThat(terminated.getReason()).isEqualTo("Error");
        assertThat(pod.getStatus().getPhase()).isEqualTo("Running");
        assertThat(deployment("worker").getStatus().getAvailableReplicas()).isNull();
        assertThat(events()).anySatisfy(e -> {
            assertThat(e.getReason()).isEqualTo("BackOff");
            assertThat(e.getMessage()).startsWith("Back-off restarting failed container app in pod " + pod.getMetadata().getName());
        });
        assertThat(events()).filteredOn(e -> "Started".equals(e.getReason())
                && e.getInvolvedObject().getName().equals(pod.getMetadata().getName()))
                .singleElement().satisfies(e -> assertThat(e.getCount()).isGreaterThanOrEqualTo(3));
    }

    @Test
    void overlappingSelectorsNeverAdoptEachOthersReplicaSetsOrPods() {
        client.resource(Manifests.deployment("web", 3, "registry.example/web:1.0", Map.of("app", "web")).build()).create();
        client.resource(Manifests.deployment("web-canary", 1, "registry.example/web:2.0",
                Map.of("app", "web", "coalmine.dev/track", "canary")).build()).create();

        awaitComplete("web", 3);
        awaitComplete("web-canary", 1);
        assertThat(client.pods().inNamespace("default").withLabel("app", "web").list().getItems()).hasSize(4);
        assertThat(replicaSetsOf(deployment("web"))).singleElement().satisfies(rs -> assertThat(podsOf(rs)).hasSize(3));
        assertThat(replicaSetsOf(deployment("web-canary"))).singleElement().satisfies(rs -> assertThat(podsOf(rs)).hasSize(1));

        client.apps().deployments().inNamespace("default").withName("web-canary").delete();
        Await.until("the canary's ReplicaSet and pod to be collected", () ->
                client.pods().inNamespace("default").withLabel("coalmine.dev/track", "canary").list().getItems().isEmpty()
                        && client.apps().replicaSets().inNamespace("default").withLabel("coalmine.dev/track", "canary")
                        .list().getItems().isEmpty());
        assertThat(client.pods().inNamespace("default").withLabel("app", "web").list().getItems()).hasSize(3);
        assertThat(isComplete(deployment("web"), 3)).isTrue();
    }

    @Test
    void recreateStopsEveryOldPodBeforeStartingNewOnesAndScalingFollowsReplicas() {
        client.resource(Manifests.deployment("api", 2, "registry.example/api:1.0", Map.of("app", "api"))
                .editSpec().withNewStrategy().withType("Recreate").endStrategy().withRevisionHistoryLimit(0).endSpec().build()).create();
        awaitComplete("api", 2);

        List<String> mixed = new CopyOnWriteArrayList<>();
        client.apps().deployments().inNamespace("default").withName("api")
                .edit(d -> { d.getSpec().getTemplate().getSpec().getContainers().get(0).setImage("registry.example/api:2.0"); return d; });
        Await.until("the recreated pods", () -> {
            List<Pod> pods = client.pods().inNamespace("default").withLabel("app", "api").list().getItems();
            if (pods.stream().map(p -> p.getSpec().getContainers().get(0).getImage()).distinct().count() > 1) {
                mixed.add(pods.toString());
            }
            return isComplete(deployment("api"), 2) && pods.size() == 2
                    && pods.stream().allMatch(p -> p.getSpec().getContainers().get(0).getImage().endsWith("2.0"));
        });
        assertThat(mixed).isEmpty();
        Await.until("the old ReplicaSet to be pruned (revisionHistoryLimit 0)", () -> replicaSetsOf(deployment("api")).size() == 1);

        client.apps().deployments().inNamespace("default").withName("api").scale(5);
        awaitComplete("api", 5);
        client.apps().deployments().inNamespace("default").withName("api").scale(1);
        awaitComplete("api", 1);
        Await.until("one pod left", () -> client.pods().inNamespace("default").withLabel("app", "api").list().getItems().size() == 1);
    }

    private void awaitComplete(String name, int replicas) {
        Await.until(name + " to be " + replicas + "/" + replicas + " available", () -> isComplete(deployment(name), replicas));
    }

    /** As {@code kubectl rollout status} judges it: a status about the current spec, every replica updated and available. */
    private static boolean isComplete(Deployment d, int replicas) {
        var status = d.getStatus();
        DeploymentCondition progressing = condition(d, "Progressing");
        return status != null && status.getObservedGeneration() != null
                && status.getObservedGeneration() >= d.getMetadata().getGeneration()
                && Integer.valueOf(replicas).equals(status.getAvailableReplicas())
                && Integer.valueOf(replicas).equals(status.getUpdatedReplicas())
                && Integer.valueOf(replicas).equals(status.getReplicas())
                && progressing != null && "NewReplicaSetAvailable".equals(progressing.getReason());
    }

    private Deployment deployment(String name) {
        return client.apps().deployments().inNamespace("default").withName(name).get();
    }

    private List<ReplicaSet> replicaSetsOf(Deployment d) {
        return client.apps().replicaSets().inNamespace("default").list().getItems().stream()
                .filter(rs -> Owners.isControlledBy(rs, d)).toList();
    }

    private List<Pod> podsOf(ReplicaSet rs) {
        return client.pods().inNamespace("default").list().getItems().stream()
                .filter(p -> Owners.isControlledBy(p, rs)).toList();
    }

    private List<Event> events() {
        return client.v1().events().inNamespace("default").list().getItems();
    }

    private static DeploymentCondition condition(Deployment d, String type) {
        if (d.getStatus() == null || d.getStatus().getConditions() == null) {
            return null;
        }
        return d.getStatus().getConditions().stream().filter(c -> type.equals(c.getType())).findFirst().orElse(null);
    }
}
