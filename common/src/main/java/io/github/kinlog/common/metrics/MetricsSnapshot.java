package io.github.kinlog.common.metrics;

import java.util.Map;

/**
 * The sender's counters at one moment.
 *
 * @param accepted events taken into the buffer
 * @param sent events acknowledged by Kinesis
 * @param retried events sent again after a failure (an event resent twice counts twice)
 * @param throttled events Kinesis refused for throughput (each refusal counts)
 * @param truncated events that had content cut to fit the limits
 * @param dropped events not delivered, by reason
 * @param requests PutRecords requests made
 * @param failedRequests requests that failed as a whole
 * @param bytesSent record bytes acknowledged, partition keys included
 * @param bufferedBytes bytes held now: buffered, in flight or waiting to be resent
 * @param bufferedEvents events held now
 * @param latencyP50Millis median time from append to acknowledgement
 * @param latencyP99Millis 99th percentile of that time
 * @param latencyMaxMillis the longest such time
 */
public record MetricsSnapshot(
        long accepted,
        long sent,
        long retried,
        long throttled,
        long truncated,
        Map<DropReason, Long> dropped,
        long requests,
        long failedRequests,
        long bytesSent,
        long bufferedBytes,
        long bufferedEvents,
        double latencyP50Millis,
        double latencyP99Millis,
        double latencyMaxMillis) {

    public MetricsSnapshot {
        dropped = Map.copyOf(dropped);
    }

    /** Every dropped event, whatever the reason. */
    public long droppedTotal() {
        return dropped.values().stream().mapToLong(Long::longValue).sum();
    }

    public long dropped(DropReason reason) {
        return dropped.getOrDefault(reason, 0L);
    }
}
