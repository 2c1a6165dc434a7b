package dev.coalmine.ui.feed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coalmine.ui.UiThread;
import java.lang.ref.WeakReference;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.Executor;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import javafx.beans.binding.Bindings;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import org.junit.jupiter.api.Test;

class BackgroundFilterTest {
    /** Runs nothing until told: the test plays the matching thread and the UI thread step by step. */
    private static final class Steps implements Executor, UiThread {
        private final Queue<Runnable> queued = new ArrayDeque<>();

        @Override
        public void execute(Runnable task) {
            queued.add(task);
        }

        void runAll() {
            while (!queued.isEmpty()) {
                queued.poll().run();
            }
        }
    }

    private final Steps matching = new Steps();
    private final Steps ui = new Steps();
    private final ObservableList<Integer> source = FXCollections.observableArrayList(numbers(0, 100));
    private final ObjectProperty<Predicate<Integer>> wanted = new SimpleObjectProperty<>(n -> true);
    private final BackgroundFilter<Integer> filter = new BackgroundFilter<>(source, wanted, ui, matching);

    @Test
    void theRowsPresentAreTestedByTheMatchingThreadAndTheUiThreadOnlyAppliesTheAnswers() {
        List<Integer> tested = new ArrayList<>();
        wanted.set(n -> tested.add(n) && n % 10 == 0);

        assertThat(tested).as("asking tests nothing on the UI thread").isEmpty();
        assertThat(filter.rows()).hasSize(100);
        matching.runAll();
        assertThat(tested).hasSize(100);
        assertThat(filter.rows()).as("not applied before the UI thread runs").hasSize(100);

        tested.clear();
        ui.runAll();
        assertThat(tested).as("the UI thread looked the answers up").isEmpty();
        assertThat(filter.rows()).containsExactly(0, 10, 20, 30, 40, 50, 60, 70, 80, 90);
    }

    @Test
    void rowsAddedWhileTheAnswersAreWorkedOutAreFilteredToo() {
        wanted.set(n -> n % 10 == 0);
        matching.runAll();
        source.addAll(numbers(100, 120));
        ui.runAll();
        assertThat(filter.rows()).containsExactly(0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 110);

        source.addAll(numbers(120, 131));
        assertThat(filter.rows()).endsWith(100, 110, 120, 130);
    }

    @Test
    void theNewestAskWinsAndAnAskOvertakenIsNeitherWorkedOutNorApplied() {
        List<Integer> testedByFirst = new ArrayList<>();
        wanted.set(n -> testedByFirst.add(n) && n < 50);
        wanted.set(n -> n < 3);
        matching.runAll();
        ui.runAll();
        assertThat(testedByFirst).isEmpty();
        assertThat(filter.rows()).containsExactly(0, 1, 2);

        wanted.set(n -> n == 7);
        matching.runAll(); // answered, but the UI thread has not applied it yet
        wanted.set(n -> n == 8);
        ui.runAll();
        assertThat(filter.rows()).as("an answer older than the newest ask is dropped").containsExactly(0, 1, 2);
        matching.runAll();
        ui.runAll();
        assertThat(filter.rows()).containsExactly(8);
    }

    @Test
    void theAnswersDoNotKeepRowsGoneFromTheFeedAlive() throws InterruptedException {
        ObservableList<Object> rows = FXCollections.observableArrayList();
        IntStream.range(0, 1_000).forEach(i -> rows.add(new Object()));
        WeakReference<Object> first = new WeakReference<>(rows.get(0));
        ObjectProperty<Predicate<Object>> all = new SimpleObjectProperty<>(o -> true);
        BackgroundFilter<Object> kept = new BackgroundFilter<>(rows, all, ui, matching);
        all.set(o -> o.hashCode() % 2 == 0);
        matching.runAll();
        ui.runAll();
        assertThat(kept.rows()).isNotEmpty();

        rows.remove(0);
        for (int i = 0; i < 50 && first.get() != null; i++) {
            System.gc();
            Thread.sleep(20);
        }
        assertThat(first.get()).as("a row evicted after the filter was applied").isNull();
    }

    @Test
    void aBindingItListensToLivesAsLongAsTheRowsAreShown() throws InterruptedException {
        IntegerProperty below = new SimpleIntegerProperty(100);
        // As a pane does it: only the rows are kept, and a binding is held only weakly by what it depends on.
        FilteredList<Integer> rows = new BackgroundFilter<>(source,
                Bindings.createObjectBinding(() -> (Predicate<Integer>) n -> n < below.get(), below), ui, matching).rows();
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(20);
        }
        below.set(4);
        matching.runAll();
        ui.runAll();
        assertThat(rows).containsExactly(0, 1, 2, 3);
    }

    private static List<Integer> numbers(int from, int to) {
        return IntStream.range(from, to).boxed().toList();
    }
}
