package dev.coalmine.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes a figure a test measured into {@code src/site/reliability.md}, between the markers
 * {@code <!-- figure:NAME -->} and {@code <!-- /figure:NAME -->}, so the page is updated by the test run and never
 * by hand. A figure whose markers are missing is appended as a new section. Each test owns its own figure, so tests
 * can run in any order.
 */
public final class ReliabilityFigures {
    static final Path PAGE = Path.of("src/site/reliability.md");

    private ReliabilityFigures() {
    }

    /** Records {@code markdown} (one or more lines) as the current value of figure {@code name}. */
    public static synchronized void record(String name, String markdown) {
        record(PAGE, name, markdown);
    }

    static void record(Path page, String name, String markdown) {
        if (!name.matches("[a-z0-9-]+")) {
            throw new IllegalArgumentException("figure names are lower-case words joined by '-': " + name);
        }
        String open = "<!-- figure:" + name + " -->";
        String close = "<!-- /figure:" + name + " -->";
        String body = open + "\n" + markdown.strip() + "\n\n_Measured by the test run of "
                + LocalDate.now(ZoneOffset.UTC) + "._\n" + close;
        try {
            String text = Files.exists(page) ? Files.readString(page, StandardCharsets.UTF_8) : "# Reliability\n";
            Matcher existing = Pattern.compile(Pattern.quote(open) + ".*?" + Pattern.quote(close), Pattern.DOTALL)
                    .matcher(text);
            String updated = existing.find()
                    ? text.substring(0, existing.start()) + body + text.substring(existing.end())
                    : text.stripTrailing() + "\n\n" + body + "\n";
            if (!updated.equals(text)) {
                Files.writeString(page, updated, StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot update " + page, e);
        }
    }
}
