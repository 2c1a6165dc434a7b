package dev.coalmine.kube.release;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coalmine.FastTest;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The Role in src/site/canary-releases.md grants exactly what a release's preflight asks for. */
@FastTest
class PermissionsDocTest {
    @Test
    void theDocumentedRoleIsWhatThePreflightAsksFor() throws IOException {
        String page = Files.readString(Path.of("src/site/canary-releases.md"));
        int role = page.indexOf("kind: Role");
        int start = page.lastIndexOf("```yaml\n", role) + "```yaml\n".length();
        Role documented = Serialization.unmarshal(page.substring(start, page.indexOf("```", role)), Role.class);

        Set<String> granted = documented.getRules().stream().flatMap(rule -> rule.getApiGroups().stream()
                        .flatMap(group -> rule.getResources().stream().flatMap(resource -> rule.getVerbs().stream()
                                .map(verb -> new Permission(verb, group, resource).toString()))))
                .collect(Collectors.toSet());

        assertThat(granted).isEqualTo(RbacPreflight.neededFor(true).stream().map(Permission::toString)
                .collect(Collectors.toSet()));
    }
}
