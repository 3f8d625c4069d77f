package io.github.kinlog.common.send;

import java.util.concurrent.locks.LockSupport;

/**
 * The sender thread's time and sleep: lingers, backoffs, the gate, expiry and reports all run on it, so tests can
 * drive them with a clock they advance by hand. Waits of calling threads (flush, close, a blocked log call) stay on
 * real time: they bound what an application waits.
 */
interface SenderClock {
    SenderClock SYSTEM = new SenderClock() {
        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public void parkNanos(Object blocker, long nanos) {
            LockSupport.parkNanos(blocker, nanos);
        }
    };

    long nanoTime();

    /** Sleeps up to {@code nanos} of this clock's time; {@link LockSupport#unpark} ends the sleep early. */
    void parkNanos(Object blocker, long nanos);
}
