package dev.coalmine.core.merge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ThreeWayMergeTest {

    private static Map<String, Object> template(String image, List<Object> env, Map<String, Object> resources) {
        Map<String, Object> container = new LinkedHashMap<>(Map.of("name", "web", "image", image));
        if (env != null) {
            container.put("env", env);
        }
        if (resources != null) {
            container.put("resources", resources);
        }
        return Map.of("metadata", Map.of("labels", Map.of("app", "web")),
                "spec", Map.of("containers", List.of(container, Map.of("name", "sidecar", "image", "proxy:1"))));
    }

    private static Map<String, Object> env(String name, String value) {
        return Map.of("name", name, "value", value);
    }

    @Test
    void theReleasesChangeLandsOnTopOfAnEnvVarAddedMeanwhile() {
        Object base = template("web:1", null, null);
        Object ours = template("web:2", null, null);
        Object theirs = template("web:1", List.of(env("HOTFIX", "on")), null);

        MergeResult result = ThreeWayMerge.merge(base, ours, theirs);

        assertThat(result.clean()).isTrue();
        assertThat(result.merged()).isEqualTo(template("web:2", List.of(env("HOTFIX", "on")), null));
    }

    @Test
    void namedItemsMergeOneByOneAndKeepTheirOrder() {
        Object base = template("web:1", List.of(env("A", "1"), env("B", "1")), null);
        Object ours = template("web:1", List.of(env("A", "2"), env("B", "1"), env("NEW", "x")), null);
        Object theirs = template("web:1", List.of(env("B", "1"), env("A", "1"), env("THEIRS", "y")), null);

        MergeResult result = ThreeWayMerge.merge(base, ours, theirs);

        assertThat(result.merged()).isEqualTo(template("web:1",
                List.of(env("B", "1"), env("A", "2"), env("THEIRS", "y"), env("NEW", "x")), null));
    }

    @Test
    void aRemovalOnOneSideRemoves() {
        Object base = template("web:1", List.of(env("OLD", "1")), Map.of("limits", Map.of("memory", "256Mi")));
        Object ours = template("web:1", null, Map.of("limits", Map.of("memory", "256Mi")));
        Object theirs = template("web:1", List.of(env("OLD", "1")), Map.of("limits", Map.of("memory", "512Mi")));

        MergeResult result = ThreeWayMerge.merge(base, ours, theirs);

        assertThat(result.clean()).isTrue();
        assertThat(result.merged()).isEqualTo(template("web:1", null, Map.of("limits", Map.of("memory", "512Mi"))));
    }

    @Test
    void theSameValueChangedDifferentlyIsAConflictThatKeepsTheirs() {
        Object base = template("web:1", null, null);
        Object ours = template("web:2", null, null);
        Object theirs = template("web:1-hotfix", null, null);

        MergeResult result = ThreeWayMerge.merge(base, ours, theirs);

        assertThat(result.conflicts()).singleElement().satisfies(c -> {
            assertThat(c.where()).isEqualTo("container web image");
            assertThat(c.base()).isEqualTo("web:1");
            assertThat(c.ours()).isEqualTo("web:2");
            assertThat(c.theirs()).isEqualTo("web:1-hotfix");
        });
        assertThat(result.merged()).isEqualTo(theirs);
    }

    @Test
    void bothSidesMakingTheSameChangeAgree() {
        Object ours = template("web:2", null, null);

        assertThat(ThreeWayMerge.merge(template("web:1", null, null), ours, template("web:2", null, null)))
                .isEqualTo(new MergeResult(ours, List.of()));
    }

    @Test
    void listsWithoutNamesAreOneValue() {
        Map<String, Object> base = Map.of("args", List.of("a"));
        MergeResult result = ThreeWayMerge.merge(base, Map.of("args", List.of("a", "b")), Map.of("args", List.of("c")));

        assertThat(result.conflicts()).singleElement().extracting(MergeConflict::where).isEqualTo("args");
    }

    @Test
    void nestedFieldsReadAsDottedWordsAfterTheItem() {
        MergeConflict conflict = new MergeConflict(List.of("spec", "initContainers[migrate]", "resources", "limits",
                "memory"), "1Gi", "2Gi", null);

        assertThat(conflict.where()).isEqualTo("init container migrate resources.limits.memory");
        assertThat(MergeConflict.show(conflict.theirs())).isEqualTo("(none)");
    }
}
