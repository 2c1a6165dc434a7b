package dev.coalmine.ui.feed;

import dev.coalmine.ui.FxUiThread;
import dev.coalmine.ui.UiThread;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.function.Predicate;
import javafx.beans.value.ObservableValue;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * A feed's rows narrowed by what the operator asks for, with the rows it already has tested on a thread of its own:
 * the UI thread only applies the answers. Typing into the search box of 50,000 Events re-tested them all on the UI
 * thread at every key (20–75 ms a key). The newest ask wins: one made while another is being answered replaces it.
 * Use on the UI thread.
 */
final class BackgroundFilter<T> {
    private static final Executor MATCHING = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "feed-filter");
        t.setDaemon(true);
        return t;
    });

    private final ObservableList<T> source;
    private final FilteredList<T> rows;
    private final ObservableValue<Predicate<T>> wanted; // a binding is held only weakly by what it is bound to
    private final UiThread ui;
    private final Executor matching;
    private volatile long asked; // written on the UI thread, read by the matching thread to give up early

    BackgroundFilter(ObservableList<T> source, ObservableValue<Predicate<T>> wanted) {
        this(source, wanted, new FxUiThread(), MATCHING);
    }

    BackgroundFilter(ObservableList<T> source, ObservableValue<Predicate<T>> wanted, UiThread ui, Executor matching) {
        this.source = source;
        this.ui = ui;
        this.matching = matching;
        this.wanted = wanted;
        rows = new FilteredList<>(source, new Answered(null, wanted.getValue()));
        wanted.addListener((obs, was, now) -> ask(now));
    }

    /** The rows the newest answered ask lets through, rows added since tested as they come. */
    FilteredList<T> rows() {
        return rows;
    }

    private void ask(Predicate<T> predicate) {
        long ask = ++asked;
        List<T> present = List.copyOf(source);
        matching.execute(() -> {
            if (ask != asked) {
                return; // a newer ask is queued behind this one
            }
            Map<T, Boolean> answers = new IdentityHashMap<>(present.size());
            for (T row : present) {
                if (ask != asked) {
                    return;
                }
                answers.put(row, predicate.test(row));
            }
            ui.execute(() -> {
                if (ask == asked) {
                    apply(new Answered(answers, predicate));
                }
            });
        });
    }

    private void apply(Answered answered) {
        rows.setPredicate(answered);
        answered.forget();
    }

    /**
     * The answers worked out for the rows present at the ask, and the predicate itself for rows added since; once
     * applied it forgets the answers, which would otherwise keep rows long evicted from the feed alive. An inner
     * class: the rows hold their predicate, so whoever shows them keeps this filter, and what it listens to, alive.
     */
    private final class Answered implements Predicate<T> {
        private Map<T, Boolean> answers;
        private final Predicate<T> predicate;

        Answered(Map<T, Boolean> answers, Predicate<T> predicate) {
            this.answers = answers;
            this.predicate = predicate;
        }

        @Override
        public boolean test(T row) {
            Boolean known = answers == null ? null : answers.get(row);
            return known != null ? known : predicate.test(row);
        }

        void forget() {
            answers = null;
        }
    }
}
