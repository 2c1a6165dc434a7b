package dev.coalmine.demo.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.client.server.mock.KubernetesAttributesExtractor;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.crud.KubernetesCrudDispatcherException;
import io.fabric8.kubernetes.client.server.mock.crud.KubernetesCrudDispatcherHandler;
import io.fabric8.kubernetes.client.server.mock.crud.PostHandler;
import io.fabric8.kubernetes.client.server.mock.crud.PutHandler;
import io.fabric8.mockwebserver.crud.AttributeSet;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.Buffer;
import io.fabric8.mockwebserver.http.Headers;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * fabric8's CRUD store with what a real API server adds: {@code /status} subresource semantics for built-in
 * types, defaults, strategic merge patch, {@code dryRun=All}, namespace checks and cascading deletion.
 * Writes are serialised so that read-patch-write is atomic.
 */
final class ClusterStore extends KubernetesCrudDispatcher {
    private static final String NAME_CHARS = "bcdfghjklmnpqrstvwxz2456789";

    private final ResourceCatalog catalog;
    private final ObjectDefaults defaults = new ObjectDefaults();
    private final CrdSchemas schemas = new CrdSchemas();
    private final ReentrantLock writes = new ReentrantLock();
    private final RegisteredWatches registered = new RegisteredWatches(this);
    private final Executor watchCloser = OffloadedWatchClose.closerThreads();
    private final KubernetesCrudDispatcherHandler dryCreate;
    private final KubernetesCrudDispatcherHandler dryUpdate;
    private final SecureRandom random = new SecureRandom();
    private final Dependents dependents;

    ClusterStore(ResourceCatalog catalog) {
        this.catalog = catalog;
        this.dependents = new Dependents(catalog);
        DryRunPersistence dry = new DryRunPersistence(this);
        dryCreate = new PostHandler(new KubernetesAttributesExtractor(), dry);
        dryUpdate = new PutHandler(dry);
    }

    @Override
    public boolean isStatusSubresourceEnabledForResource(String path) {
        Optional<ResourceType> type = ApiPath.parse(path).flatMap(catalog::find);
        if (type.isPresent()) {
            // Namespaces keep the phase their defaults give them on create.
            return type.get().hasStatus() && !type.get().kind().equals("Namespace");
        }
        return super.isStatusSubresourceEnabledForResource(path);
    }

    /** Runs a read-check-write sequence without other writes in between. */
    <T> T locked(Supplier<T> work) {
        writes.lock();
        try {
            return work.get();
        } finally {
            writes.unlock();
        }
    }

    /** The stored object at an object path, if any. */
    Optional<JsonNode> read(String objectPath) {
        Map.Entry<AttributeSet, String> entry;
        // The store's map is a synchronized map: iterating it safely means holding its monitor.
        synchronized (map) {
            entry = findResource(getKey(objectPath));
        }
        return entry == null ? Optional.empty() : Optional.of(Json.parse(entry.getValue()));
    }

    /** Every stored object. */
    List<JsonNode> all() {
        List<String> values;
        synchronized (map) {
            values = new ArrayList<>(map.values());
        }
        return values.stream().map(Json::parse).toList();
    }

    MockResponse create(ApiPath path, String contentType, String body) {
        writes.lock();
        try {
            if (path.namespace() != null && !namespaceExists(path.namespace())) {
                return StatusResponses.namespaceNotFound(path.namespace());
            }
            JsonNode parsed = Json.parse(body);
            if (!(parsed instanceof ObjectNode object)) {
                throw new Json.BadRequest("the request body must be a JSON object");
            }
            ObjectNode metadata = Json.with(object, "metadata");
            if (metadata.path("name").asText().isEmpty() && !metadata.path("generateName").asText().isEmpty()) {
                metadata.put("name", metadata.path("generateName").asText() + randomSuffix());
            }
            catalog.find(path).ifPresent(t -> defaults.apply(t, object, null));
            Optional<MockResponse> invalid = rejection(path, object);
            if (invalid.isPresent()) {
                return invalid.get();
            }
            String full = Json.write(object);
            if (path.isDryRun()) {
                return handle(dryCreate, path.pathOnly(), contentType, full);
            }
            MockResponse created = super.handleCreate(request(HttpMethod.POST, path.pathOnly(), contentType, full));
            if (created.code() == 201 && isNamespaces(path)) {
                createDefaultServiceAccount(metadata.path("name").asText());
            }
            return created;
        } finally {
            writes.unlock();
        }
    }

    /** What a custom resource's schema says of the object: a 422 answer, or nothing when it is valid. */
    private Optional<MockResponse> rejection(ApiPath path, JsonNode object) {
        boolean strict = "Strict".equals(path.param("fieldValidation"));
        return catalog.find(path).flatMap(t -> schemas.rejection(t, object, strict));
    }

    private static boolean isNamespaces(ApiPath path) {
        return path.group().isEmpty() && path.resource().equals("namespaces") && path.name() == null;
    }

    /** What kube-controller-manager's serviceaccount controller does for every new namespace. */
    private void createDefaultServiceAccount(String namespace) {
        ObjectNode account = Json.object().put("apiVersion", "v1").put("kind", "ServiceAccount");
        account.putObject("metadata").put("name", "default").put("namespace", namespace);
        create(new ApiPath("", "v1", namespace, "serviceaccounts", null, null, Map.of()), "application/json",
                Json.write(account));
    }

    MockResponse replace(ApiPath path, String contentType, String body) {
        writes.lock();
        try {
            Optional<JsonNode> current = read(path.objectPath());
            if (current.isEmpty()) {
                return StatusResponses.notFound(path);
            }
            return update(path, contentType, Json.parse(body), current.get());
        } finally {
            writes.unlock();
        }
    }

