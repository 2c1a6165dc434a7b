package dev.coalmine.ui.engine;

import dev.coalmine.core.feed.LogLine;
import dev.coalmine.ui.feed.EventsPane;
import dev.coalmine.ui.feed.FeedView;
import dev.coalmine.ui.feed.LinesPane;
import javafx.scene.control.Tab;

/** The Events and Pod logs tabs of an engine's view, the panes a Coalmine release shows. */
public final class EngineFeedTabs {
    private EngineFeedTabs() {
    }

    public static Tab events(EngineFeeds feeds) {
        return FeedView.tab("Events", new EventsPane(feeds.events()));
    }

    /** {@code id} names the log pane (e.g. {@code argo-pod-logs}); {@code placeholder} says when lines will come. */
    public static Tab podLogs(EngineFeeds feeds, String id, String placeholder) {
        return FeedView.tab("Pod logs", new LinesPane<>(id, feeds.podLogs(), LogLine::prefixed, line -> null, placeholder));
    }
}
