package dev.coalmine.archfixture.ui;

/** Breaks "ui neither sleeps nor interrupts threads": a view-model that drives with its own retry loop. */
public final class UiRetriesWithSleeps {
    private Thread driver;

    void driveUntilDone(Runnable drive) throws InterruptedException {
        while (true) {
            try {
                drive.run();
                return;
            } catch (RuntimeException e) {
                Thread.sleep(1_000);
            }
        }
    }

    void close() {
        driver.interrupt();
    }
}