    MockResponse patch(ApiPath path, String contentType, String body) {
        writes.lock();
        try {
            Optional<JsonNode> current = read(path.objectPath());
            if (current.isEmpty()) {
                return StatusResponses.notFound(path);
            }
            JsonNode patched = Patches.apply(contentType, current.get(), body);
            return update(path, "application/json", patched, current.get());
        } finally {
            writes.unlock();
        }
    }

    private MockResponse update(ApiPath path, String contentType, JsonNode updated, JsonNode current) {
        if (!(updated instanceof ObjectNode object)) {
            throw new Json.BadRequest("the request body must be a JSON object");
        }
        if (path.subresource() == null) {
            catalog.find(path).ifPresent(t -> defaults.apply(t, object, current));
        }
        Optional<MockResponse> invalid = rejection(path, object);
        if (invalid.isPresent()) {
            return invalid.get();
        }
        String full = Json.write(object);
        if (path.isDryRun()) {
            return handle(dryUpdate, path.pathOnly(), contentType, full);
        }
        return super.handleUpdate(request(HttpMethod.PUT, path.pathOnly(), contentType, full));
    }

    MockResponse delete(ApiPath path, boolean orphanDependents) {
        writes.lock();
        try {
            if (path.name() == null) {
                return deleteCollection(path, orphanDependents);
            }
            Optional<JsonNode> current = read(path.objectPath());
            if (current.isEmpty()) {
                return StatusResponses.notFound(path);
            }
            if (path.isDryRun()) {
                return StatusResponses.json(200, current.get());
            }
            MockResponse response = super.handleDelete(path.objectPath());
            if (response.code() == 200 && !orphanDependents) {
                collectGarbage(current.get());
            }
            return response;
        } finally {
            writes.unlock();
        }
    }

    private MockResponse deleteCollection(ApiPath path, boolean orphanDependents) {
        List<JsonNode> doomed = list(path);
        ObjectNode answer = listDocument(path, doomed);
        if (!path.isDryRun()) {
            for (JsonNode object : doomed) {
                dependents.pathOf(object).ifPresent(p -> delete(p, orphanDependents));
            }
        }
        return StatusResponses.json(200, answer);
    }

    /** Deletes what the garbage collector would: dependents by owner uid, and a namespace's contents. */
    private void collectGarbage(JsonNode deleted) {
        dependents.of(deleted, all()).forEach(p -> delete(p, false));
    }

    /** The objects a list request selects, with label and field selectors applied. */
    List<JsonNode> list(ApiPath path) {
        MockResponse response = super.handleGet(path.collectionPath());
        JsonNode items = Json.parse(response.getBody().readUtf8()).path("items");
        Predicate<JsonNode> selected = Selectors.of(path);
        List<JsonNode> out = new ArrayList<>();
        items.forEach(item -> {
            if (selected.test(item)) {
                out.add(item);
            }
        });
        // A real API server lists in the order of its storage keys: namespace, then name.
        out.sort(Comparator.comparing((JsonNode o) -> o.path("metadata").path("namespace").asText())
                .thenComparing(o -> o.path("metadata").path("name").asText()));
        return out;
    }

    ObjectNode listDocument(ApiPath path, List<JsonNode> items) {
        String kind = catalog.find(path).map(ResourceType::kind).orElse("") + "List";
        ObjectNode doc = Json.object().put("apiVersion", path.apiVersion()).put("kind", kind);
        doc.putObject("metadata").put("resourceVersion", currentResourceVersion());
        ArrayNode array = doc.putArray("items");
        items.forEach(array::add);
        return doc;
    }

    /** A watch of the store's events, with selectors applied here rather than by the mock. */
    MockResponse watch(ApiPath path, UnaryOperator<JsonNode> presentation) {
        String base = path.objectPath() + "?watch=true";
        MockResponse upgrade = super.handleGet(base);
        String since = path.param("resourceVersion");
        long sinceVersion = since == null || since.isEmpty() ? 0 : Long.parseLong(since);
        return new MockResponse().withWebSocketUpgrade(new OffloadedWatchClose(
                new FilteringWatchListener(upgrade.getWebSocketListener(), Selectors.of(path), sinceVersion, presentation),
                registered.unregistering(upgrade.getWebSocketListener()), watchCloser));
    }

    String currentResourceVersion() {
        long max = 0;
        for (JsonNode object : all()) {
            max = Math.max(max, object.path("metadata").path("resourceVersion").asLong());
        }
        return String.valueOf(max);
    }

    boolean namespaceExists(String namespace) {
        return read("/api/v1/namespaces/" + namespace).isPresent();
    }

    private static MockResponse handle(KubernetesCrudDispatcherHandler handler, String path, String contentType,
            String body) {
        try {
            return handler.handle(path, contentType, body);
        } catch (KubernetesCrudDispatcherException e) {
            return new MockResponse().setResponseCode(e.getCode()).setBody(e.toStatusBody());
        }
    }

    private static RecordedRequest request(HttpMethod method, String path, String contentType, String body) {
        Headers headers = Headers.builder().add("Content-Type", contentType == null ? "application/json"
                : contentType).build();
        return new RecordedRequest("HTTP/1.1", method, path, headers,
                new Buffer(body.getBytes(StandardCharsets.UTF_8)));
    }

    private String randomSuffix() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 5; i++) {
            sb.append(NAME_CHARS.charAt(random.nextInt(NAME_CHARS.length())));
        }
        return sb.toString();
    }
}
