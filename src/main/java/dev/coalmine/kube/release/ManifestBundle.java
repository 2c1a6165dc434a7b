package dev.coalmine.kube.release;

import dev.coalmine.core.CoalmineException;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesList;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** What a release takes from a manifest file: the named Deployment, plus the ConfigMaps and Secrets it uses. */
record ManifestBundle(Deployment deployment, List<ConfigMap> configMaps, List<Secret> secrets) {
    /** On a Secret of a stored manifest: its keys, comma-separated (the values are not there). */
    static final String SECRET_KEYS = "coalmine.dev/secret-keys";
    /** On a Secret of a stored manifest: the Secret that holds its data. */
    static final String SECRET_DATA_IN = "coalmine.dev/secret-data-in";

    /**
     * This manifest as it may be stored where others can read it: each Secret keeps its name, labels, annotations
     * and type, names its keys and the Secret {@code keptIn} that holds the data, and loses the data.
     */
    public ManifestBundle withoutSecretData(String keptIn) {
        List<Secret> redacted = secrets.stream().map(s -> new SecretBuilder(s).withData(null).withStringData(null)
                .editOrNewMetadata().addToAnnotations(SECRET_KEYS, keys(s)).addToAnnotations(SECRET_DATA_IN, keptIn)
                .endMetadata().build()).toList();
        return new ManifestBundle(deployment, configMaps, redacted);
    }

    /** The objects as one multi-document YAML text that {@link #parse} reads back. */
    public String toYaml(KubernetesSerialization serialization) {
        return Stream.concat(Stream.concat(configMaps.stream(), secrets.stream()), Stream.of(deployment))
                .map(serialization::asYaml).map(y -> y.startsWith("---") ? y : "---\n" + y)
                .collect(Collectors.joining());
    }

    private static String keys(Secret s) {
        TreeSet<String> keys = new TreeSet<>();
        if (s.getData() != null) {
            keys.addAll(s.getData().keySet());
        }
        if (s.getStringData() != null) {
            keys.addAll(s.getStringData().keySet());
        }
        return String.join(",", keys);
    }

    /** The manifest's Deployment named {@code expectedDeployment} and the ConfigMaps and Secrets it uses. */
    public static ManifestBundle parse(String yaml, String expectedDeployment, KubernetesSerialization serialization) {
        return select(yaml, expectedDeployment, serialization).bundle();
    }

    /** What a release of {@code deployment} takes from a manifest file as it comes, and what it leaves alone. */
    record Selection(ManifestBundle bundle, List<String> ignored) {
    }

    /**
     * Picks the Deployment named {@code deployment} and the ConfigMaps and Secrets its pod template uses; everything
     * else (Services, ServiceAccounts, HPAs, other Deployments, unused config) is ignored, by kind and name.
     */
    static Selection select(String yaml, String deployment, KubernetesSerialization serialization) {
        List<HasMetadata> objects = objects(yaml, serialization);
        List<Deployment> named = objects.stream().filter(o -> o instanceof Deployment && deployment.equals(name(o)))
                .map(Deployment.class::cast).toList();
        if (named.size() != 1) {
            List<String> deployments = objects.stream().filter(Deployment.class::isInstance).map(ManifestBundle::name)
                    .toList();
            throw new CoalmineException(named.isEmpty()
                    ? "the manifest file holds no Deployment named " + deployment
                            + (deployments.isEmpty() ? "" : " (its Deployments: " + String.join(", ", deployments) + ")")
                    : "the manifest file holds " + named.size() + " Deployments named " + deployment);
        }
        PodSpec pod = named.get(0).getSpec() == null || named.get(0).getSpec().getTemplate() == null ? new PodSpec()
                : named.get(0).getSpec().getTemplate().getSpec();
        ConfigReferences uses = ConfigReferences.of(pod == null ? new PodSpec() : pod);
        List<ConfigMap> configMaps = new ArrayList<>();
        List<Secret> secrets = new ArrayList<>();
        List<String> ignored = new ArrayList<>();
        for (HasMetadata o : objects) {
            if (o instanceof ConfigMap c && uses.configMaps().contains(name(c))) {
                configMaps.add(c);
            } else if (o instanceof Secret s && uses.secrets().contains(name(s))) {
                secrets.add(s);
            } else if (o != named.get(0)) {
                ignored.add(o.getKind() + " " + name(o) + (o instanceof ConfigMap || o instanceof Secret
                        ? " (not used by " + deployment + ")" : ""));
            }
        }
        return new Selection(new ManifestBundle(named.get(0), List.copyOf(configMaps), List.copyOf(secrets)),
                List.copyOf(ignored));
    }

    private static List<HasMetadata> objects(String yaml, KubernetesSerialization serialization) {
        List<Object> all = new ArrayList<>();
        for (KubernetesResource parsed : ManifestYaml.objects(yaml, serialization)) {
            if (parsed instanceof KubernetesList list) {
                all.addAll(list.getItems());
            } else {
                all.add(parsed);
            }
        }
        List<HasMetadata> objects = new ArrayList<>();
        for (Object o : all) {
            if (o instanceof HasMetadata h) {
                objects.add(h);
            } else if (o != null) {
                throw new CoalmineException("the manifest file holds a document that is no Kubernetes object: "
                        + o.getClass().getSimpleName());
            }
        }
        return objects;
    }

    private static String name(HasMetadata o) {
        return o.getMetadata() == null ? null : o.getMetadata().getName();
    }
}
