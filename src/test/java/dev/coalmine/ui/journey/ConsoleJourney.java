package dev.coalmine.ui.journey;

import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;
import org.testfx.framework.junit5.ApplicationExtension;

/** A TestFX journey through the real console on a fresh demo cluster. */
@ExtendWith(ApplicationExtension.class)
abstract class ConsoleJourney {
    protected ConsoleFixture console;

    @BeforeEach
    void openConsole() throws Exception {
        // A late failure of an earlier test's console (its cluster already stopped: "Connection refused") is not this
        // journey's: TestFX would rethrow it from whichever call comes next. This journey's own failures fail its
        // assertions.
        WaitForAsyncUtils.autoCheckException = false;
        WaitForAsyncUtils.clearExceptions();
        console = fixture();
        Stage stage = FxToolkit.registerPrimaryStage();
        FxToolkit.setupFixture(() -> console.show(stage));
        // The primary stage is shared by every TestFX test in this JVM: give each console the default window size, on
        // the screen (an earlier test may have moved it).
        FxToolkit.setupFixture(() -> {
            stage.setX(0);
            stage.setY(0);
            stage.setWidth(1280);
            stage.setHeight(800);
        });
    }

    /** The seeded demo; a journey that needs only its own objects overrides this with an empty one. */
    protected ConsoleFixture fixture() throws java.io.IOException {
        return new ConsoleFixture();
    }

    /** Hiding the window closes the open release's feeds; then the demo cluster stops. */
    @AfterEach
    void closeConsole() throws Exception {
        FxToolkit.setupFixture(() -> FxToolkit.toolkitContext().getRegisteredStage().hide());
        console.close();
    }
}
