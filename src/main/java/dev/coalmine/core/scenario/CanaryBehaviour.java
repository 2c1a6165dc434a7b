package dev.coalmine.core.scenario;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** What a trainer's script makes the demo canary do, in the script's words. */
public enum CanaryBehaviour {
    HEALTHY("healthy"), FAULTY("faulty"), SLOW("slow"), BAD_IMAGE("bad-image"), CRASH_LOOP("crash-loop");

    private final String word;

    CanaryBehaviour(String word) {
        this.word = word;
    }

    public String word() {
        return word;
    }

    /** The behaviour a script names; "crash" is short for crash-loop. */
    public static Optional<CanaryBehaviour> of(String word) {
        String wanted = word.strip().toLowerCase(Locale.ROOT);
        if (wanted.equals("crash")) {
            return Optional.of(CRASH_LOOP);
        }
        return Arrays.stream(values()).filter(b -> b.word.equals(wanted)).findFirst();
    }

    static String choices() {
        return Arrays.stream(values()).map(CanaryBehaviour::word).collect(Collectors.joining(", "));
    }
}
