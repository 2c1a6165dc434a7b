package dev.coalmine.kube.release;

import com.fasterxml.jackson.databind.JsonMappingException;
import dev.coalmine.core.CoalmineException;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.constructor.StandardConstructor;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.parser.Parser;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;

/**
 * A manifest's YAML documents as Kubernetes objects, parsed in time linear in the text's length. fabric8's
 * {@code unmarshal} reads through SnakeYAML's 1 KiB window, which copies the unread rest of a token on every refill:
 * one long line, comment or value took time quadratic in its length (4 MiB: seconds), and a document above 3 MiB
 * code points was refused with SnakeYAML's own words. Here the window holds the whole text (which
 * {@link ManifestFile} bounds), nesting deeper than {@value #MAX_DEPTH} is refused before it can overflow the stack,
 * and every problem is one line that quotes no text of the file (a Secret's value may stand there).
 */
final class ManifestYaml {
    static final int MAX_DEPTH = 100;

    private ManifestYaml() {
    }

    /** The documents in order; empty documents are left out. */
    static List<KubernetesResource> objects(String yaml, KubernetesSerialization serialization) {
        List<KubernetesResource> objects = new ArrayList<>();
        List<Object> documents = documents(yaml);
        for (int i = 0; i < documents.size(); i++) {
            Object document = documents.get(i);
            if (document != null) {
                objects.add(object(document, i + 1, serialization));
            }
        }
        return objects;
    }

    static List<Object> documents(String yaml) {
        LoadSettings settings = LoadSettings.builder().setLabel("manifest").setBufferSize(yaml.length() + 1)
                .setCodePointLimit(Math.max(yaml.length(), 1)).setAllowDuplicateKeys(false).build();
        Composer composer = new Composer(settings, new DepthLimit(new ParserImpl(settings,
                new StreamReader(settings, yaml))));
        StandardConstructor constructor = new StandardConstructor(settings);
        List<Object> documents = new ArrayList<>();
        try {
            while (composer.hasNext()) {
                documents.add(constructor.constructSingleDocument(Optional.of(composer.next())));
            }
        } catch (MarkedYamlEngineException e) {
            throw new CoalmineException("the manifest file is not valid YAML: " + firstLine(e.getProblem())
                    + e.getProblemMark().map(ManifestYaml::where).orElse("")
                    + "; fix it there (kubectl apply --dry-run=client -f FILE shows the same problem)");
        } catch (YamlEngineException e) {
            throw new CoalmineException("the manifest file is not valid YAML: " + firstLine(e.getMessage()));
        }
        return documents;
    }

    private static KubernetesResource object(Object document, int number, KubernetesSerialization serialization) {
        if (!(document instanceof Map<?, ?> map)) {
            throw new CoalmineException("document " + number + " of the manifest file is no Kubernetes object (a "
                    + "mapping with apiVersion, kind and metadata); remove it or fix its indentation");
        }
        if (!(map.get("kind") instanceof String) || !(map.get("apiVersion") instanceof String)) {
            throw new CoalmineException("document " + number + " of the manifest file has no "
                    + (map.get("kind") instanceof String ? "apiVersion" : "kind") + "; every Kubernetes object "
                    + "needs apiVersion and kind");
        }
        try {
            return serialization.convertValue(map, KubernetesResource.class);
        } catch (IllegalArgumentException e) {
            throw new CoalmineException("the " + map.get("kind") + " in document " + number + " of the manifest file "
                    + "is not valid" + path(e) + ": " + firstLine(problem(e)) + "; fix that field");
        }
    }

    /** " at spec.replicas" from Jackson's reference chain, if it has one. */
    private static String path(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
                return " at " + mapping.getPath().stream()
                        .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                        .collect(Collectors.joining(".")).replace(".[", "[");
            }
        }
        return "";
    }

    private static String problem(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof JsonMappingException mapping) {
                return mapping.getOriginalMessage();
            }
        }
        return String.valueOf(e.getMessage());
    }

    private static String where(Mark mark) {
        return " (line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1) + ")";
    }

    private static String firstLine(String text) {
        String line = text == null ? "" : text.strip().lines().findFirst().orElse("");
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }

    /** The parser's events, refusing collections nested deeper than {@link #MAX_DEPTH}. */
    private static final class DepthLimit implements Parser {
        private final Parser parser;
        private int depth;

        DepthLimit(Parser parser) {
            this.parser = parser;
        }

        @Override
        public boolean checkEvent(Event.ID choice) {
            return parser.checkEvent(choice);
        }

        @Override
        public Event peekEvent() {
            return parser.peekEvent();
        }

        @Override
        public boolean hasNext() {
            return parser.hasNext();
        }

        @Override
        public Event next() {
            Event event = parser.next();
            switch (event.getEventId()) {
                case SequenceStart, MappingStart -> {
                    if (++depth > MAX_DEPTH) {
                        throw new CoalmineException("the manifest file nests lists and mappings more than " + MAX_DEPTH
                                + " deep" + event.getStartMark().map(ManifestYaml::where).orElse("")
                                + "; a Kubernetes object never needs that: check the file");
                    }
                }
                case SequenceEnd, MappingEnd -> depth--;
                default -> {
                }
            }
            return event;
        }
    }
}
