package dev.coalmine.ui.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coalmine.testing.Eventually;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import javafx.animation.AnimationTimer;
import javafx.scene.Scene;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The charts' new plots are shown one a frame, in order, and a newer plot for a chart replaces one still waiting. */
@ExtendWith(ApplicationExtension.class)
class OnePerFrameTest {
    private final AtomicLong frame = new AtomicLong();
    private final AnimationTimer frames = new AnimationTimer() {
        @Override
        public void handle(long now) {
            frame.incrementAndGet();
        }
    };

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(new Pane(), 100, 100));
        stage.show();
        frames.start();
    }

    @Test
    void onePieceAFrameInOrderTheNewestForEachKey(FxRobot robot) {
        OnePerFrame work = new OnePerFrame();
        List<String> ran = new CopyOnWriteArrayList<>();
        List<Long> at = new CopyOnWriteArrayList<>();
        robot.interact(() -> {
            for (String piece : List.of("success rate 1", "latency 1", "restarts 1", "latency 2")) {
                work.submit(piece.substring(0, piece.length() - 2), () -> {
                    ran.add(piece);
                    at.add(frame.get());
                });
            }
        });

        Eventually.assertThat(() -> assertThat(ran).hasSize(3));
        assertThat(ran).containsExactly("success rate 1", "latency 2", "restarts 1");
        assertThat(at).as("the frames the pieces ran in").doesNotHaveDuplicates();
        robot.interact(frames::stop);
    }
}
