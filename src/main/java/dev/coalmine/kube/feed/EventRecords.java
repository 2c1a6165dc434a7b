package dev.coalmine.kube.feed;

import dev.coalmine.core.feed.EventRecord;
import dev.coalmine.core.feed.ObjectRef;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.MicroTime;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** Reads a core/v1 Event, including the newer events.k8s.io fields (eventTime, series) that some controllers fill instead. */
final class EventRecords {
    private EventRecords() {
    }

    static EventRecord of(Event e) {
        var meta = e.getMetadata();
        var involved = e.getInvolvedObject();
        ObjectRef object = new ObjectRef(nonNull(involved == null ? null : involved.getKind()),
                nonNull(involved == null ? null : involved.getName()));
        Instant eventTime = micro(e.getEventTime());
        Instant first = firstNonNull(time(e.getFirstTimestamp()), eventTime, time(meta.getCreationTimestamp()));
        Instant last = firstNonNull(e.getSeries() == null ? null : micro(e.getSeries().getLastObservedTime()),
                time(e.getLastTimestamp()), first);
        int count = e.getSeries() != null && e.getSeries().getCount() != null ? e.getSeries().getCount()
                : e.getCount() != null ? e.getCount() : 1;
        // Servers that assign no uid (some mock servers) still name each Event uniquely in its namespace.
        String uid = meta.getUid() == null || meta.getUid().isEmpty() ? "name:" + meta.getName() : meta.getUid();
        return new EventRecord(uid, nonNull(meta.getResourceVersion()), nonNull(e.getType()),
                nonNull(e.getReason()), object, count, nonNull(e.getMessage()), first, last, source(e));
    }

    /** Whether Coalmine itself reported the Event. */
    static boolean reportedByCoalmine(Event e) {
        return "coalmine".equals(e.getReportingComponent())
                || e.getSource() != null && "coalmine".equals(e.getSource().getComponent());
    }

    private static String source(Event e) {
        String component = e.getSource() == null ? null : e.getSource().getComponent();
        String host = e.getSource() == null ? null : e.getSource().getHost();
        if (component == null || component.isEmpty()) {
            component = e.getReportingComponent();
            host = e.getReportingInstance();
        }
        if (component == null || component.isEmpty()) {
            return "";
        }
        return host == null || host.isEmpty() || host.equals(component) ? component : component + ", " + host;
    }

    private static Instant micro(MicroTime t) {
        return t == null ? null : time(t.getTime());
    }

    private static Instant time(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    @SafeVarargs
    private static <T> T firstNonNull(T... values) {
        for (T v : values) {
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }
}
