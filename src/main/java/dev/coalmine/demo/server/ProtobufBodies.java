package dev.coalmine.demo.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;

/**
 * Turns the protobuf request bodies kubectl's typed clients send ({@code kubectl create namespace},
 * {@code kubectl auth can-i}, {@code kubectl create configmap|secret|serviceaccount}) into JSON. Only the
 * fields these objects need are known; anything else is rejected with 415 so the user can fall back to
 * {@code kubectl apply -f}. Answers are always JSON, which kubectl accepts too.
 */
final class ProtobufBodies {
    private static final byte[] MAGIC = {0x6b, 0x38, 0x73, 0x00};

    private enum Kind { STRING, BYTES, BOOL, INT, MESSAGE, STRING_MAP, BYTES_MAP, STRINGS }

    private record Field(String name, Kind kind, Map<Integer, Field> message) {
        static Field of(String name, Kind kind) {
            return new Field(name, kind, Map.of());
        }

        static Field message(String name, Map<Integer, Field> fields) {
            return new Field(name, Kind.MESSAGE, fields);
        }
    }

    private static final Map<Integer, Field> OBJECT_META = Map.of(1, Field.of("name", Kind.STRING),
            2, Field.of("generateName", Kind.STRING), 3, Field.of("namespace", Kind.STRING),
            11, Field.of("labels", Kind.STRING_MAP), 12, Field.of("annotations", Kind.STRING_MAP),
            14, Field.of("finalizers", Kind.STRINGS));
    private static final Field METADATA = Field.message("metadata", OBJECT_META);
    private static final Map<String, Map<Integer, Field>> KINDS = Map.of(
            "Namespace", Map.of(1, METADATA,
                    2, Field.message("spec", Map.of(1, Field.of("finalizers", Kind.STRINGS)))),
            "ConfigMap", Map.of(1, METADATA, 2, Field.of("data", Kind.STRING_MAP),
                    3, Field.of("binaryData", Kind.BYTES_MAP), 4, Field.of("immutable", Kind.BOOL)),
            "Secret", Map.of(1, METADATA, 2, Field.of("data", Kind.BYTES_MAP), 3, Field.of("type", Kind.STRING),
                    4, Field.of("stringData", Kind.STRING_MAP), 5, Field.of("immutable", Kind.BOOL)),
            "ServiceAccount", Map.of(1, METADATA),
            "SelfSubjectAccessReview", Map.of(1, METADATA, 2, Field.message("spec", Map.of(
                    1, Field.message("resourceAttributes", Map.of(1, Field.of("namespace", Kind.STRING),
                            2, Field.of("verb", Kind.STRING), 3, Field.of("group", Kind.STRING),
                            4, Field.of("version", Kind.STRING), 5, Field.of("resource", Kind.STRING),
                            6, Field.of("subresource", Kind.STRING), 7, Field.of("name", Kind.STRING))),
                    2, Field.message("nonResourceAttributes", Map.of(1, Field.of("path", Kind.STRING),
                            2, Field.of("verb", Kind.STRING)))))),
            "SelfSubjectRulesReview", Map.of(1, METADATA,
                    2, Field.message("spec", Map.of(1, Field.of("namespace", Kind.STRING)))));

    private ProtobufBodies() {
    }

    static boolean isProtobuf(String contentType) {
        return contentType != null && contentType.startsWith("application/vnd.kubernetes.protobuf");
    }

