package dev.coalmine.ui.feed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coalmine.FastTest;
import dev.coalmine.testing.Eventually;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

@FastTest
class LiveListTest {
    @Test
    void anAppendingListKeepsTheNewestInOrderThroughBatchesLargerThanItsCapacity() throws Exception {
        ExecutorService uiThread = Executors.newSingleThreadExecutor();
        try (LiveList<Integer> lines = LiveList.appending("test-lines", 1_500, uiThread::execute)) {
            for (int i = 0; i < 12_000; i++) {
                lines.sink().accept(i);
            }
            List<Integer> expected = new ArrayList<>();
            for (int i = 12_000 - 1_500; i < 12_000; i++) {
                expected.add(i);
            }
            Eventually.assertThat(Duration.ofSeconds(30), () -> assertThat(
                    read(uiThread, lines)).containsExactlyElementsOf(expected));
            // The buffer (as large as the list) dropped what it could not hold before the pump came by.
            assertThat(uiThread.submit(() -> lines.droppedProperty().get()).get()).isLessThanOrEqualTo(12_000 - 1_500);
        } finally {
            uiThread.shutdownNow();
        }
    }

    private static List<Integer> read(ExecutorService uiThread, LiveList<Integer> lines) {
        try {
            return uiThread.submit(() -> List.copyOf(lines.items())).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
