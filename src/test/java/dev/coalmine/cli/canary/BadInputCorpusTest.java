package dev.coalmine.cli.canary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coalmine.demo.DemoCluster;
import dev.coalmine.demo.DemoOptions;
import dev.coalmine.demo.server.RequestCounter;
import dev.coalmine.metrics.PrometheusProcess;
import dev.coalmine.testing.ReliabilityFigures;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bad-input corpus: malformed kubeconfigs, images, sizes, names, manifests, PromQL, an unreachable Prometheus
 * and durations, each run through the real command line against one demo cluster. Every case must exit 2 (usage) or
 * 1 (operational) as listed, print one {@code error:} line naming what is wrong and what to do, print no stack trace,
 * and send the demo API server no write (a server-side dry run and access reviews change nothing and do not count).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputCorpusTest {
    private static final int USAGE = 2;
    private static final int OPERATIONAL = 1;
    private static final String APP = "shop-frontend";
    private static final String SMALL_APP = "shop-api";
    private static final String MANAGED_BY = "app.kubernetes.io/managed-by";

    @TempDir
    static Path dir;

    private DemoCluster cluster;
    private PrometheusProcess prometheus;
    private TokenRefusingApiServer refusing;
    private final Map<String, Path> kubeconfigs = new LinkedHashMap<>();
    private final Map<String, Path> manifests = new LinkedHashMap<>();
    private final List<String> passed = new ArrayList<>();
    private final Map<Property, AtomicInteger> held = new EnumMap<>(Property.class);
    private long started;

    private static final Pattern STACK_TRACE = Pattern.compile("\tat |Exception:|Caused by|\\.java:\\d+\\)");

    private enum Property { EXIT_CODE, ONE_CLEAR_LINE, NO_STACK_TRACE, NO_WRITE }

    /** One bad input: what it is, the command line, the exit code it must give and what its error must mention. */
    record Case(String group, String name, String kubeconfig, int exit, List<String> mentions, List<String> args) {
        @Override
        public String toString() {
            return group + ": " + name;
        }
    }

    @BeforeAll
    void startCluster() throws Exception {
        started = System.nanoTime();
        cluster = DemoCluster.start(DemoOptions.defaults());
        prometheus = PrometheusProcess.start(List.of(), Duration.ofSeconds(1));
        refusing = TokenRefusingApiServer.start(dir);
        writeKubeconfigs();
        writeManifests();
    }

    @AfterAll
    void stop() {
        if (passed.size() == cases().count()) {
            recordFigure(Duration.ofNanos(System.nanoTime() - started));
        }
        if (refusing != null) {
            refusing.close();
        }
        if (prometheus != null) {
            prometheus.close();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    @ParameterizedTest(name = "{0}")
    @Timeout(120)
    @MethodSource("cases")
    void isRefusedWithOneClearLineAndWritesNothing(Case c) {
        int before = cluster.requests().recent().size();
        CliRunner cli = new CliRunner(kubeconfigs.get(c.kubeconfig()));
        ByteArrayOutputStream stray = new ByteArrayOutputStream();
        PrintStream out = System.out;
        PrintStream err = System.err;
        int exit;
        System.setOut(new PrintStream(stray, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(stray, true, StandardCharsets.UTF_8));
        try {
            exit = cli.run(commandLine(c).toArray(String[]::new));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        String printed = cli.err() + cli.out() + stray.toString(StandardCharsets.UTF_8);
        List<String> errors = cli.err().lines().filter(line -> line.startsWith("error: ")).toList();
        List<String> others = cli.err().lines().filter(line -> !line.startsWith("error: ") && !line.startsWith("ignoring "))
                .filter(line -> !(c.exit() == USAGE && isUsageHint(line))).toList();
        List<String> mentions = c.mentions().stream().map(this::resolve).toList();
        List<String> writes = writes(before);

        tally(Property.EXIT_CODE, exit == c.exit());
        tally(Property.ONE_CLEAR_LINE, errors.size() == 1 && others.isEmpty()
                && mentions.stream().allMatch(errors.get(0)::contains));
        tally(Property.NO_STACK_TRACE, !STACK_TRACE.matcher(printed).find());
        tally(Property.NO_WRITE, writes.isEmpty());

        assertThat(exit).as("exit code; stderr: %s", cli.err()).isEqualTo(c.exit());
        assertThat(errors).as("error lines of %s", cli.err()).hasSize(1);
        assertThat(errors.get(0)).as("the error line").contains(mentions);
        assertThat(others).as("lines besides the error (a usage error may add where the help is)").isEmpty();
        assertThat(printed).as("no stack trace").doesNotContainPattern(STACK_TRACE);
        assertThat(writes).as("write requests the demo API server received").isEmpty();
        passed.add(c.toString());
    }

    private void tally(Property property, boolean held) {
        if (held) {
            held(property).incrementAndGet();
        }
    }

    private AtomicInteger held(Property property) {
        return held.computeIfAbsent(property, p -> new AtomicInteger());
    }

    /** What picocli adds to a usage error, as kubectl does: where the help is, and a "did you mean" for a typo. */
    private static boolean isUsageHint(String line) {
        return line.matches("Run '.* --help' for usage\\.") || line.startsWith("Did you mean: ");
    }

    /**
     * The case's command line; every {@code start} runs with {@code --no-wait}, so a case the product wrongly accepts
     * returns at once (and fails on its writes).
     */
    private List<String> commandLine(Case c) {
        List<String> args = new ArrayList<>(c.args().stream().map(this::resolve).toList());
        if (args.contains("start") && !args.contains("--no-wait")) {
            args.add("--no-wait");
        }
        return args;
    }

    /** Removes what a wrongly accepted case created, so the next case meets the cluster as seeded. */
    @AfterEach
    void removeWhatCoalmineCreated() {
        KubernetesClient client = cluster.client();
        client.apps().deployments().inNamespace("default").withLabel(MANAGED_BY, "coalmine").delete();
        client.configMaps().inNamespace("default").withLabel(MANAGED_BY, "coalmine").delete();
        client.secrets().inNamespace("default").withLabel(MANAGED_BY, "coalmine").delete();
        client.services().inNamespace("default").withLabel(MANAGED_BY, "coalmine").delete();
        client.resources(Lease.class).inNamespace("default").withLabel(MANAGED_BY, "coalmine").delete();
        client.configMaps().inNamespace("default").list().getItems().stream()
                .filter(m -> m.getMetadata().getName().startsWith("coalmine-release-"))
                .forEach(m -> client.resource(m).delete());
    }

    /** Requests that would change the cluster: anything but a read, a server-side dry run or an access review. */
    private List<String> writes(int before) {
        List<RequestCounter.Request> all = cluster.requests().recent();
        return all.subList(Math.min(before, all.size()), all.size()).stream()
                .filter(r -> !r.userAgent().startsWith(DemoCluster.OWN_USER_AGENT))
                .filter(r -> !r.method().equals("GET") && !r.method().equals("HEAD"))
                .filter(r -> !r.uri().contains("dryRun=All") && !r.path().contains("accessreviews")
                        && !r.path().contains("selfsubjectreviews"))
                .map(r -> r.method() + " " + r.uri()).toList();
    }

    private String resolve(String arg) {
        String resolved = arg.replace("{prometheus}", prometheus.baseUrl().toString())
                .replace("{dir}", dir.toString());
        for (Map.Entry<String, Path> manifest : manifests.entrySet()) {
            resolved = resolved.replace("{manifest:" + manifest.getKey() + "}", manifest.getValue().toString());
        }
        return resolved;
    }

    Stream<Case> cases() {
        List<Case> all = new ArrayList<>();
        all.addAll(kubeconfigCases());
        all.addAll(imageCases());
        all.addAll(sizeCases());
        all.addAll(nameCases());
        all.addAll(manifestCases());
        all.addAll(metricCases());
        all.addAll(durationCases());
        return all.stream();
    }

    private static List<Case> kubeconfigCases() {
        String group = "kubeconfig";
        return List.of(
                status(group, "not YAML", "not-yaml", OPERATIONAL, "not-yaml"),
                status(group, "no contexts at all", "no-contexts", OPERATIONAL, "context"),
                status(group, "current context names a missing cluster", "missing-cluster", OPERATIONAL, "nowhere"),
                status(group, "cluster without a server", "no-server", OPERATIONAL, "server"),
                status(group, "current context that does not exist", "unknown-current", OPERATIONAL, "gone"),
                new Case(group, "--context that does not exist", "demo", USAGE, List.of("nope"),
                        List.of("--context", "nope", "canary", "status", APP)),
                status(group, "--kubeconfig that does not exist (relative path)", "relative-missing", USAGE,
                        "no/such/kubeconfig"),
                status(group, "unreachable server", "unreachable", OPERATIONAL, "127.0.0.1:1"),
                status(group, "server certificate signed by another CA", "wrong-ca", OPERATIONAL, "certificate"),
                status(group, "token the API server refuses", "bad-token", OPERATIONAL, "401"),
                status(group, "exec credential plugin not installed", "missing-exec", OPERATIONAL,
                        "coalmine-test-no-such-plugin"),
                status(group, "relative certificate-authority path that does not exist", "relative-ca", OPERATIONAL,
                        "ca/missing.crt"),
                status(group, "user with a client certificate but no key", "cert-without-key", OPERATIONAL,
                        "certificate but no key"));
    }

    private static List<Case> imageCases() {
        String group = "image";
        return List.of(
                startImage(group, "upper-case repository", "frontend=Shop/Frontend:2", USAGE, "lower case"),
                startImage(group, "space inside", "frontend=shop/frontend:2 x", USAGE, "spaces"),
                startImage(group, "empty", "", USAGE, "--image"),
                startImage(group, "tag with a slash", "frontend=shop/frontend:2/x", USAGE, "--image"),
                startImage(group, "short digest", "frontend=shop/frontend@sha256:abc", USAGE, "digest"),
                startImage(group, "container the Deployment does not have", "sidecar=shop/sidecar:2", OPERATIONAL,
                        "sidecar"),
                startImage(group, "container name only", "frontend=", USAGE, "--image"));
    }

    private static List<Case> sizeCases() {
        String group = "canary size";
        return List.of(
                start(group, "--count 0", USAGE, List.of("0"), APP, "--count", "0"),
                start(group, "--count -5", USAGE, List.of("-5"), APP, "--count", "-5"),
                start(group, "--count abc", USAGE, List.of("abc"), APP, "--count", "abc"),
                start(group, "--count above the stable's replicas", USAGE, List.of("3 pods", "2 replica"), SMALL_APP,
                        "--count", "3"),
                start(group, "--count far above int", USAGE, List.of("99999999999"), APP, "--count", "99999999999"),
                start(group, "--percent 150", USAGE, List.of("150"), APP, "--percent", "150"),
                start(group, "--percent 0", USAGE, List.of("0"), APP, "--percent", "0"),
                start(group, "--percent abc", USAGE, List.of("abc"), APP, "--percent", "abc"),
                start(group, "--percent NaN", USAGE, List.of("NaN"), APP, "--percent", "NaN"),
                new Case(group, "no size", "demo", USAGE, List.of("--count"),
                        List.of("canary", "start", APP, "--image", "frontend=shop/frontend:2")),
                new Case(group, "--count and --percent", "demo", USAGE, List.of("--count", "--percent"),
                        List.of("canary", "start", APP, "--image", "frontend=shop/frontend:2", "--count", "1",
                                "--percent", "10")));
    }

    private static List<Case> nameCases() {
        String group = "name";
        String long300 = "a".repeat(300);
        return List.of(
                new Case(group, "unicode Deployment", "demo", USAGE, List.of("wëb"),
                        List.of("canary", "start", "wëb", "--image", "x=shop/x:2", "--count", "1")),
                new Case(group, "Deployment of 300 characters", "demo", USAGE, List.of("253"),
                        List.of("canary", "status", long300)),
                new Case(group, "unknown Deployment", "demo", OPERATIONAL, List.of("nosuch"),
                        List.of("canary", "start", "nosuch", "--image", "x=shop/x:2", "--count", "1")),
                new Case(group, "unknown Deployment's status", "demo", OPERATIONAL, List.of("nosuch"),
                        List.of("canary", "status", "nosuch")),
                new Case(group, "promote with no release", "demo", OPERATIONAL, List.of(APP),
                        List.of("canary", "promote", APP)),
                new Case(group, "unknown namespace", "demo", OPERATIONAL, List.of("nosuch"),
                        List.of("-n", "nosuch", "canary", "start", APP, "--image", "frontend=shop/frontend:2",
                                "--count", "1")),
                new Case(group, "unicode namespace", "demo", USAGE, List.of("ünicode"),
                        List.of("-n", "ünicode", "canary", "status", APP)),
                new Case(group, "namespace of 300 characters", "demo", USAGE, List.of("63"),
                        List.of("-n", long300, "canary", "status", APP)),
                new Case(group, "unknown command", "demo", USAGE, List.of("promot"),
                        List.of("canary", "promot", APP)));
    }

    private static List<Case> manifestCases() {
        String group = "manifest";
        return List.of(
                manifest(group, "invalid YAML", "invalid", USAGE, "YAML"),
                manifest(group, "only a Service", "service-only", USAGE, "no Deployment named " + APP),
                manifest(group, "a Deployment with another name", "other-name", USAGE, "its Deployments: checkout"),
                manifest(group, "a document that is not an object", "scalar", USAGE, "Kubernetes"),
                manifest(group, "an object without kind", "no-kind", USAGE, "kind"),
                manifest(group, "empty", "empty", USAGE, "no Deployment named " + APP),
                manifest(group, "10 MB", "huge", USAGE, "4 MiB"),
                manifest(group, "nested 100,000 deep", "deep", USAGE, "deep"),
                manifest(group, "binary bytes", "binary", USAGE, "not UTF-8"),
                manifest(group, "replicas: abc", "bad-field", USAGE, "abc"),
                new Case(group, "/dev/zero", "demo", USAGE, List.of("/dev/zero", "4 MiB"),
                        List.of("canary", "start", APP, "-f", "/dev/zero", "--count", "1")),
                new Case(group, "missing file", "demo", USAGE, List.of("{dir}/missing.yaml", "does not exist"),
                        List.of("canary", "start", APP, "-f", "{dir}/missing.yaml", "--count", "1")),
                new Case(group, "a directory", "demo", USAGE, List.of("{dir}"),
                        List.of("canary", "start", APP, "-f", "{dir}", "--count", "1")),
                new Case(group, "-f and --image together", "demo", USAGE, List.of("--image", "-f"),
                        List.of("canary", "start", APP, "-f", "{manifest:valid}", "--image", "frontend=shop/frontend:2",
                                "--count", "1")));
    }

    private static List<Case> metricCases() {
        String group = "metrics";
        return List.of(
                judge(group, "PromQL syntax error", USAGE, List.of("parse error"), "--prometheus", "{prometheus}",
                        "--query", "errors=sum(rate(http_requests_total[{{interval}}])"),
                judge(group, "PromQL unknown function", USAGE, List.of("nosuchfunction"), "--prometheus", "{prometheus}",
                        "--query", "errors=nosuchfunction(up)"),
                judge(group, "PromQL unknown placeholder", USAGE, List.of("{{pod}}"), "--prometheus", "{prometheus}",
                        "--query", "errors=up{pod=\"{{pod}}\"}"),
                judge(group, "query without a name", USAGE, List.of("NAME=PROMQL"), "--prometheus", "{prometheus}",
                        "--query", "sum(up)"),
                judge(group, "unreachable Prometheus", OPERATIONAL, List.of("127.0.0.1:1"), "--prometheus",
                        "http://127.0.0.1:1"),
                judge(group, "Prometheus URL with credentials", USAGE, List.of("credentials"), "--prometheus",
                        "http://ana:s3cret@127.0.0.1:9090"),
                judge(group, "Prometheus URL without a scheme", USAGE, List.of("--prometheus"), "--prometheus",
                        "prometheus:9090"),
                judge(group, "unknown preset", USAGE, List.of("nosuch"), "--metrics-preset", "nosuch"),
                judge(group, "bad --prometheus-service", USAGE, List.of("monitoring"), "--prometheus-service",
                        "monitoring"),
                judge(group, "--min-success-rate 150", USAGE, List.of("150"), "--min-success-rate", "150"),
                new Case(group, "judge option without --judge auto", "demo", USAGE, List.of("--judge auto"),
                        List.of("canary", "start", APP, "--image", "frontend=shop/frontend:2", "--count", "1",
                                "--prometheus", "{prometheus}")));
    }

    private static List<Case> durationCases() {
        String group = "duration";
        return List.of(
                start(group, "--timeout 0", USAGE, List.of("0"), APP, "--count", "1", "--timeout", "0"),
                start(group, "--timeout -5m", USAGE, List.of("-5m"), APP, "--count", "1", "--timeout", "-5m"),
                start(group, "--timeout abc", USAGE, List.of("abc"), APP, "--count", "1", "--timeout", "abc"),
                start(group, "--timeout 10 minutes", USAGE, List.of("10 minutes"), APP, "--count", "1", "--timeout", "10 minutes"),
                start(group, "--timeout 9999999999999h", USAGE, List.of("9999999999999h"), APP, "--count", "1",
                        "--timeout", "9999999999999h"),
                judge(group, "--analysis-interval 0s", USAGE, List.of("0s"), "--analysis-interval", "0s"),
                judge(group, "--min-analysis-duration 1 fortnight", USAGE, List.of("fortnight"),
                        "--min-analysis-duration", "1 fortnight"));
    }

    private static Case status(String group, String name, String kubeconfig, int exit, String mention) {
        return new Case(group, name, kubeconfig, exit, List.of(mention), List.of("canary", "status", APP));
    }

    private static Case startImage(String group, String name, String image, int exit, String mention) {
        return new Case(group, name, "demo", exit, List.of(mention),
                List.of("canary", "start", APP, "--image", image, "--count", "1"));
    }

    private static Case start(String group, String name, int exit, List<String> mentions, String deployment,
            String... more) {
        List<String> args = new ArrayList<>(List.of("canary", "start", deployment, "--image",
                (deployment.equals(APP) ? "frontend=shop/frontend:2" : "api=shop/api:3")));
        args.addAll(List.of(more));
        return new Case(group, name, "demo", exit, mentions, args);
    }

    private static Case manifest(String group, String name, String manifest, int exit, String mention) {
        return new Case(group, name, "demo", exit, List.of(mention),
                List.of("canary", "start", APP, "-f", "{manifest:" + manifest + "}", "--count", "1"));
    }

    private static Case judge(String group, String name, int exit, List<String> mentions, String... more) {
        List<String> args = new ArrayList<>(List.of("canary", "start", APP, "--image", "frontend=shop/frontend:2",
                "--count", "1", "--judge", "auto"));
        args.addAll(List.of(more));
        return new Case(group, name, "demo", exit, mentions, args);
    }

    private void writeKubeconfigs() throws Exception {
        Path demo = dir.resolve("demo.kubeconfig");
        cluster.writeKubeconfig(demo);
        kubeconfigs.put("demo", demo);
        kubeconfig("not-yaml", "apiVersion: v1\nclusters: [\n  - name: {x\n");
        kubeconfig("no-contexts", "apiVersion: v1\nkind: Config\nclusters: []\nusers: []\ncontexts: []\n");
        kubeconfig("missing-cluster", config("c", "server: " + cluster.apiServerUrl(), "{}")
                .replace("{cluster: c,", "{cluster: nowhere,"));
        kubeconfig("no-server", config("c", "insecure-skip-tls-verify: true", "{}"));
        kubeconfig("unknown-current", config("c", "server: " + cluster.apiServerUrl(), "{}")
                .replace("current-context: c", "current-context: gone"));
        kubeconfig("unreachable", config("c", "server: http://127.0.0.1:1", "{}"));
        Path foreignCa = Files.writeString(dir.resolve("foreign-ca.crt"), foreignCaPem());
        kubeconfig("wrong-ca", config("c", "server: " + refusing.url() + "\n    certificate-authority: " + foreignCa,
                "{token: t0k3n}"));
        Path ownCa = Files.writeString(dir.resolve("own-ca.crt"), refusing.caPem());
        kubeconfig("bad-token", config("c", "server: " + refusing.url() + "\n    certificate-authority: " + ownCa,
                "{token: not-the-token}"));
        kubeconfig("missing-exec", config("c", "server: " + cluster.apiServerUrl(), "\n    exec:"
                + "\n      apiVersion: client.authentication.k8s.io/v1"
                + "\n      command: coalmine-test-no-such-plugin\n      interactionMode: Never"));
        kubeconfigs.put("relative-missing", Path.of("no/such/kubeconfig"));
        Files.createDirectories(dir.resolve("relative"));
        Path relative = dir.resolve("relative/config");
        Files.writeString(relative, config("c", "server: https://127.0.0.1:1\n    certificate-authority: ca/missing.crt",
                "{}"));
        kubeconfigs.put("relative-ca", relative);
        kubeconfig("cert-without-key", config("c", "server: " + cluster.apiServerUrl(),
                "{client-certificate: " + ownCa + "}"));
    }

    private void kubeconfig(String name, String text) throws IOException {
        kubeconfigs.put(name, Files.writeString(dir.resolve(name + ".kubeconfig"), text));
    }

    /** A kubeconfig with one cluster, user and context, all named {@code name}. */
    private static String config(String name, String clusterFields, String user) {
        return """
                apiVersion: v1
                kind: Config
                clusters:
                - name: %1$s
                  cluster:
                    %2$s
                users:
                - name: %1$s
                  user: %3$s
                contexts:
                - name: %1$s
                  context: {cluster: %1$s, user: %1$s, namespace: default}
                current-context: %1$s
                """.formatted(name, clusterFields, user);
    }

    /** A CA that signed nothing the test server shows: a certificate of its own, as a stranger's cluster has. */
    private static String foreignCaPem() throws Exception {
        return TokenRefusingApiServer.pem(TokenRefusingApiServer.selfSigned(dir, "foreign").getCertificate("foreign"));
    }

    private void writeManifests() throws IOException {
        String deployment = """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: %s
                spec:
                  replicas: %s
                  selector: {matchLabels: {app: shop-frontend}}
                  template:
                    metadata: {labels: {app: shop-frontend}}
                    spec:
                      containers:
                      - name: frontend
                        image: shop/frontend:2
                """;
        manifest("valid", deployment.formatted(APP, "4"));
        manifest("invalid", "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: [shop-frontend\n");
        manifest("service-only", "apiVersion: v1\nkind: Service\nmetadata: {name: shop-frontend}\nspec: {}\n");
        manifest("other-name", deployment.formatted("checkout", "4"));
        manifest("scalar", "just some words\n");
        manifest("no-kind", "apiVersion: apps/v1\nmetadata: {name: shop-frontend}\n");
        manifest("empty", "");
        manifest("deep", "- ".repeat(100_000) + "x\n");
        manifest("bad-field", deployment.formatted(APP, "abc"));
        Path binary = dir.resolve("binary.yaml");
        byte[] bytes = new byte[4096];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (i * 31 + 7);
        }
        manifests.put("binary", Files.write(binary, bytes));
        Path huge = dir.resolve("huge.yaml");
        try (RandomAccessFile file = new RandomAccessFile(huge.toFile(), "rw")) {
            file.setLength(10_000_000);
        }
        manifests.put("huge", huge);
    }

    private void manifest(String name, String text) throws IOException {
        manifests.put(name, Files.writeString(dir.resolve(name + ".yaml"), text));
    }

    private void recordFigure(Duration took) {
        List<Case> all = cases().toList();
        Map<String, Long> groups = all.stream().collect(Collectors.groupingBy(Case::group, LinkedHashMap::new,
                Collectors.counting()));
        long usage = all.stream().filter(c -> c.exit() == USAGE).count();
        String of = " of " + all.size();
        ReliabilityFigures.record("bad-input", """
                | bad inputs | exit 2 for usage, 1 for operational | one clear `error:` line | no stack trace | no write to the API server |
                |---|---|---|---|---|
                | %d (%s) | %s | %s | %s | %s |

                %d usage errors (exit 2), %d operational (exit 1); %d s for all of them on one demo cluster.
                """.formatted(all.size(), groups.entrySet().stream().map(e -> e.getValue() + " " + e.getKey())
                        .collect(Collectors.joining(", ")), held(Property.EXIT_CODE) + of,
                held(Property.ONE_CLEAR_LINE) + of, held(Property.NO_STACK_TRACE) + of, held(Property.NO_WRITE) + of,
                usage, all.size() - usage, took.toSeconds()));
    }
}