    static String toJson(byte[] body) {
        for (int i = 0; i < MAGIC.length; i++) {
            if (body.length < MAGIC.length || body[i] != MAGIC[i]) {
                throw new Json.BadRequest("the protobuf body does not start with the Kubernetes envelope");
            }
        }
        Reader envelope = new Reader(body, MAGIC.length, body.length);
        String apiVersion = "";
        String kind = "";
        byte[] raw = new byte[0];
        while (envelope.more()) {
            int tag = envelope.varint32();
            if (tag >>> 3 == 1 && (tag & 7) == 2) {
                Reader typeMeta = envelope.nested();
                while (typeMeta.more()) {
                    int t = typeMeta.varint32();
                    if (t >>> 3 == 1) {
                        apiVersion = typeMeta.string();
                    } else if (t >>> 3 == 2) {
                        kind = typeMeta.string();
                    } else {
                        typeMeta.skip(t & 7);
                    }
                }
            } else if (tag >>> 3 == 2 && (tag & 7) == 2) {
                raw = envelope.bytes();
            } else {
                envelope.skip(tag & 7);
            }
        }
        Map<Integer, Field> schema = KINDS.get(kind);
        if (schema == null) {
            throw new Patches.UnsupportedType("application/vnd.kubernetes.protobuf for " + kind
                    + " (the demo cluster reads protobuf only for " + KINDS.keySet() + "; use kubectl apply -f)");
        }
        ObjectNode object = Json.object().put("apiVersion", apiVersion).put("kind", kind);
        decode(new Reader(raw, 0, raw.length), schema, object);
        return Json.write(object);
    }

    private static void decode(Reader in, Map<Integer, Field> schema, ObjectNode out) {
        while (in.more()) {
            int tag = in.varint32();
            Field field = schema.get(tag >>> 3);
            if (field == null) {
                in.skip(tag & 7);
                continue;
            }
            switch (field.kind()) {
                case STRING -> out.put(field.name(), in.string());
                case BYTES -> out.put(field.name(), Base64.getEncoder().encodeToString(in.bytes()));
                case BOOL -> out.put(field.name(), in.varint() != 0);
                case INT -> out.put(field.name(), in.varint());
                case MESSAGE -> decode(in.nested(), field.message(), Json.with(out, field.name()));
                case STRINGS -> {
                    ArrayNode list = out.has(field.name()) ? (ArrayNode) out.get(field.name())
                            : out.putArray(field.name());
                    list.add(in.string());
                }
                case STRING_MAP, BYTES_MAP -> {
                    Reader entry = in.nested();
                    String key = "";
                    String value = "";
                    while (entry.more()) {
                        int t = entry.varint32();
                        if (t >>> 3 == 1) {
                            key = entry.string();
                        } else if (t >>> 3 == 2) {
                            byte[] v = entry.bytes();
                            value = field.kind() == Kind.BYTES_MAP ? Base64.getEncoder().encodeToString(v)
                                    : new String(v, StandardCharsets.UTF_8);
                        } else {
                            entry.skip(t & 7);
                        }
                    }
                    Json.with(out, field.name()).put(key, value);
                }
                default -> in.skip(tag & 7);
            }
        }
    }

    /** Protocol buffers wire format, just enough of it. */
    private static final class Reader {
        private final byte[] data;
        private int at;
        private final int end;

        Reader(byte[] data, int from, int end) {
            this.data = data;
            this.at = from;
            this.end = end;
        }

        boolean more() {
            return at < end;
        }

        long varint() {
            long value = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                if (at >= end) {
                    throw new Json.BadRequest("truncated protobuf body");
                }
                byte b = data[at++];
                value |= (long) (b & 0x7f) << shift;
                if ((b & 0x80) == 0) {
                    return value;
                }
            }
            throw new Json.BadRequest("malformed protobuf varint");
        }

        int varint32() {
            return (int) varint();
        }

        byte[] bytes() {
            int length = varint32();
            if (length < 0 || at + length > end) {
                throw new Json.BadRequest("truncated protobuf body");
            }
            byte[] out = Arrays.copyOfRange(data, at, at + length);
            at += length;
            return out;
        }

        String string() {
            return new String(bytes(), StandardCharsets.UTF_8);
        }

        Reader nested() {
            int length = varint32();
            Reader inner = new Reader(data, at, at + length);
            at += length;
            return inner;
        }

        void skip(int wireType) {
            switch (wireType) {
                case 0 -> varint();
                case 1 -> at += 8;
                case 2 -> {
                    int length = varint32();
                    at += length;
                }
                case 5 -> at += 4;
                default -> throw new Json.BadRequest("unsupported protobuf wire type " + wireType);
            }
        }
    }
}
