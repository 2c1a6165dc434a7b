package dev.coalmine.testing;

import dev.coalmine.demo.DemoCluster;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Unique secret values planted where a user keeps credentials — a kubeconfig's bearer token (the demo cluster's own,
 * so that the planted kubeconfig works) and client key,
 * Prometheus credentials in {@code COALMINE_PROMETHEUS_*}, a Secret in a release manifest — and a scan of any text
 * Coalmine shows or stores for them (as written, and base64-encoded as Kubernetes stores Secret data).
 */
public final class SecretMarkers {
    private final Config demo;
    private final String prometheusToken = marker("prometheus-token");
    private final String prometheusPassword = marker("prometheus-password");
    private final String manifestSecret = marker("manifest-secret");
    private final ClientKey clientKey;
    private final Map<String, String> needles = new LinkedHashMap<>();
    private final List<String> hits = new ArrayList<>();
    private int placesScanned;

    private SecretMarkers(ClientKey clientKey, Config demo) {
        this.clientKey = clientKey;
        this.demo = demo;
        needle("kubeconfig token", demo.getOauthToken());
        needle("Prometheus token", prometheusToken);
        needle("Prometheus password", prometheusPassword);
        needle("manifest Secret value", manifestSecret);
        clientKey.fragments().forEach(fragment -> needles.put(fragment, "client key"));
    }

    /**
     * New markers for {@code cluster}, with a fresh client key and certificate made by the JDK's keytool in
     * {@code dir}.
     */
    public static SecretMarkers create(Path dir, DemoCluster cluster) {
        return new SecretMarkers(ClientKey.generate(dir), cluster.clientConfig());
    }

    /**
     * A kubeconfig with one context, {@code planted}, on the demo cluster: user {@code ana} with the token and the
     * client certificate and key, namespace {@code namespace}.
     */
    public String kubeconfig(String namespace) {
        return """
                apiVersion: v1
                kind: Config
                current-context: planted
                clusters:
                - name: planted
                  cluster: {server: "%s", certificate-authority-data: %s}
                contexts:
                - name: planted
                  context: {cluster: planted, user: ana, namespace: %s}
                users:
                - name: ana
                  user:
                    token: %s
                    client-certificate-data: %s
                    client-key-data: %s
                """.formatted(demo.getMasterUrl(), demo.getCaCertData(), namespace, demo.getOauthToken(),
                clientKey.certificateData(), clientKey.keyData());
    }

    /** The Prometheus credentials as the CLI and the console read them from the environment. */
    public Map<String, String> prometheusEnvironment() {
        return Map.of("COALMINE_PROMETHEUS_TOKEN", prometheusToken, "COALMINE_PROMETHEUS_USER", "prometheus-reader",
                "COALMINE_PROMETHEUS_PASSWORD", prometheusPassword);
    }

    /** A Secret {@code name} holding the marker under key {@code key} (as stringData), as a manifest document. */
    public String manifestSecret(String name, String key) {
        return """
                apiVersion: v1
                kind: Secret
                metadata: {name: %s}
                stringData: {%s: %s}
                """.formatted(name, key, manifestSecret);
    }

    /** Scans one place (an output, an object, a screen); returns the markers found there. */
    public synchronized List<String> scan(String place, String text) {
        placesScanned++;
        List<String> found = find(text).stream().map(what -> what + " in " + place).toList();
        hits.addAll(found);
        return found;
    }

    /** Which markers {@code text} holds, without counting it as a place scanned. */
    public List<String> find(String text) {
        return needles.entrySet().stream().filter(n -> text.contains(n.getKey())).map(Map.Entry::getValue).toList();
    }

    /**
     * Scans every object of the kinds Coalmine writes or reports through, in every namespace: Events, ConfigMaps (its
     * release state among them), Deployments, ReplicaSets, Pods and Leases (Secrets hold secrets by design). Returns
     * how many objects of each kind it scanned.
     */
    public Map<String, Integer> scanCluster(KubernetesClient client) {
        Map<String, List<? extends HasMetadata>> kinds = new LinkedHashMap<>();
        kinds.put("Events", client.v1().events().inAnyNamespace().list().getItems());
        kinds.put("ConfigMaps", client.configMaps().inAnyNamespace().list().getItems());
        kinds.put("Deployments", client.apps().deployments().inAnyNamespace().list().getItems());
        kinds.put("ReplicaSets", client.apps().replicaSets().inAnyNamespace().list().getItems());
        kinds.put("Pods", client.pods().inAnyNamespace().list().getItems());
        kinds.put("Leases", client.leases().inAnyNamespace().list().getItems());
        Map<String, Integer> counts = new LinkedHashMap<>();
        kinds.forEach((kind, objects) -> {
            objects.forEach(o -> scan(kind + " " + o.getMetadata().getNamespace() + "/" + o.getMetadata().getName(),
                    Serialization.asYaml(o)));
            counts.put(kind, objects.size());
        });
        return counts;
    }

    public synchronized int placesScanned() {
        return placesScanned;
    }

    /** Every marker found so far, as "what in where". */
    public synchronized List<String> hits() {
        return List.copyOf(hits);
    }

    private void needle(String what, String value) {
        needles.put(value, what);
        needles.put(Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8)), what + " (base64)");
    }

    private static String marker(String what) {
        byte[] random = new byte[8];
        ThreadLocalRandom.current().nextBytes(random);
        return what + "-" + HexFormat.of().formatHex(random);
    }

    /** An RSA key and a self-signed certificate for it, as PEM. */
    private record ClientKey(String certificatePem, String keyPem) {
        static ClientKey generate(Path dir) {
            KeyStore keys = SelfSignedKey.generate(dir, "ana");
            try {
                PrivateKey key = (PrivateKey) keys.getKey(SelfSignedKey.ALIAS, SelfSignedKey.PASSWORD);
                Certificate certificate = keys.getCertificate(SelfSignedKey.ALIAS);
                return new ClientKey(pem("CERTIFICATE", certificate.getEncoded()), pem("PRIVATE KEY", key.getEncoded()));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }

        String certificateData() {
            return base64(certificatePem);
        }

        String keyData() {
            return base64(keyPem);
        }

        /**
         * Pieces of the key that belong to it alone, each within one PEM line (a leak may keep the line breaks) and
         * within the base64 of the PEM the kubeconfig holds: the start of every key is the same algorithm header.
         */
        List<String> fragments() {
            List<String> lines = keyPem.lines().filter(l -> !l.startsWith("-----")).toList();
            String data = keyData();
            return List.of(lines.get(4).substring(8, 40), lines.get(12).substring(8, 40),
                    lines.get(lines.size() - 3).substring(8, 40), data.substring(400, 440), data.substring(1200, 1240));
        }

        private static String pem(String type, byte[] der) {
            return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                    .encodeToString(der) + "\n-----END " + type + "-----\n";
        }

        private static String base64(String text) {
            return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
        }
    }
}
