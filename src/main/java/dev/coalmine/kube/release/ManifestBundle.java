package dev.coalmine.kube.release;

import dev.coalmine.core.CoalmineException;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesList;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** A manifest file's objects: exactly one Deployment, plus the ConfigMaps and Secrets it brings along. */
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

    public static ManifestBundle parse(String yaml, String expectedDeployment, KubernetesSerialization serialization) {
        Object parsed;
        try {
            parsed = serialization.unmarshal(yaml);
        } catch (RuntimeException e) {
            throw new CoalmineException("the manifest file is not valid Kubernetes YAML: " + e.getMessage(), e);
        }
        List<Object> objects = new ArrayList<>();
        if (parsed instanceof List<?> list) {
            objects.addAll(list);
        } else if (parsed instanceof KubernetesList list) {
            objects.addAll(list.getItems());
        } else if (parsed != null) {
            objects.add(parsed);
        }
        List<Deployment> deployments = new ArrayList<>();
        List<ConfigMap> configMaps = new ArrayList<>();
        List<Secret> secrets = new ArrayList<>();
        for (Object o : objects) {
            if (o instanceof Deployment d) {
                deployments.add(d);
            } else if (o instanceof ConfigMap c) {
                configMaps.add(c);
            } else if (o instanceof Secret s) {
                secrets.add(s);
            } else if (o != null) {
                String kind = o instanceof HasMetadata h ? h.getKind() : o.getClass().getSimpleName();
                throw new CoalmineException("the manifest file may hold a Deployment, ConfigMaps and Secrets only; "
                        + "it also holds a " + kind);
            }
        }
        if (deployments.size() != 1) {
            throw new CoalmineException("the manifest file must hold exactly one Deployment, it holds "
                    + deployments.size());
        }
        String name = deployments.get(0).getMetadata().getName();
        if (!expectedDeployment.equals(name)) {
            throw new CoalmineException("the manifest file's Deployment is named " + name + ", but the release is for "
                    + expectedDeployment + ": use the same name");
        }
        return new ManifestBundle(deployments.get(0), List.copyOf(configMaps), List.copyOf(secrets));
    }
}
