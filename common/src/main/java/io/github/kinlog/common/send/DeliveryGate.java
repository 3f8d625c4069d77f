package io.github.kinlog.common.send;

/**
 * When the sender may send and how many requests it may have open: freely, throttled, or probing a broken setup.
 * A state machine of its own, with the time given to each call, so its rules are tested without a clock or a stream:
 *
 * <ul>
 *   <li><b>Open</b>: up to {@code maxInFlight} requests.
 *   <li><b>Throttled</b> (Kinesis refused records for the shard's limit): one request at a time; the wait grows only
 *       while whole requests fail, so a stream at its limit keeps delivering instead of starving.
 *   <li><b>Failing</b> (I/O, 5xx, timeouts): every failed request closes the gate for a growing backoff, and one
 *       request at a time goes until one gets through: an endpoint that times out is often overloaded, and every
 *       timed-out request is resent whole, so several open at once would feed the overload.
 *   <li><b>Broken</b> (no stream, no permission, KMS, no client): one probe at a time, each after a growing wait,
 *       until a response shows the setup works again.
 * </ul>
 *
 * Owned by the sender thread.
 */
final class DeliveryGate {
    private final RetryPolicy backoff;
    private final int maxInFlight;
    private long opensAt;
    private int consecutiveFailures;
    private boolean throttled;
    private boolean failing;
    private Throwable brokenBy;
    private long brokenSince;
    private int probes;

    DeliveryGate(RetryPolicy backoff, int maxInFlight, long now) {
        this.backoff = backoff;
        this.maxInFlight = maxInFlight;
        this.opensAt = now;
    }

    /** Whether a request may start now (the number open aside). */
    boolean isOpen(long now) {
        return now - opensAt >= 0;
    }

    /** When the gate opens; in the past when it is open. */
    long opensAt() {
        return opensAt;
    }

    /** How many requests may be open at once now. */
    int maxInFlight() {
        return throttled || failing || brokenBy != null ? 1 : maxInFlight;
    }

    /** The error that broke the setup, or null while it works. */
    Throwable brokenBy() {
        return brokenBy;
    }

    /** When the setup broke; meaningful only while {@link #brokenBy()} is set. */
    long brokenSince() {
        return brokenSince;
    }

    /** A response arrived, so the setup works: returns true when it was broken until now. */
    boolean works(long now) {
        if (brokenBy == null) {
            return false;
        }
        brokenBy = null;
        probes = 0;
        opensAt = now;
        return true;
    }

    /** {@code failed} of a response's {@code records} were refused, {@code throttled} of those for the shard's limit. */
    void answered(int records, int failed, int throttledRecords, long now) {
        failing = false;
        if (failed == 0) {
            consecutiveFailures = 0;
            throttled = false;
        } else if (throttledRecords > 0) {
            // Only a response that got nothing through backs off further each time: one that got some records
            // through shows the stream at its limit, not refusing, and growing the wait then would starve it (at 20%
            // of records throttled, every response has some, and the waits would reach retryMaxBackoffMs).
            throttled = true;
            consecutiveFailures = failed == records ? consecutiveFailures + 1 : 0;
            closeFor(backoff.backoffNanos(Math.max(1, consecutiveFailures)), now);
        }
    }

    /** A request failed for a passing reason; {@code throttling} when Kinesis said the shard was over its limit. */
    void requestFailed(boolean throttling, long now) {
        if (throttling) {
            throttled = true;
        }
        failing = true;
        consecutiveFailures++;
        closeFor(backoff.backoffNanos(consecutiveFailures), now);
    }

    /**
     * The setup is broken: a request, a record or the client could not be made to work. Returns true when it was
     * working until now.
     */
    boolean broken(Throwable cause, long now) {
        boolean news = brokenBy == null;
        if (news) {
            brokenSince = now;
            probes = 0;
        }
        brokenBy = cause;
        probes++;
        closeFor(backoff.backoffNanos(probes), now);
        return news;
    }

    /** Probe a broken setup at once, for a flush that would otherwise wait out the backoff. */
    void probeNow(long now) {
        opensAt = now;
    }

    private void closeFor(long nanos, long now) {
        long until = now + nanos;
        if (until - opensAt > 0) {
            opensAt = until;
        }
    }
}
