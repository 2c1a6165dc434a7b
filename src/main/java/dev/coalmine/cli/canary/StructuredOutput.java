package dev.coalmine.cli.canary;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;

/** Writes a tree of {@code -o json} or {@code -o yaml} output: one content, two notations. */
final class StructuredOutput {
    private static final ObjectMapper JSON = new ObjectMapper();

    private StructuredOutput() {
    }

    /** Made on first use: a {@code -o json} call (the usual one in scripts) does not pay YAML's start-up. */
    private static final class Yaml {
        static final YAMLMapper MAPPER = YAMLMapper.builder()
                .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES, YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
                .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                .build();
    }

    /** Indented JSON, or a YAML document. */
    static String pretty(JsonNode node, OutputFormat format) {
        return write(format == OutputFormat.yaml ? Yaml.MAPPER.writer() : JSON.writerWithDefaultPrettyPrinter(), node)
                .stripTrailing();
    }

    /**
     * One change of {@code --watch}: JSON on one line, or a YAML document that starts with {@code ---} so that
     * the stream of changes stays one YAML stream.
     */
    static String streamed(JsonNode node, OutputFormat format) {
        return format == OutputFormat.yaml ? "---\n" + pretty(node, format)
                : write(JSON.writer(), node);
    }

    /** Plain maps and lists as a tree. */
    static JsonNode tree(Object value) {
        return JSON.valueToTree(value);
    }

    /** The documents of multi-document YAML, each as a tree. */
    static JsonNode documents(String yaml) {
        try {
            return JSON.valueToTree(Yaml.MAPPER.readValues(Yaml.MAPPER.createParser(yaml), JsonNode.class).readAll());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String write(ObjectWriter writer, JsonNode node) {
        try {
            return writer.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
