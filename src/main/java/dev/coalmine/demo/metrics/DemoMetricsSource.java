package dev.coalmine.demo.metrics;

import dev.coalmine.core.judge.MetricSamples;
import dev.coalmine.core.judge.MetricSpec;
import dev.coalmine.core.judge.TimeSeries;
import dev.coalmine.core.judge.Track;
import dev.coalmine.demo.DemoEndpoints;
import dev.coalmine.metrics.MetricSource;
import dev.coalmine.metrics.MetricSourceException;
import dev.coalmine.metrics.MetricTarget;
import dev.coalmine.metrics.TrackSelection;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

/**
 * The demo cluster's request metrics without Prometheus: reads its metrics page directly (found through
 * {@link DemoEndpoints}), keeps its own scrapes, and turns counter increases over a window into the success rate
 * and p99 latency of each track, as the {@code demo} preset's PromQL does on Prometheus. Close it when done: it
 * scrapes on a background thread.
 */
public final class DemoMetricsSource implements MetricSource {
    public static final Duration RESOLUTION = Duration.ofSeconds(1);
    private static final Duration RETENTION = Duration.ofMinutes(30);
    private static final List<MetricSpec> METRICS = List.of(MetricSpec.successRate(), MetricSpec.latency());

    private final DemoScraper scraper;
    private final Clock clock;

    public DemoMetricsSource(Supplier<Optional<String>> endpoint, Duration resolution, Clock clock) {
        this.scraper = new DemoScraper(endpoint, resolution, RETENTION, clock);
        this.clock = clock;
    }

    /** Scrapes the metrics page the demo cluster behind {@code client} advertises, every second. */
    public static DemoMetricsSource forCluster(KubernetesClient client) {
        return new DemoMetricsSource(() -> DemoEndpoints.metricsUrl(client), RESOLUTION, Clock.systemUTC());
    }

    @Override
    public List<MetricSpec> metrics() {
        return METRICS;
    }

    @Override
    public MetricSamples range(MetricTarget target, String metric, Instant from, Instant to, Duration step) {
        MetricSpec spec = find(metric);
        List<TrafficSnapshot> snapshots = usableSnapshots();
        Map<Track, TimeSeries> series = new EnumMap<>(Track.class);
        for (Track track : target.tracks().keySet()) {
            List<TimeSeries.Point> points = new ArrayList<>();
            for (Instant t = from; !t.isAfter(to); t = t.plus(step)) {
                double value = valueAt(snapshots, target, track, t, reader(spec));
                if (Double.isFinite(value)) {
                    points.add(new TimeSeries.Point(t, value));
                }
            }
            if (!points.isEmpty()) {
                series.put(track, new TimeSeries(points));
            }
        }
        return new MetricSamples(spec, series, target.interval());
    }

    @Override
    public Map<Track, Double> instant(MetricTarget target, String metric, Instant at) {
        ToDoubleFunction<TrackTraffic> reader = reader(find(metric));
        List<TrafficSnapshot> snapshots = usableSnapshots();
        Map<Track, Double> values = new EnumMap<>(Track.class);
        for (Track track : target.tracks().keySet()) {
            double value = valueAt(snapshots, target, track, at, reader);
            if (Double.isFinite(value)) {
                values.put(track, value);
            }
        }
        return values;
    }

    @Override
    public OptionalDouble requests(MetricTarget target, Track track, Instant at) {
        double value = valueAt(usableSnapshots(), target, track, at, traffic -> traffic.counters().requests());
        return Double.isFinite(value) ? OptionalDouble.of(value) : OptionalDouble.empty();
    }

    @Override
    public boolean covers(Duration window, Instant now) {
        List<TrafficSnapshot> snapshots = scraper.snapshots();
        return !snapshots.isEmpty() && !snapshots.get(0).at().isAfter(now.minus(window));
    }

    @Override
    public String describe() {
        return "the demo cluster's metrics" + scraper.url().map(u -> " at " + u).orElse("")
                + " (read directly, every " + RESOLUTION.toSeconds() + " s)";
    }

