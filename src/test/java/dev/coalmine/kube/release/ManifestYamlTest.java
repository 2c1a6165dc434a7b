package dev.coalmine.kube.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coalmine.core.CoalmineException;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/** Manifests parse in time linear in their size, refuse what would blow up, and say what is wrong in one line. */
class ManifestYamlTest {
    private static final int MIB = 1024 * 1024;
    private static final String DEPLOYMENT = """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web}
            spec:
              replicas: 2
              template:
                spec:
                  containers:
                  - {name: web, image: shop/web:2}
            """;
    private final KubernetesSerialization serialization = new KubernetesSerialization();

    @Test
    void readsEveryDocumentAsItsKind() {
        List<KubernetesResource> objects = ManifestYaml.objects("---\n" + DEPLOYMENT
                + "---\n# only a comment\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata: {port: \"80\"}\n",
                serialization);

        assertThat(objects).hasSize(2);
        assertThat(objects.get(0)).isInstanceOfSatisfying(Deployment.class,
                d -> assertThat(d.getSpec().getReplicas()).isEqualTo(2));
        assertThat(objects.get(1)).isInstanceOfSatisfying(ConfigMap.class,
                c -> assertThat(c.getData()).containsEntry("port", "80"));
    }

    /**
     * fabric8's parser took time quadratic in the length of one line (16 MB: a minute). Four times the text may take
     * about four times as long, never the sixteen times a quadratic parser needs; the best of three runs each keeps
     * a loaded machine's pauses out of the comparison.
     */
    @Test
    void oneLongLineParsesInTimeLinearInItsLength() {
        assertLinear(size -> "# " + "x".repeat(size) + "\n" + DEPLOYMENT);
        assertLinear(size -> DEPLOYMENT + "---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata:\n  k: "
                + "x".repeat(size) + "\n");
    }

    @Test
    void aDocumentOfAlmostTheWholeLimitIsRead() {
        String big = DEPLOYMENT + "---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata:\n  k: "
                + "x".repeat(ManifestFile.LIMIT_BYTES - 1000) + "\n";

        assertThat(ManifestYaml.objects(big, serialization)).hasSize(2);
    }

    @Test
    void nestingDeeperThanAnyObjectNeedsIsRefusedInsteadOfOverflowingTheStack() {
        assertThatThrownBy(() -> ManifestYaml.objects("- ".repeat(100_000) + "x\n", serialization))
                .isInstanceOf(CoalmineException.class)
                .hasMessage("the manifest file nests lists and mappings more than 100 deep (line 1, column 201); "
                        + "a Kubernetes object never needs that: check the file");
        assertThatThrownBy(() -> ManifestYaml.objects("[".repeat(100_000), serialization))
                .isInstanceOf(CoalmineException.class).hasMessageContaining("more than 100 deep");
    }

    @Test
    void aSyntaxErrorIsOneLineWithItsPlaceAndQuotesNothingOfTheFile() {
        assertThatThrownBy(() -> ManifestYaml.objects("kind: Secret\nstringData:\n  password: [s3cret\n", serialization))
                .isInstanceOf(CoalmineException.class)
                .hasMessageStartingWith("the manifest file is not valid YAML: ")
                .hasMessageContaining("(line 4, column 1)")
                .hasMessageNotContaining("s3cret")
                .satisfies(e -> assertThat(e.getMessage().lines()).hasSize(1));
    }

    @Test
    void aFieldOfTheWrongTypeNamesTheObjectAndTheField() {
        assertThatThrownBy(() -> ManifestYaml.objects(DEPLOYMENT.replace("replicas: 2", "replicas: two"), serialization))
                .isInstanceOf(CoalmineException.class)
                .hasMessageStartingWith("the Deployment in document 1 of the manifest file is not valid at spec.replicas: ")
                .hasMessageContaining("\"two\"")
                .satisfies(e -> assertThat(e.getMessage().lines()).hasSize(1));
    }

    @Test
    void aDocumentThatIsNoObjectOrLacksItsKindIsNamedByNumber() {
        assertThatThrownBy(() -> ManifestYaml.objects(DEPLOYMENT + "---\njust words\n", serialization))
                .hasMessageStartingWith("document 2 of the manifest file is no Kubernetes object");
        assertThatThrownBy(() -> ManifestYaml.objects("apiVersion: v1\nmetadata: {name: x}\n", serialization))
                .hasMessageStartingWith("document 1 of the manifest file has no kind");
    }

    /** Endless input is never read whole: the refusal reads the limit and one byte more. */
    @Test
    void sixteenMegabytesAreRefusedAfterReadingNoMoreThanTheLimit() {
        CountingStream sixteen = new CountingStream(new EndlessYamlComment(16L * MIB));

        assertThatThrownBy(() -> ManifestFile.read(sixteen, "stdin"))
                .hasMessage("the manifest file stdin is more than 4 MiB; Coalmine reads manifests up to 4 MiB");
        assertThat(sixteen.read).isLessThanOrEqualTo(ManifestFile.LIMIT_BYTES + 1L);
    }

    private void assertLinear(IntFunction<String> manifestOfSize) {
        String small = manifestOfSize.apply(MIB);
        String large = manifestOfSize.apply(4 * MIB - 4096);
        ManifestYaml.objects(small, serialization); // warm up
        long smallNanos = bestOfThree(small);
        long largeNanos = bestOfThree(large);
        assertThat(largeNanos).as("4 MiB took %d ms of CPU, 1 MiB %d ms", largeNanos / 1_000_000, smallNanos / 1_000_000)
                .isLessThan(8 * Math.max(smallNanos, 20_000_000L));
    }

    /** CPU time of this thread, not wall time: a busy machine takes the CPU away, it does not add work. */
    private long bestOfThree(String manifest) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            long started = threads.getCurrentThreadCpuTime();
            ManifestYaml.objects(manifest, serialization);
            best = Math.min(best, threads.getCurrentThreadCpuTime() - started);
        }
        return best;
    }

    /** {@code size} bytes of one YAML comment line. */
    private static final class EndlessYamlComment extends InputStream {
        private long left;

        EndlessYamlComment(long size) {
            left = size;
        }

        @Override
        public int read() {
            return left-- > 0 ? '#' : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (left <= 0) {
                return -1;
            }
            int n = (int) Math.min(len, left);
            Arrays.fill(b, off, off + n, (byte) '#');
            left -= n;
            return n;
        }
    }

    private static final class CountingStream extends FilterInputStream {
        long read;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            read += b < 0 ? 0 : 1;
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            read += Math.max(n, 0);
            return n;
        }
    }
}
