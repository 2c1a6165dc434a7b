package dev.coalmine.demo.traffic;

import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The trainer's knobs as read from the ConfigMap {@code coalmine-demo/coalmine-demo}:
 * <pre>
 * requests-per-second: "20"                 # load per Service, split across its ready pods
 * image.faulty.error-rate: "0.25"           # 5xx share for images whose reference contains "faulty"
 * image.v2.latency-ms: "300"                # median latency for images containing "v2"
 * header: "x-canary=always"                 # this share of each Service's requests carries that header ...
 * header-share: "0.2"                       # ... (default 0.1 when a header is set)
 * </pre>
 * When several substrings match one image, the longest wins, field by field.
 *
 * @param requestsPerSecond load per Service
 * @param images            overrides by image substring
 * @param header            {@code NAME=VALUE} that a share of the requests carries; empty for none
 * @param headerShare       that share, 0 to 1 (0 without a header)
 */
public record KnobSettings(double requestsPerSecond, Map<String, ImageOverride> images, String header,
                           double headerShare) {
    public static final String REQUESTS_PER_SECOND = "requests-per-second";
    public static final String IMAGE_PREFIX = "image.";
    public static final String ERROR_RATE_SUFFIX = ".error-rate";
    public static final String LATENCY_SUFFIX = ".latency-ms";
    public static final String HEADER = "header";
    public static final String HEADER_SHARE = "header-share";
    public static final double DEFAULT_HEADER_SHARE = 0.1;
    public static final double DEFAULT_REQUESTS_PER_SECOND = 20;
    public static final double MAX_REQUESTS_PER_SECOND = 10_000;
    public static final KnobSettings DEFAULTS = new KnobSettings(DEFAULT_REQUESTS_PER_SECOND, Map.of(), "", 0);
    private static final Logger LOG = LoggerFactory.getLogger(KnobSettings.class);

    /** Overrides for images whose reference contains a substring; an empty field keeps the built-in value. */
    public record ImageOverride(OptionalDouble errorRate, Optional<Duration> medianLatency) {
    }

    public KnobSettings {
        images = Map.copyOf(images);
        if (header.isEmpty()) {
            headerShare = 0;
        }
    }

    /** Parses ConfigMap data; a value that is not a number in range is ignored (and logged), never fatal. */
    public static KnobSettings parse(Map<String, String> data) {
        if (data == null) {
            return DEFAULTS;
        }
        double rps = number(data, REQUESTS_PER_SECOND, 0, MAX_REQUESTS_PER_SECOND).orElse(DEFAULT_REQUESTS_PER_SECOND);
        Map<String, ImageOverride> images = new HashMap<>();
        for (String key : data.keySet()) {
            if (!key.startsWith(IMAGE_PREFIX)) {
                continue;
            }
            if (key.endsWith(ERROR_RATE_SUFFIX)) {
                String image = between(key, ERROR_RATE_SUFFIX);
                OptionalDouble rate = number(data, key, 0, 1);
                images.merge(image, new ImageOverride(rate, Optional.empty()), KnobSettings::combine);
            } else if (key.endsWith(LATENCY_SUFFIX)) {
                String image = between(key, LATENCY_SUFFIX);
                OptionalDouble ms = number(data, key, 0.001, 600_000);
                Optional<Duration> latency = ms.isPresent()
                        ? Optional.of(Duration.ofNanos((long) (ms.getAsDouble() * 1_000_000))) : Optional.empty();
                images.merge(image, new ImageOverride(OptionalDouble.empty(), latency), KnobSettings::combine);
            }
        }
        images.values().removeIf(o -> o.errorRate().isEmpty() && o.medianLatency().isEmpty());
        String header = data.getOrDefault(HEADER, "").trim();
        if (!header.isEmpty() && RequestHeader.parse(header) == null) {
            LOG.warn("ignoring demo knob {}: \"{}\" is not NAME=VALUE", HEADER, header);
            header = "";
        }
        return new KnobSettings(rps, images, header, number(data, HEADER_SHARE, 0, 1).orElse(DEFAULT_HEADER_SHARE));
    }

    /** The header the trainer's share of requests carries, or {@link RequestHeader#NONE}. */
    RequestHeader requestHeader() {
        return header.isEmpty() ? RequestHeader.NONE : RequestHeader.parse(header);
    }

    /** The behaviour of an image: built in, then overridden by the longest matching substring per field. */
    public ImageBehaviour behaviourOf(String image) {
        ImageBehaviour builtIn = ImageBehaviour.builtIn(image);
        String reference = image == null ? "" : image.toLowerCase(Locale.ROOT);
        var matching = images.entrySet().stream()
                .filter(e -> reference.contains(e.getKey().toLowerCase(Locale.ROOT)))
                .sorted(Comparator.comparingInt((Map.Entry<String, ImageOverride> e) -> e.getKey().length()).reversed())
                .map(Map.Entry::getValue).toList();
        double errorRate = matching.stream().map(ImageOverride::errorRate).filter(OptionalDouble::isPresent)
                .mapToDouble(OptionalDouble::getAsDouble).findFirst().orElse(builtIn.errorRate());
        Duration latency = matching.stream().map(ImageOverride::medianLatency).flatMap(Optional::stream)
                .findFirst().orElse(builtIn.medianLatency());
        return new ImageBehaviour(errorRate, latency);
    }

    private static ImageOverride combine(ImageOverride a, ImageOverride b) {
        return new ImageOverride(a.errorRate().isPresent() ? a.errorRate() : b.errorRate(),
                a.medianLatency().isPresent() ? a.medianLatency() : b.medianLatency());
    }

    private static String between(String key, String suffix) {
        return key.substring(IMAGE_PREFIX.length(), key.length() - suffix.length());
    }

    private static OptionalDouble number(Map<String, String> data, String key, double min, double max) {
        String text = data.get(key);
        if (text == null) {
            return OptionalDouble.empty();
        }
        try {
            double value = Double.parseDouble(text.trim());
            if (value >= min && value <= max) {
                return OptionalDouble.of(value);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        LOG.warn("ignoring demo knob {}: \"{}\" is not a number between {} and {}", key, text, min, max);
        return OptionalDouble.empty();
    }
}
