package io.github.kinlog.common.send;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * How calling threads and transport threads wake the sender thread, and how it sleeps. Made first and handed to the
 * buffer and the loop, so neither needs the other to exist.
 *
 * <p>A new record wakes the sender only while it sleeps with nothing waiting; otherwise every log call would pay for
 * a wake-up (a system call), though the sender is busy or waiting for its linger anyway.
 */
final class SenderWakeup {
    private final SenderClock clock;
    private volatile Thread sender;
    private final AtomicBoolean idle = new AtomicBoolean();

    SenderWakeup(SenderClock clock) {
        this.clock = clock;
    }

    /** The thread to wake; set before it starts. */
    void attach(Thread thread) {
        this.sender = thread;
    }

    /** There is new work (a full batch, an answer, a flush, a stop): wake the sender now. */
    void wake() {
        Thread current = sender;
        if (current != null) {
            LockSupport.unpark(current);
        }
    }

    /** A record arrived: wake the sender if it sleeps with nothing to do (a volatile read otherwise). */
    void recordAdded() {
        if (idle.get() && idle.compareAndSet(true, false)) {
            wake();
        }
    }

    /**
     * The sender sleeps up to {@code nanos}. With {@code nothingWaiting}, a new record wakes it; {@code recheck} looks
     * once more after saying so, since a record added just before would not have seen it.
     */
    void sleep(Object blocker, long nanos, boolean nothingWaiting, BooleanSupplier recheck) {
        if (nothingWaiting) {
            idle.set(true);
            if (recheck.getAsBoolean()) {
                idle.set(false);
                return;
            }
        }
        clock.parkNanos(blocker, nanos);
        idle.set(false);
    }
}
