package dev.coalmine.ui.metrics;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import javafx.animation.AnimationTimer;

/**
 * Work for the FX thread done one piece a frame, in the order it came; a piece for a key already waiting replaces
 * that one. New plots for all the charts of a panel at once had one frame lay out and render every chart: on a
 * software renderer that frame took ~50 ms, and the FX thread waited for it before the next.
 */
final class OnePerFrame {
    private final Map<Object, Runnable> pending = new LinkedHashMap<>();
    private final AnimationTimer frames = new AnimationTimer() {
        @Override
        public void handle(long now) {
            Iterator<Runnable> next = pending.values().iterator();
            if (!next.hasNext()) {
                stop();
                return;
            }
            Runnable piece = next.next();
            next.remove();
            piece.run();
        }
    };

    /** Runs {@code piece} in a coming frame, unless a later piece for {@code key} comes first. FX thread only. */
    void submit(Object key, Runnable piece) {
        pending.put(key, piece);
        frames.start();
    }
}
