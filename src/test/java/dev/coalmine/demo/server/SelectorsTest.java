package dev.coalmine.demo.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class SelectorsTest {
    private static final JsonNode CANARY_POD = Json.parse("""
            {"metadata":{"name":"web-canary-1","namespace":"shop",
              "labels":{"app":"web","coalmine.dev/track":"canary"}},"status":{"phase":"Running"}}""");
    private static final JsonNode EVENT = Json.parse("""
            {"metadata":{"name":"e1","namespace":"shop"},
             "involvedObject":{"kind":"Deployment","name":"web","namespace":"shop"}}""");

    @Test
    void labelSelectorsSupportEqualitySetsAndExistence() {
        assertThat(Selectors.labels("app=web,coalmine.dev/track==canary").test(CANARY_POD)).isTrue();
        assertThat(Selectors.labels("app=web,coalmine.dev/track!=canary").test(CANARY_POD)).isFalse();
        assertThat(Selectors.labels("coalmine.dev/track in (canary, baseline)").test(CANARY_POD)).isTrue();
        assertThat(Selectors.labels("coalmine.dev/track notin (canary)").test(CANARY_POD)).isFalse();
        assertThat(Selectors.labels("app,!release").test(CANARY_POD)).isTrue();
        assertThat(Selectors.labels("release").test(CANARY_POD)).isFalse();
        assertThat(Selectors.labels("").test(CANARY_POD)).isTrue();
    }

    @Test
    void fieldSelectorsReadAnyDottedField() {
        assertThat(Selectors.fields("involvedObject.kind=Deployment,involvedObject.name=web").test(EVENT)).isTrue();
        assertThat(Selectors.fields("involvedObject.name=api").test(EVENT)).isFalse();
        assertThat(Selectors.fields("metadata.name!=e2").test(EVENT)).isTrue();
        assertThat(Selectors.fields("status.phase=Running").test(CANARY_POD)).isTrue();
        assertThatThrownBy(() -> Selectors.fields("nonsense")).isInstanceOf(Json.BadRequest.class);
    }
}
