package dev.coalmine.benchreport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultsFileTest {
    @TempDir
    Path dir;

    @Test
    void textWithQuotesBackslashesAndNewlinesIsValidJsonReadBackEqual() throws Exception {
        BenchResult awkward = BenchResult.of("cycle \"requests\"", 42, 44, "req", "ratio<=1.0 \\ \"warm\"", true,
                "line one\nline two\ttab \\path\\ \"quoted\" \u0001 é", "kubectl v1.32.5 (C:\\bin\\kubectl \"real\")\r\n",
                "2 cores, Linux amd64, Java 17, load 0.9");
        BenchResult plain = BenchResult.of("startup", 912, 794, "ms", "ratio<=1.5", true, "", "a bare JavaFX window",
                "2 cores");
        ResultsFile file = new ResultsFile(dir.resolve("bench").resolve("results.json"));

        file.append(awkward);
        file.append(plain);

        JsonNode tree = new ObjectMapper().readTree(dir.resolve("bench").resolve("results.json").toFile());
        assertTrue(tree.isArray());
        assertEquals(2, tree.size());
        assertEquals("kubectl v1.32.5 (C:\\bin\\kubectl \"real\")\r\n", tree.get(0).get("reference").asText());
        assertEquals(List.of(awkward, plain), file.read());
    }

    @Test
    void aZeroReferenceGivesNoRatioRatherThanInfinity() throws Exception {
        BenchResult result = BenchResult.of("event-ingest", 119, 0, "ms", "ours<=16ms", false, "", "idle FX thread",
                "2 cores");
        ResultsFile file = new ResultsFile(dir.resolve("results.json"));

        file.append(result);

        JsonNode entry = new ObjectMapper().readTree(dir.resolve("results.json").toFile()).get(0);
        assertTrue(entry.get("ratio").isNull());
        assertNull(file.read().get(0).ratio());
        assertTrue(result.line().contains("ratio=- goal=ours<=16ms FAIL"));
    }

    @Test
    void clearRemovesAnEarlierRun() {
        ResultsFile file = new ResultsFile(dir.resolve("results.json"));
        file.append(BenchResult.of("startup", 1, 1, "ms", "ratio<=1.5", true, "", "bare window", "2 cores"));

        file.clear();

        assertEquals(List.of(), file.read());
    }

    @Test
    void aLaterJvmOfTheSameRunAddsToItsResultsAndAnotherRunStartsAnew() {
        BenchResult startup = BenchResult.of("startup", 1, 1, "ms", "ratio<=1.5", true, "", "bare window", "2 cores");
        BenchResult cli = BenchResult.of("cli-status", 2, 1, "ms", "ratio<=4.0", true, "", "kubectl", "2 cores");
        Path path = dir.resolve("results.json");
        ResultsFile testPhase = new ResultsFile(path);
        testPhase.startRun("2026-12-07T14:25:34Z");
        testPhase.append(startup);

        ResultsFile packagedPhase = new ResultsFile(path);
        packagedPhase.startRun("2026-12-07T14:25:34Z");
        packagedPhase.append(cli);
        assertEquals(List.of(startup, cli), packagedPhase.read());

        ResultsFile nextRun = new ResultsFile(path);
        nextRun.startRun("2026-12-07T16:02:10Z");
        assertEquals(List.of(), nextRun.read());
        nextRun.append(startup);
        new ResultsFile(path).startRun(null);
        assertEquals(List.of(), nextRun.read(), "outside Maven every JVM is a run of its own");
    }
}
