package io.github.kinlog.common.send;

import io.github.kinlog.common.testing.Await;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * A sender clock a test moves by hand: lingers, backoffs and timeouts pass when the test says so, not by sleeping. The
 * sender sleeps on it until woken or until the test moves time on.
 */
final class ManualClock implements SenderClock {
    /** A real-time bound on each sleep, so a wake-up lost to a race costs a moment, not the test. */
    private static final long MOST_REAL_SLEEP_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

    private final AtomicLong now = new AtomicLong(TimeUnit.HOURS.toNanos(1));
    private final Set<Thread> sleepers = ConcurrentHashMap.newKeySet();
    private final AtomicLong sleeps = new AtomicLong();

    @Override
    public long nanoTime() {
        return now.get();
    }

    @Override
    public void parkNanos(Object blocker, long nanos) {
        if (nanos <= 0) {
            return;
        }
        sleepers.add(Thread.currentThread());
        sleeps.incrementAndGet();
        // Whether or not the time has come, the sleeper looks at the clock again: a loop that sleeps re-checks anyway.
        LockSupport.parkNanos(blocker, MOST_REAL_SLEEP_NANOS);
    }

    /** Moves time on and wakes every sleeper to look at it. */
    void advance(Duration duration) {
        now.addAndGet(duration.toNanos());
        sleepers.forEach(LockSupport::unpark);
    }

    /**
     * Waits until the sender has gone once more round its loop after this call and gone to sleep: it has then done
     * everything that was due by the time shown now.
     */
    void settle() {
        long seen = sleeps.get();
        long deadline = System.nanoTime() + Await.DEFAULT.toNanos();
        while (sleeps.get() < seen + 2) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("The sender did not go to sleep within " + Await.DEFAULT);
            }
            sleepers.forEach(LockSupport::unpark);
            LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(200));
        }
    }

    /** Moves time on in steps, letting the sender act after each, until the condition holds. */
    void runUntil(String what, Duration step, Duration most, BooleanSupplier condition) {
        long end = now.get() + most.toNanos();
        settle();
        while (!condition.getAsBoolean()) {
            if (now.get() - end >= 0) {
                throw new AssertionError("Not within " + most + " of the sender's time: " + what);
            }
            advance(step);
            settle();
        }
    }
}
