package dev.coalmine.demo.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class PatchesTest {
    private static final String SMP = "application/strategic-merge-patch+json";
    private static final JsonNode DEPLOYMENT = Json.parse("""
            {"metadata":{"name":"web","labels":{"app":"web","tier":"front"}},
             "spec":{"replicas":2,"template":{"spec":{"containers":[
               {"name":"web","image":"nginx:1","env":[{"name":"A","value":"1"},{"name":"B","value":"2"}],
                "ports":[{"containerPort":80}]},
               {"name":"proxy","image":"envoy:1"}],
               "volumes":[{"name":"cache","emptyDir":{}}]}}},
             "status":{"replicas":2}}""");

    @Test
    void strategicMergeMergesNamedListsByKey() {
        JsonNode patched = Patches.apply(SMP, DEPLOYMENT, """
                {"spec":{"template":{"spec":{"containers":[{"name":"web","image":"nginx:2",
                 "env":[{"name":"B","value":"20"},{"name":"C","value":"3"}]}]}}}}""");
        JsonNode containers = patched.at("/spec/template/spec/containers");
        assertThat(containers).hasSize(2);
        assertThat(containers.get(0).path("image").asText()).isEqualTo("nginx:2");
        assertThat(containers.get(0).path("env").toString())
                .isEqualTo("[{\"name\":\"A\",\"value\":\"1\"},{\"name\":\"B\",\"value\":\"20\"},{\"name\":\"C\",\"value\":\"3\"}]");
        assertThat(containers.get(1).path("image").asText()).isEqualTo("envoy:1");
        assertThat(containers.get(0).path("ports")).hasSize(1);
        assertThat(DEPLOYMENT.at("/spec/template/spec/containers/0/image").asText()).as("input untouched")
                .isEqualTo("nginx:1");
    }

    @Test
    void strategicMergeHonoursDirectives() {
        JsonNode deleted = Patches.apply(SMP, DEPLOYMENT, """
                {"metadata":{"labels":{"tier":null}},"spec":{"template":{"spec":{
                 "containers":[{"name":"proxy","$patch":"delete"}],
                 "$setElementOrder/containers":[{"name":"web"}]}}}}""");
        assertThat(deleted.at("/metadata/labels").toString()).isEqualTo("{\"app\":\"web\"}");
        assertThat(deleted.at("/spec/template/spec/containers")).hasSize(1);
        assertThat(deleted.at("/spec/template/spec").has("$setElementOrder/containers")).isFalse();

        JsonNode replaced = Patches.apply(SMP, DEPLOYMENT, """
                {"spec":{"template":{"$patch":"replace","spec":{"containers":[{"name":"only","image":"x:1"}]}}}}""");
        assertThat(replaced.at("/spec/template/spec/containers")).hasSize(1);
        assertThat(replaced.at("/spec/template/spec/volumes").isMissingNode()).isTrue();
        assertThat(replaced.path("status").path("replicas").asInt()).isEqualTo(2);
    }

    @Test
    void mergePatchReplacesListsAndDeletesNulls() {
        JsonNode patched = Patches.apply("application/merge-patch+json", DEPLOYMENT, """
                {"metadata":{"labels":{"tier":null,"team":"a"}},
                 "spec":{"template":{"spec":{"containers":[{"name":"solo","image":"x:1"}]}}}}""");
        assertThat(patched.at("/metadata/labels").toString()).isEqualTo("{\"app\":\"web\",\"team\":\"a\"}");
        assertThat(patched.at("/spec/template/spec/containers")).hasSize(1);
    }

    @Test
    void jsonPatchAppliesOperationsAndAddsWhatReplaceCannotFind() {
        JsonNode patched = Patches.apply("application/json-patch+json", DEPLOYMENT, """
                [{"op":"replace","path":"/spec/replicas","value":5},
                 {"op":"replace","path":"/metadata/annotations","value":{"a":"b"}}]""");
        assertThat(patched.at("/spec/replicas").asInt()).isEqualTo(5);
        assertThat(patched.at("/metadata/annotations/a").asText()).isEqualTo("b");
        assertThatThrownBy(() -> Patches.apply("application/json-patch+json", DEPLOYMENT,
                "[{\"op\":\"test\",\"path\":\"/spec/replicas\",\"value\":99}]")).isInstanceOf(Json.BadRequest.class);
    }

    @Test
    void otherPatchTypesAreUnsupported() {
        assertThatThrownBy(() -> Patches.apply("application/apply-patch+yaml", DEPLOYMENT, "{}"))
                .isInstanceOf(Patches.UnsupportedType.class);
    }
}
