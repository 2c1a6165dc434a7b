package dev.coalmine.demo.server;

import java.security.SecureRandom;
import java.util.EnumSet;
import java.util.Set;

/**
 * How often the demo API server injects {@link ApiFault}s: {@code percent} of the requests of API clients, chosen
 * with a random generator seeded by {@code seed} so that a run can be replayed, among {@code kinds} (all by default). A trainer can change the share while
 * the demo runs with key {@value #KNOB} of ConfigMap {@code coalmine-demo/coalmine-demo}.
 */
public record FaultSettings(double percent, long seed, Set<ApiFault> kinds) {
    /** The ConfigMap key that overrides the start's rate, in percent. */
    public static final String KNOB = "api-fault-rate";

    public FaultSettings {
        if (!(percent >= 0 && percent <= 100)) {
            throw new IllegalArgumentException("a fault rate is a percentage between 0 and 100, got " + percent);
        }
        kinds = kinds.isEmpty() ? EnumSet.noneOf(ApiFault.class) : EnumSet.copyOf(kinds);
    }

    /** All kinds of fault, {@code percent} of the requests. */
    public FaultSettings(double percent, long seed) {
        this(percent, seed, EnumSet.allOf(ApiFault.class));
    }

    /** No faults (a random seed, in case a trainer turns them on). */
    public static FaultSettings none() {
        return new FaultSettings(0, new SecureRandom().nextLong());
    }

    public FaultSettings withPercent(double newPercent) {
        return new FaultSettings(newPercent, seed, kinds);
    }

    public FaultSettings withSeed(long newSeed) {
        return new FaultSettings(percent, newSeed, kinds);
    }

    /** Only these kinds (where they fit the request; a request no kind fits is never faulted). */
    public FaultSettings only(ApiFault... newKinds) {
        return new FaultSettings(percent, seed, Set.of(newKinds));
    }
}
