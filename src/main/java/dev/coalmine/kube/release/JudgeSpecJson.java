package dev.coalmine.kube.release;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import dev.coalmine.core.release.JudgeSpec;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** The judge of a stored release as {@code {"mode": "MANUAL" | "AUTOMATIC", "config": {key: value}}}. */
final class JudgeSpecJson {
    private static final String AUTOMATIC = "AUTOMATIC";

    private JudgeSpecJson() {
    }

    static SimpleModule module() {
        return new SimpleModule("judge")
                .addSerializer(JudgeSpec.class, new Writer())
                .addDeserializer(JudgeSpec.class, new Reader());
    }

    private static final class Writer extends JsonSerializer<JudgeSpec> {
        @Override
        public void serialize(JudgeSpec judge, JsonGenerator out, SerializerProvider provider) throws IOException {
            out.writeStartObject();
            out.writeStringField("mode", judge.isAutomatic() ? AUTOMATIC : "MANUAL");
            out.writeObjectField("config", judge.isAutomatic() ? StoredJudgeConfig.write(judge.settings()) : Map.of());
            out.writeEndObject();
        }
    }

    private static final class Reader extends JsonDeserializer<JudgeSpec> {
        @Override
        public JudgeSpec deserialize(JsonParser in, DeserializationContext context) throws IOException {
            JsonNode node = in.readValueAsTree();
            if (!AUTOMATIC.equals(node.path("mode").asText())) {
                return JudgeSpec.manual();
            }
            Map<String, String> config = new LinkedHashMap<>();
            node.path("config").fields().forEachRemaining(e -> config.put(e.getKey(), e.getValue().asText()));
            return JudgeSpec.automatic(StoredJudgeConfig.read(config));
        }
    }
}
