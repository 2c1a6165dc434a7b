package dev.coalmine.benchreport;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A JSON array of {@link BenchResult}s, rewritten whole on each {@link #append}, so a partial run still leaves
 * valid JSON. Written with Jackson, so any text in a result is escaped.
 */
public final class ResultsFile {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final TypeReference<List<BenchResult>> RESULTS = new TypeReference<>() {
    };

    private final Path path;

    public ResultsFile(Path path) {
        this.path = path;
    }

    /** Removes the results of an earlier run. */
    public void clear() {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Keeps the results of {@code run} written so far (by an earlier JVM of the same Maven run: the packaged
     * benchmark runs in a later phase than the others) and removes those of any other run; null: a run of its own.
     */
    public void startRun(String run) {
        Path stamp = path.resolveSibling(path.getFileName() + ".run");
        try {
            if (run == null || !Files.exists(stamp) || !Files.readString(stamp).equals(run)) {
                clear();
                Files.createDirectories(path.toAbsolutePath().getParent());
                Files.writeString(stamp, run == null ? "" : run);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public synchronized void append(BenchResult result) {
        List<BenchResult> all = new ArrayList<>(read());
        all.add(result);
        try {
            Files.createDirectories(path.toAbsolutePath().getParent());
            JSON.writeValue(path.toFile(), all);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The results written so far; none when the file does not exist yet. */
    public List<BenchResult> read() {
        if (!Files.exists(path)) {
            return List.of();
        }
        try {
            return JSON.readValue(path.toFile(), RESULTS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