    @Override
    public void close() {
        scraper.close();
    }

    /** The scrapes so far; an error when the page cannot be read now (so the verdict is ERROR, not a stale pass). */
    private List<TrafficSnapshot> usableSnapshots() {
        List<TrafficSnapshot> snapshots = scraper.snapshots();
        String problem = scraper.lastProblem();
        boolean stale = snapshots.isEmpty()
                || snapshots.get(snapshots.size() - 1).at().isBefore(clock.instant().minus(RESOLUTION.multipliedBy(10)));
        if (problem != null && stale) {
            throw new MetricSourceException("Cannot read the demo cluster's metrics: " + problem + ". Start the demo with "
                    + "traffic (coalmine demo), or judge with Prometheus (--prometheus URL) or without request "
                    + "metrics (--metrics-source none).");
        }
        return snapshots;
    }

    /** The track's value over the window of {@code target.interval()} that ends at {@code t}; NaN without data. */
    private static double valueAt(List<TrafficSnapshot> snapshots, MetricTarget target, Track track, Instant t,
                                  ToDoubleFunction<TrackTraffic> reader) {
        Duration window = target.interval();
        TrafficSnapshot end = latestAtOrBefore(snapshots, t);
        if (end == null) {
            return Double.NaN;
        }
        TrafficSnapshot start = latestAtOrBefore(snapshots, t.minus(window));
        if (start == null && Duration.between(snapshots.get(0).at(), end.at()).compareTo(window.dividedBy(2)) >= 0) {
            start = snapshots.get(0); // a window that began before the first scrape, as Prometheus extrapolates
        }
        Optional<TrackSelection> selection = target.selection(track);
        if (start == null || start == end || selection.isEmpty()) {
            return Double.NaN;
        }
        Predicate<TrafficSnapshot.PodKey> ofTrack = selection.get().byPodLabels()
                ? ofPods(end, selection.get()) : ofRelease(target, track);
        PodCounters sum = PodCounters.zero();
        for (TrafficSnapshot.PodKey key : end.keys()) {
            if (key.namespace().equals(target.namespace()) && ofTrack.test(key)) {
                sum = sum.plus(end.counters(key).since(start.counters(key)));
            }
        }
        return reader.applyAsDouble(new TrackTraffic(sum));
    }

    /** A Coalmine release's pods of {@code track}: labelled with the track and one of the release's Deployments. */
    private static Predicate<TrafficSnapshot.PodKey> ofRelease(MetricTarget target, Track track) {
        Set<String> workloads = Set.of(target.deployment(), target.deployment() + "-canary",
                target.deployment() + "-baseline");
        return key -> key.track().equals(track.label()) && workloads.contains(key.deployment());
    }

    /** The pods whose series carry the selection's pod labels, as {@code {{pods}}} selects them on Prometheus. */
    private static Predicate<TrafficSnapshot.PodKey> ofPods(TrafficSnapshot snapshot, TrackSelection selection) {
        Map<String, String> wanted = new HashMap<>();
        selection.podLabels().forEach((label, value) -> wanted.put(TrackSelection.seriesLabel(label), value));
        return key -> snapshot.carries(key, wanted);
    }

    private static TrafficSnapshot latestAtOrBefore(List<TrafficSnapshot> snapshots, Instant t) {
        TrafficSnapshot found = null;
        for (TrafficSnapshot s : snapshots) {
            if (s.at().isAfter(t)) {
                break;
            }
            found = s;
        }
        return found;
    }

    private static ToDoubleFunction<TrackTraffic> reader(MetricSpec spec) {
        return spec.name().equals(MetricSpec.SUCCESS_RATE) ? TrackTraffic::successRatePercent : TrackTraffic::p99LatencyMs;
    }

    private MetricSpec find(String metric) {
        return METRICS.stream().filter(m -> m.name().equals(metric)).findFirst()
                .orElseThrow(() -> new MetricSourceException("The demo cluster's metrics have no '" + metric
                        + "'; custom queries need Prometheus (--prometheus URL)."));
    }
}
