package io.github.kinlog.common.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Waits for a condition that another thread brings about, failing with a description if it never comes. */
public final class Await {
    /** Generous: these tests run on loaded two-core machines. */
    public static final Duration DEFAULT = Duration.ofSeconds(60);

    private Await() {}

    public static void until(String what, BooleanSupplier condition) {
        until(what, condition, DEFAULT);
    }

    public static void until(String what, BooleanSupplier condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out after " + timeout + " waiting for: " + what);
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("Interrupted waiting for: " + what, e);
            }
        }
    }

    /** Waits until {@code value} returns {@code expected}; on timeout, fails showing the last value. */
    public static <T> void equal(String what, Supplier<T> value, T expected) {
        long deadline = System.nanoTime() + DEFAULT.toNanos();
        T last;
        while (!(last = value.get()).equals(expected)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out waiting for " + what + " to be " + expected + "; it is " + last);
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("Interrupted waiting for: " + what, e);
            }
        }
    }
}
