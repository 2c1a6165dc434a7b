package dev.coalmine.kube.feed;

import dev.coalmine.demo.server.WatchSafeCrudDispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The CRUD mock API server plus {@code GET .../pods/NAME/log} the way the kubelet answers it: the lines
 * logged so far (honouring container, tailLines, sinceTime and timestamps), then the end of the body;
 * the mock server cannot hold a response open, so following means asking again.
 */
final class LogServingDispatcher extends WatchSafeCrudDispatcher {
    private static final Pattern LOG_PATH = Pattern.compile("/api/v1/namespaces/([^/]+)/pods/([^/?]+)/log\\?(.*)");

    private record Entry(Instant time, String text) {
    }

    private final Map<String, List<Entry>> logs = new ConcurrentHashMap<>();
    private final List<String> requestedPods = new CopyOnWriteArrayList<>();
    private volatile boolean timestamps = true;
    private final java.util.Set<String> forbidden = ConcurrentHashMap.newKeySet();

    /** Serve lines without timestamps, as a server that ignores {@code timestamps=true} would. */
    void withoutTimestamps() {
        timestamps = false;
    }

    /** Refuse the pod's log as RBAC without {@code get pods/log} does (403), or serve it again. */
    void forbid(String pod, boolean refused) {
        if (refused) {
            forbidden.add(pod);
        } else {
            forbidden.remove(pod);
        }
    }

    void log(String pod, String container, Instant time, String text) {
        logs.computeIfAbsent(pod + "/" + container, k -> new CopyOnWriteArrayList<>()).add(new Entry(time, text));
    }

    /** The pods whose log was requested, one entry per request. */
    List<String> requestedPods() {
        return requestedPods;
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        Matcher m = LOG_PATH.matcher(request.getPath());
        if (!m.matches()) {
            return super.dispatch(request);
        }
        String pod = m.group(2);
        requestedPods.add(pod);
        if (forbidden.contains(pod)) {
            return new MockResponse().setResponseCode(403).setHeader("Content-Type", "application/json").setBody(
                    "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},\"status\":\"Failure\",\"message\":"
                    + "\"pods \\\"" + pod + "\\\" is forbidden: User \\\"ana\\\" cannot get resource \\\"pods/log\\\" in API "
                    + "group \\\"\\\" in the namespace \\\"" + m.group(1) + "\\\"\",\"reason\":\"Forbidden\",\"details\":{\"name\":\""
                    + pod + "\",\"kind\":\"pods\"},\"code\":403}\n");
        }
        Map<String, String> query = query(m.group(3));
        List<Entry> entries = new ArrayList<>(logs.getOrDefault(pod + "/" + query.get("container"), List.of()));
        if (query.containsKey("sinceTime")) {
            Instant since = Instant.parse(query.get("sinceTime"));
            entries.removeIf(e -> e.time().isBefore(since));
        }
        if (query.containsKey("tailLines")) {
            int tail = Integer.parseInt(query.get("tailLines"));
            entries = entries.subList(Math.max(0, entries.size() - tail), entries.size());
        }
        boolean stamped = timestamps && "true".equals(query.get("timestamps"));
        StringBuilder body = new StringBuilder();
        for (Entry e : entries) {
            body.append(stamped ? e.time() + " " : "").append(e.text()).append('\n');
        }
        return new MockResponse().setResponseCode(200).setHeader("Content-Type", "text/plain").setBody(body.toString());
    }

    private static Map<String, String> query(String text) {
        Map<String, String> out = new HashMap<>();
        for (String pair : text.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                out.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return out;
    }
}
