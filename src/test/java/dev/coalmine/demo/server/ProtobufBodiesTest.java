package dev.coalmine.demo.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class ProtobufBodiesTest {
    @Test
    void decodesTheNamespaceKubectlCreateSends() {
        // kubectl 1.32 `create namespace qa`, as logged with -v=9
        byte[] body = HexFormat.of().parseHex("6b3873000a0f0a02763112094e616d657370616365"
                + "121a0a120a02716112001a0022002a00320038004200" + "12001a020a001a002200");
        String json = ProtobufBodies.toJson(body);
        assertThat(json).contains("\"apiVersion\":\"v1\"", "\"kind\":\"Namespace\"", "\"name\":\"qa\"");
    }

    @Test
    void rejectsKindsItHasNoSchemaFor() {
        // envelope for apps/v1 Deployment with an empty object
        byte[] deployment = HexFormat.of().parseHex("6b3873000a150a07617070732f7631120a4465706c6f796d656e741200");
        assertThatThrownBy(() -> ProtobufBodies.toJson(deployment)).isInstanceOf(Patches.UnsupportedType.class)
                .hasMessageContaining("Deployment");
        assertThatThrownBy(() -> ProtobufBodies.toJson(HexFormat.of().parseHex("00010203")))
                .isInstanceOf(Json.BadRequest.class);
    }
}
