package io.github.kinlog.common.metrics;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The sender's counters at one moment.
 */
public final class MetricsSnapshot {
    private final long accepted;
    private final long sent;
    private final long retried;
    private final long throttled;
    private final long truncated;
    private final Map<DropReason, Long> dropped;
    private final long requests;
    private final long failedRequests;
    private final long bytesSent;
    private final long recordsSent;
    private final long bufferedBytes;
    private final long bufferedEvents;
    private final double latencyP50Millis;
    private final double latencyP99Millis;
    private final double latencyMaxMillis;

    public MetricsSnapshot(
            long accepted,
            long sent,
            long retried,
            long throttled,
            long truncated,
            Map<DropReason, Long> dropped,
            long requests,
            long failedRequests,
            long bytesSent,
            long recordsSent,
            long bufferedBytes,
            long bufferedEvents,
            double latencyP50Millis,
            double latencyP99Millis,
            double latencyMaxMillis) {
        dropped = Collections.unmodifiableMap(new HashMap<>(dropped));
        this.accepted = accepted;
        this.sent = sent;
        this.retried = retried;
        this.throttled = throttled;
        this.truncated = truncated;
        this.dropped = dropped;
        this.requests = requests;
        this.failedRequests = failedRequests;
        this.bytesSent = bytesSent;
        this.recordsSent = recordsSent;
        this.bufferedBytes = bufferedBytes;
        this.bufferedEvents = bufferedEvents;
        this.latencyP50Millis = latencyP50Millis;
        this.latencyP99Millis = latencyP99Millis;
        this.latencyMaxMillis = latencyMaxMillis;
    }

    /** Events taken into the buffer. */
    public long accepted() {
        return accepted;
    }

    /** Events acknowledged by Kinesis. */
    public long sent() {
        return sent;
    }

    /** Events sent again after a failure (an event resent twice counts twice). */
    public long retried() {
        return retried;
    }

    /** Events Kinesis refused for throughput (each refusal counts). */
    public long throttled() {
        return throttled;
    }

    /** Events that had content cut to fit the limits. */
    public long truncated() {
        return truncated;
    }

    /** Events not delivered, by reason. */
    public Map<DropReason, Long> dropped() {
        return dropped;
    }

    /** PutRecords requests made. */
    public long requests() {
        return requests;
    }

    /** Requests that failed as a whole. */
    public long failedRequests() {
        return failedRequests;
    }

    /** Record bytes acknowledged, partition keys included. */
    public long bytesSent() {
        return bytesSent;
    }

    /**
     * Kinesis records acknowledged: as many as events sent with one event per record, fewer with packed records
     * (events sent over records sent is how many a record holds).
     */
    public long recordsSent() {
        return recordsSent;
    }

    /** Bytes held now: buffered, in flight or waiting to be resent. */
    public long bufferedBytes() {
        return bufferedBytes;
    }

    /** Events held now. */
    public long bufferedEvents() {
        return bufferedEvents;
    }

    /** Median time from append to acknowledgement. */
    public double latencyP50Millis() {
        return latencyP50Millis;
    }

    /** 99th percentile of that time. */
    public double latencyP99Millis() {
        return latencyP99Millis;
    }

    /** The longest such time. */
    public double latencyMaxMillis() {
        return latencyMaxMillis;
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof MetricsSnapshot)) {
            return false;
        }
        MetricsSnapshot that = (MetricsSnapshot) other;
        return accepted == that.accepted
                && sent == that.sent
                && retried == that.retried
                && throttled == that.throttled
                && truncated == that.truncated
                && Objects.equals(dropped, that.dropped)
                && requests == that.requests
                && failedRequests == that.failedRequests
                && bytesSent == that.bytesSent
                && recordsSent == that.recordsSent
                && bufferedBytes == that.bufferedBytes
                && bufferedEvents == that.bufferedEvents
                && Double.compare(latencyP50Millis, that.latencyP50Millis) == 0
                && Double.compare(latencyP99Millis, that.latencyP99Millis) == 0
                && Double.compare(latencyMaxMillis, that.latencyMaxMillis) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(
                accepted,
                sent,
                retried,
                throttled,
                truncated,
                dropped,
                requests,
                failedRequests,
                bytesSent,
                recordsSent,
                bufferedBytes,
                bufferedEvents,
                latencyP50Millis,
                latencyP99Millis,
                latencyMaxMillis);
    }

    @Override
    public String toString() {
        return "MetricsSnapshot[" + "accepted=" + accepted + ", sent=" + sent + ", retried=" + retried + ", throttled="
                + throttled + ", truncated=" + truncated + ", dropped=" + dropped + ", requests=" + requests
                + ", failedRequests=" + failedRequests + ", bytesSent=" + bytesSent + ", recordsSent=" + recordsSent
                + ", bufferedBytes=" + bufferedBytes
                + ", bufferedEvents=" + bufferedEvents + ", latencyP50Millis=" + latencyP50Millis
                + ", latencyP99Millis=" + latencyP99Millis + ", latencyMaxMillis=" + latencyMaxMillis + "]";
    }

    /** Every dropped event, whatever the reason. */
    public long droppedTotal() {
        return dropped.values().stream().mapToLong(Long::longValue).sum();
    }

    public long dropped(DropReason reason) {
        return dropped.getOrDefault(reason, 0L);
    }
}
