package io.github.kinlog.common.status;

/** Allows one report per interval. Used by one thread at a time. */
public final class RateLimit {
    private final long intervalNanos;
    private long next;
    private boolean started;

    public RateLimit(long intervalNanos) {
        this.intervalNanos = intervalNanos;
    }

    /** Whether a report may go out at {@code now} (System.nanoTime()); if so, the next one waits an interval. */
    public boolean tryAcquire(long now) {
        if (started && now - next < 0) {
            return false;
        }
        started = true;
        next = now + intervalNanos;
        return true;
    }
}
