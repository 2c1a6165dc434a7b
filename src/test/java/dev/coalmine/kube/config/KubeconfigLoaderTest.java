package dev.coalmine.kube.config;

import static dev.coalmine.kube.config.KubeconfigFiles.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KubeconfigLoaderTest {
    private static final String SECRET = "s3cr3t-token-value";

    @TempDir
    Path dir;

    private static final String THREE_CONTEXTS = """
            apiVersion: v1
            kind: Config
            current-context: staging
            clusters:
            - name: prod-cluster
              cluster:
                server: https://prod.example:6443
                certificate-authority: certs/prod-ca.crt
            - name: staging-cluster
              cluster:
                server: https://staging.example:6443
            contexts:
            - name: prod
              context: {cluster: prod-cluster, user: prod-admin, namespace: shop}
            - name: staging
              context: {cluster: staging-cluster, user: dev}
            - name: dev-local
              context: {cluster: staging-cluster, user: dev, namespace: ""}
            users:
            - name: prod-admin
              user:
                client-certificate: certs/admin.crt
                client-key: ../keys/admin.key
                tokenFile: token.txt
            - name: dev
              user:
                exec:
                  apiVersion: client.authentication.k8s.io/v1
                  command: ./bin/login-helper
            """;

    private KubeconfigLoader loader(String kubeconfigVariable) {
        return new KubeconfigLoader(new KubeEnvironment(Optional.ofNullable(kubeconfigVariable),
                dir.resolve("home"), ""));
    }

    @Test
    void listsContextsWithTheCurrentOneMarkedAndNamespacesDefaulted() {
        Path file = write(dir.resolve("config"), THREE_CONTEXTS);

        KubeconfigSet set = loader(null).load(Optional.of(file));

        assertThat(set.contexts()).containsExactly(
                new KubeContext("prod", "prod-cluster", "prod-admin", "shop", false),
                new KubeContext("staging", "staging-cluster", "dev", "default", true),
                new KubeContext("dev-local", "staging-cluster", "dev", "default", false));
        assertThat(set.current()).map(KubeContext::name).contains("staging");
        assertThat(set.find("prod")).map(KubeContext::namespace).contains("shop");
        assertThat(set.find("nope")).isEmpty();
        assertThat(set.sources()).containsExactly(file);
        assertThat(set.isEmpty()).isFalse();
    }

    @Test
    void resolvesRelativePathsAgainstTheFilesDirectory() {
        Path file = write(dir.resolve("kube/config"), THREE_CONTEXTS);
        Path base = file.getParent();

        var merged = loader(null).load(Optional.of(file)).merged();

        assertThat(merged.getClusters().get(0).getCluster().getCertificateAuthority())
                .isEqualTo(base.resolve("certs/prod-ca.crt").toString());
        var admin = merged.getUsers().get(0).getUser();
        assertThat(admin.getClientCertificate()).isEqualTo(base.resolve("certs/admin.crt").toString());
        assertThat(admin.getClientKey()).isEqualTo(dir.resolve("keys/admin.key").toString());
        assertThat(admin.getTokenFile()).isEqualTo(base.resolve("token.txt").toString());
        assertThat(merged.getUsers().get(1).getUser().getExec().getCommand())
                .isEqualTo(base.resolve("bin/login-helper").toString());
    }

    @Test
    void mergesEveryKubeconfigFileFirstFileWinningPerName() {
        Path first = write(dir.resolve("a/config"), """
                apiVersion: v1
                clusters:
                - name: shared-cluster
                  cluster: {server: https://first.example}
                contexts:
                - name: shared
                  context: {cluster: shared-cluster, user: first-user, namespace: from-first}
                users:
                - name: first-user
                  user: {token: one}
                """);
        Path second = write(dir.resolve("b/config"), """
                apiVersion: v1
                current-context: other
                clusters:
                - name: shared-cluster
                  cluster: {server: https://second.example}
                contexts:
                - name: shared
                  context: {cluster: shared-cluster, user: second-user, namespace: from-second}
                - name: other
                  context: {cluster: shared-cluster, user: second-user}
                users:
                - name: second-user
                  user: {token: two}
                """);
        Path third = write(dir.resolve("c/config"), """
                apiVersion: v1
                current-context: shared
                contexts: []
                """);
        String variable = String.join(File.pathSeparator, first.toString(), dir.resolve("missing").toString(),
                second.toString(), third.toString());

        KubeconfigSet set = loader(variable).load(Optional.empty());

        assertThat(set.sources()).containsExactly(first, second, third);
        assertThat(set.contexts()).containsExactly(
                new KubeContext("shared", "shared-cluster", "first-user", "from-first", false),
                new KubeContext("other", "shared-cluster", "second-user", "default", true));
        assertThat(set.merged().getClusters()).singleElement()
                .satisfies(c -> assertThat(c.getCluster().getServer()).isEqualTo("https://first.example"));
        assertThat(set.merged().getUsers()).extracting(u -> u.getName()).containsExactly("first-user", "second-user");
    }

    @Test
    void anExplicitFileWinsOverKubeconfigVariable() {
        Path fromVariable = write(dir.resolve("var/config"), KubeconfigFiles.singleContext("var", "https://v", "t"));
        Path explicit = write(dir.resolve("explicit/config"), KubeconfigFiles.singleContext("explicit", "https://e", "t"));

        KubeconfigSet set = loader(fromVariable.toString()).load(Optional.of(explicit));

        assertThat(set.contexts()).extracting(KubeContext::name).containsExactly("explicit");
    }

    @Test
    void fallsBackToDotKubeConfigInHome() {
        write(dir.resolve("home/.kube/config"), KubeconfigFiles.singleContext("home", "https://h", "t"));

        KubeconfigSet set = loader(null).load(Optional.empty());

        assertThat(set.sources()).containsExactly(dir.resolve("home/.kube/config"));
        assertThat(set.current()).map(KubeContext::name).contains("home");
    }

    @Test
    void missingExplicitFileNamesThePath() {
        Path missing = dir.resolve("nowhere/config");
        assertThatThrownBy(() -> loader(null).load(Optional.of(missing)))
                .isInstanceOf(KubeconfigException.class)
                .hasMessage("The kubeconfig file " + missing + " does not exist. Check the path given with "
                        + "--kubeconfig or in KUBECONFIG, or copy your cluster's kubeconfig there.");
    }

    @Test
    void missingDefaultFileSaysWhereItLookedAndWhatToDo() {
        assertThatThrownBy(() -> loader(null).load(Optional.empty()))
                .isInstanceOf(KubeconfigException.class)
                .hasMessageContaining(dir.resolve("home/.kube/config") + " does not exist and KUBECONFIG is not set")
                .hasMessageContaining("--kubeconfig");
    }

    @Test
    void kubeconfigVariableListingOnlyMissingFilesIsReported() {
        String variable = dir.resolve("x") + File.pathSeparator + dir.resolve("y");
        assertThatThrownBy(() -> loader(variable).load(Optional.empty()))
                .isInstanceOf(KubeconfigException.class)
                .hasMessage("None of the files in KUBECONFIG exist (" + variable + "). Fix KUBECONFIG, or pass "
                        + "the file with --kubeconfig.");
    }

    @Test
    void malformedYamlNamesTheFileAndLineButNotItsContent() {
        Path file = write(dir.resolve("broken"), """
                apiVersion: v1
                users:
                - name: admin
                  user:
                    token: %s
                     bad-indent: [unclosed
                """.formatted(SECRET));

        assertThatThrownBy(() -> loader(null).load(Optional.of(file)))
                .isInstanceOf(KubeconfigException.class)
                .hasMessageStartingWith("The kubeconfig file " + file + " is not valid YAML near line ")
                .hasMessageEndingWith("Check its indentation and quoting, or regenerate it with your cluster "
                        + "provider's tool.")
                .message().doesNotContain(SECRET).matches(".*near line [56]\\..*");
    }

    @Test
    void wellFormedYamlThatIsNoKubeconfigIsReportedWithoutItsContent() {
        Path file = write(dir.resolve("not-kubeconfig"), "apiVersion: v1\nusers: %s\n".formatted(SECRET));

        assertThatThrownBy(() -> loader(null).load(Optional.of(file)))
                .isInstanceOf(KubeconfigException.class)
                .hasMessageStartingWith("The kubeconfig file " + file + " is not a valid kubeconfig")
                .message().doesNotContain(SECRET);
    }

    @Test
    void noContextsIsReportedWhenContextsAreRequired() {
        Path empty = write(dir.resolve("empty"), "");
        Path noContexts = write(dir.resolve("no-contexts"), "apiVersion: v1\nkind: Config\nclusters: []\n");
        KubeconfigSet set = loader(empty + File.pathSeparator + noContexts).load(Optional.empty());

        assertThat(set.isEmpty()).isTrue();
        assertThat(set.current()).isEmpty();
        assertThatThrownBy(set::requireContexts)
                .isInstanceOf(KubeconfigException.class)
                .hasMessage("No contexts are defined in " + empty + ", " + noContexts + ". Add one with 'kubectl "
                        + "config set-context', or point --kubeconfig/KUBECONFIG at the file your cluster provider "
                        + "gave you.");
    }

    @Test
    void resolvesTheContextNameFromTheRequestOrTheCurrentContext() {
        Path file = write(dir.resolve("config"), THREE_CONTEXTS.replace("current-context: staging\n", ""));
        KubeconfigSet set = loader(null).load(Optional.of(file));

        assertThat(set.resolveContextName(Optional.of("prod"))).isEqualTo("prod");
        assertThatThrownBy(() -> set.resolveContextName(Optional.empty()))
                .isInstanceOf(KubeconfigException.class)
                .hasMessage("No current-context is set in " + file + ". Choose one with --context (prod, staging, "
                        + "dev-local) or run 'kubectl config use-context NAME'.");
    }
}
