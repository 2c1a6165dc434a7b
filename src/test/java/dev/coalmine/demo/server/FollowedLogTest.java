package dev.coalmine.demo.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coalmine.demo.PodLogSource;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * A followed log sends every line once, also a line the traffic simulation writes after a read but dates before it
 * (it writes a slice's requests when the slice ends, dated within the slice).
 */
class FollowedLogTest {
    private static final Instant T0 = Instant.parse("2026-12-06T12:00:00Z");

    private final List<PodLogSource.LogLine> written = new CopyOnWriteArrayList<>();
    private final PodLogSource source = (pod, container, from, to) -> written.stream()
            .filter(l -> !l.time().isBefore(from) && l.time().isBefore(to)).toList();
    private final PodLogs logs = new PodLogs(null, source);
    private final Pod pod = new PodBuilder().withNewMetadata().withName("web-1").endMetadata().build();
    private final PodLogs.Target target = new PodLogs.Target(pod, "web", false, "/api/v1/namespaces/default/pods/web-1");

    @Test
    void aLineDatedBeforeTheLastReadButWrittenAfterItIsStillSent() {
        written.add(line(1_000, "first"));
        PodLogs.Followed read = logs.after(target, T0, T0.plusMillis(2_000));
        assertThat(read.text()).isEqualTo("first\n");

        written.add(line(1_500, "written late")); // dated before the first read's end
        written.add(line(2_500, "second"));
        PodLogs.Followed next = logs.after(target, read.next(), T0.plusMillis(3_000));

        assertThat(next.text()).isEqualTo("written late\nsecond\n");
        assertThat(logs.after(target, next.next(), T0.plusMillis(4_000)).text()).as("nothing twice").isEmpty();
    }

    @Test
    void aReadWithNothingNewStartsTheNextOneWhereItStarted() {
        PodLogs.Followed empty = logs.after(target, T0, T0.plusMillis(2_000));
        assertThat(empty.text()).isEmpty();
        assertThat(empty.next()).isEqualTo(T0);
    }

    private static PodLogSource.LogLine line(long millis, String text) {
        return new PodLogSource.LogLine(T0.plusMillis(millis), text);
    }
}
