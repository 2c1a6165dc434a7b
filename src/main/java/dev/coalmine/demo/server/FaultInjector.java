package dev.coalmine.demo.server;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.DoubleSupplier;

/**
 * Decides which requests get an {@link ApiFault}: requests for API objects from anyone but the demo cluster's own
 * controllers (whose User-Agent starts with {@value #DEMO_AGENT}), each with the current rate's chance. Every such
 * request takes two numbers from one seeded generator, fault or not, so the same seed and the same requests in the
 * same order give the same faults.
 */
final class FaultInjector {
    /** The User-Agent of the demo cluster's own client: its simulated controllers are never faulted. */
    static final String DEMO_AGENT = "coalmine-demo-cluster";

    private final List<ApiFault> kinds;
    private final Random random;
    private final DoubleSupplier percent;
    private final FaultLog log = new FaultLog();

    FaultInjector(long seed, Set<ApiFault> kinds, DoubleSupplier percent) {
        this.kinds = List.copyOf(kinds);
        this.random = new Random(seed);
        this.percent = percent;
    }

    /** The fault to answer this request with, if any. */
    Optional<ApiFault> draw(String userAgent, String method, String uri) {
        if (userAgent != null && userAgent.startsWith(DEMO_AGENT)) {
            return Optional.empty();
        }
        Optional<ApiPath> path = ApiPath.parse(uri);
        if (path.isEmpty()) {
            return Optional.empty();
        }
        boolean watch = path.get().isWatch();
        double roll;
        int pick;
        synchronized (random) {
            roll = random.nextDouble() * 100;
            pick = random.nextInt(60); // divisible by every number of fitting faults (4, 5)
        }
        if (roll >= percent.getAsDouble()) {
            return Optional.empty();
        }
        List<ApiFault> fitting = kinds.stream().filter(f -> f.fits(method, watch)).toList();
        if (fitting.isEmpty()) {
            return Optional.empty();
        }
        ApiFault fault = fitting.get(pick % fitting.size());
        log.add(new FaultLog.Injected(fault, Instant.now(), userAgent, method, uri));
        return Optional.of(fault);
    }

    FaultLog log() {
        return log;
    }
}
