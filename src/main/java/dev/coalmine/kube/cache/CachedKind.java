package dev.coalmine.kube.cache;

import dev.coalmine.kube.release.ReleaseNames;
import dev.coalmine.kube.engines.EngineApis;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.function.Predicate;

/**
 * A kind of object the {@link ClusterCache} lists and watches once per namespace for every user: what it is
 * called in messages, the collection it is read from (the informer that lists and watches it), and which objects of
 * that collection it is ({@code selects}). Kinds of one collection share its informer: every pod a console reads
 * (a release's canary and baseline pods, a stable Deployment's pods, Argo Rollouts' pods) comes from one
 * namespace-wide pod informer and is picked out in memory, so the number of workloads never adds a LIST or WATCH.
 * The kinds that can also be watched across all namespaces at once ({@link ClusterCache#ALL_NAMESPACES}, a null
 * namespace) make their informer for any namespace then.
 */
public record CachedKind<T extends HasMetadata>(String description, String collection,
                                                BiFunction<KubernetesClient, String, SharedIndexInformer<T>> informer,
                                                Predicate<? super T> selects) {
    /** The label Argo Rollouts puts on its ReplicaSets and pods (DefaultRolloutUniqueLabelKey). */
    public static final String ROLLOUT_HASH = "rollouts-pod-template-hash";

    /** Every object of the collection the informer lists and watches. */
    public CachedKind(String description, BiFunction<KubernetesClient, String, SharedIndexInformer<T>> informer) {
        this(description, description, informer, o -> true);
    }

    /** The objects of this kind's collection that {@code narrower} also selects, called {@code description}. */
    public CachedKind<T> narrowed(String description, Predicate<? super T> narrower) {
        Predicate<? super T> wider = selects;
        return new CachedKind<>(description, collection, informer, o -> wider.test(o) && narrower.test(o));
    }

    /** Whether this kind is all of its collection (nothing to pick out). */
    boolean whole() {
        return description.equals(collection);
    }

    /** Every Deployment: the workload list shows them all, and a release looks at three of them. */
    public static final CachedKind<Deployment> DEPLOYMENTS = new CachedKind<>("Deployments",
            (client, ns) -> client.apps().deployments().inNamespace(ns).runnableInformer(0));
    /** Every pod of the namespace: the one pod collection; the pod kinds below are picked out of it. */
    public static final CachedKind<Pod> PODS = new CachedKind<>("pods",
            (client, ns) -> client.pods().inNamespace(ns).runnableInformer(0));
    /** Only pods Coalmine labelled with a track: the pods of canaries and baselines (and of promoted stables). */
    public static final CachedKind<Pod> TRACK_PODS = PODS.narrowed("release pods",
            pod -> LabelSelectorMatch.labels(pod).containsKey(ReleaseNames.TRACK));
    public static final CachedKind<Event> EVENTS = new CachedKind<>("Events",
            (client, ns) -> client.v1().events().inNamespace(ns).runnableInformer(0));
    /**
     * The ConfigMaps that hold release states, one per workload that ever had a release; also in all namespaces
     * (the releases overview).
     */
    public static final CachedKind<ConfigMap> RELEASE_STATES = new CachedKind<>("release states",
            (client, ns) -> ns == null
                    ? client.configMaps().inAnyNamespace().withLabel(ReleaseNames.STATE_OF).runnableInformer(0)
                    : client.configMaps().inNamespace(ns).withLabel(ReleaseNames.STATE_OF).runnableInformer(0));
    /** The pods {@code selector} selects (a stable Deployment's pods carry no track label). */
    public static CachedKind<Pod> podsSelectedBy(LabelSelector selector) {
        String labels = new TreeMap<>(selector.getMatchLabels() == null ? Map.of() : selector.getMatchLabels()).toString();
        String expressions = selector.getMatchExpressions() == null ? "" : selector.getMatchExpressions().toString();
        return PODS.narrowed("pods selected by " + labels + expressions, pod -> LabelSelectorMatch.matches(selector, pod));
    }

    /** Coalmine's Leases: who drives which release; also in all namespaces (the releases overview). */
    public static final CachedKind<Lease> RELEASE_LEASES = new CachedKind<>("release Leases",
            (client, ns) -> ns == null
                    ? client.leases().inAnyNamespace()
                            .withLabel(ReleaseNames.MANAGED_BY, ReleaseNames.COALMINE).runnableInformer(0)
                    : client.leases().inNamespace(ns)
                            .withLabel(ReleaseNames.MANAGED_BY, ReleaseNames.COALMINE).runnableInformer(0));

    /** Argo Rollouts (argoproj.io/v1alpha1), on clusters that serve them. */
    public static final CachedKind<GenericKubernetesResource> ROLLOUTS = new CachedKind<>("Rollouts",
            (client, ns) -> client.genericKubernetesResources(EngineApis.ROLLOUTS).inNamespace(ns).runnableInformer(0));
    /** Argo AnalysisRuns: the measurements and verdicts of Rollouts' analysis steps. */
    public static final CachedKind<GenericKubernetesResource> ANALYSIS_RUNS = new CachedKind<>("AnalysisRuns",
            (client, ns) -> client.genericKubernetesResources(EngineApis.ANALYSIS_RUNS).inNamespace(ns)
                    .runnableInformer(0));
    /** Flagger Canaries (flagger.app/v1beta1), on clusters that serve them. */
    public static final CachedKind<GenericKubernetesResource> CANARIES = new CachedKind<>("Canaries",
            (client, ns) -> client.genericKubernetesResources(EngineApis.CANARIES).inNamespace(ns).runnableInformer(0));
    /** ReplicaSets the Argo Rollouts controller made: they carry its pod-template-hash label. */
    public static final CachedKind<ReplicaSet> ROLLOUT_REPLICA_SETS = new CachedKind<>("Rollout ReplicaSets",
            (client, ns) -> client.apps().replicaSets().inNamespace(ns).withLabel(ROLLOUT_HASH).runnableInformer(0));
    /** Pods of Argo Rollouts' ReplicaSets. */
    public static final CachedKind<Pod> ROLLOUT_PODS = PODS.narrowed("Rollout pods",
            pod -> LabelSelectorMatch.labels(pod).containsKey(ROLLOUT_HASH));
}

