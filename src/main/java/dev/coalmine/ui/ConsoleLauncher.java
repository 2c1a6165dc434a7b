package dev.coalmine.ui;

import dev.coalmine.core.time.StartupTrace;
import dev.coalmine.ui.connect.ClusterAccess;
import dev.coalmine.ui.connect.ConnectionViewModel;
import dev.coalmine.ui.workloads.WorkloadListViewModel;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Platform;
import javafx.stage.Stage;

/** Starts the JavaFX toolkit, shows the console and blocks until its window closes. */
public final class ConsoleLauncher {
    private static final Duration CLOSING = Duration.ofSeconds(6);

    private ConsoleLauncher() {
    }

    /** Blocks until the console's window closes; an interrupt closes the console too and is passed on. */
    public static void open(ClusterAccess access) throws InterruptedException {
        ExecutorService background = backgroundPool();
        CountDownLatch closed = new CountDownLatch(1);
        StartupTrace.mark("toolkit starting");
        Platform.startup(() -> {
            StartupTrace.mark("toolkit started");
            Stage stage = new Stage();
            stage.setOnHidden(e -> closed.countDown());
            show(stage, access, background).start();
            StartupTrace.mark("shell shown");
        });
        try {
            closed.await();
        } finally {
            finish(background);
            Platform.exit();
        }
    }

    /**
     * Lets what the closing window handed to the background finish (closing the open release gives its Lease up, so
     * another console or the CLI continues at once) before the process ends; work still running after that is cut off.
     */
    private static void finish(ExecutorService background) throws InterruptedException {
        background.shutdown();
        try {
            background.awaitTermination(CLOSING.toMillis(), TimeUnit.MILLISECONDS);
        } finally {
            background.shutdownNow();
        }
    }

    /** Builds the main window on the given stage; tests call this with TestFX's stage. */
    public static ConnectionViewModel show(Stage stage, ClusterAccess access, ExecutorService background) {
        FxUiThread ui = new FxUiThread();
        WorkloadListViewModel workloads = new WorkloadListViewModel(background, ui);
        ConnectionViewModel connection = new ConnectionViewModel(access, background, ui, workloads);
        new MainWindow(stage, connection, workloads, new Theme(false), background).show();
        return connection;
    }

    private static ExecutorService backgroundPool() {
        AtomicInteger count = new AtomicInteger();
        return Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "coalmine-background-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }
}
