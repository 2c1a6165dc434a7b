package dev.coalmine.demo.server;

import java.util.function.DoubleSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fault rate in force: the trainer's knob ({@link FaultSettings#KNOB} in ConfigMap
 * {@code coalmine-demo/coalmine-demo}) when it holds a percentage, else the rate the demo started with. The knob is
 * read from the store at most once a second, not on every request.
 */
final class FaultRate implements DoubleSupplier {
    static final String KNOBS_PATH = "/api/v1/namespaces/coalmine-demo/configmaps/coalmine-demo";
    private static final Logger LOG = LoggerFactory.getLogger(FaultRate.class);
    private static final long REREAD_NANOS = 1_000_000_000L;

    private final ClusterStore store;
    private final double started;
    private double current;
    private String lastKnob;
    private long readAt;
    private boolean read;

    FaultRate(ClusterStore store, double started) {
        this.store = store;
        this.started = started;
        this.current = started;
    }

    @Override
    public synchronized double getAsDouble() {
        long now = System.nanoTime();
        if (!read || now - readAt >= REREAD_NANOS) {
            read = true;
            readAt = now;
            String knob = store.read(KNOBS_PATH).map(cm -> cm.path("data").path(FaultSettings.KNOB))
                    .filter(v -> v.isTextual()).map(v -> v.asText().strip()).orElse(null);
            if (knob == null || !knob.equals(lastKnob)) {
                current = parse(knob);
                lastKnob = knob;
            }
        }
        return current;
    }

    private double parse(String knob) {
        if (knob == null || knob.isEmpty()) {
            return started;
        }
        try {
            double percent = Double.parseDouble(knob.endsWith("%") ? knob.substring(0, knob.length() - 1) : knob);
            if (percent >= 0 && percent <= 100) {
                LOG.info("demo API fault rate is now {} % (ConfigMap coalmine-demo/coalmine-demo, key {})", percent,
                        FaultSettings.KNOB);
                return percent;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        LOG.warn("ignoring demo knob {}: \"{}\" is not a percentage between 0 and 100", FaultSettings.KNOB, knob);
        return started;
    }
}
