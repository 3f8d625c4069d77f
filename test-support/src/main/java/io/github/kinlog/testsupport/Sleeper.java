package io.github.kinlog.testsupport;

import java.time.Duration;

/** Polling pauses that turn an interrupt into a setup failure instead of a checked exception. */
final class Sleeper {
    private Sleeper() {}

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KinesisSetupException("Interrupted while waiting.", e);
        }
    }
}
