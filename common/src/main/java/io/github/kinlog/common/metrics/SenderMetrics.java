package io.github.kinlog.common.metrics;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

/** The sender's counters. Updated by the calling threads and the sender thread; read through {@link #snapshot()}. */
public final class SenderMetrics {
    private final LongAdder accepted = new LongAdder();
    private final LongAdder sent = new LongAdder();
    private final LongAdder retried = new LongAdder();
    private final LongAdder throttled = new LongAdder();
    private final LongAdder requests = new LongAdder();
    private final LongAdder failedRequests = new LongAdder();
    private final LongAdder bytesSent = new LongAdder();
    private final LongAdder recordsSent = new LongAdder();
    private final Map<DropReason, LongAdder> dropped = new EnumMap<>(DropReason.class);
    private volatile LongSupplier bufferedBytes = () -> 0;
    private volatile LongSupplier bufferedEvents = () -> 0;
    private final LatencyHistogram latency = new LatencyHistogram();
    private volatile LongSupplier truncated = () -> 0;

    public SenderMetrics() {
        for (DropReason reason : DropReason.values()) {
            dropped.put(reason, new LongAdder());
        }
    }

    public void accepted() {
        accepted.increment();
    }

    public void dropped(DropReason reason) {
        dropped.get(reason).increment();
    }

    public void dropped(DropReason reason, long events) {
        dropped.get(reason).add(events);
    }

    /** An event acknowledged by Kinesis, {@code micros} after it was accepted. */
    public void sent(int bytes, long micros) {
        sent.increment();
        bytesSent.add(bytes);
        latency.record(micros);
    }

    /** A Kinesis record acknowledged, holding one event or (packed) several. */
    public void recordSent() {
        recordsSent.increment();
    }

    public void retried(int events) {
        retried.add(events);
    }

    public void throttled(int events) {
        throttled.add(events);
    }

    public void request(boolean failed) {
        requests.increment();
        if (failed) {
            failedRequests.increment();
        }
    }

    /** Where the bytes and events held by the sender (buffered, in flight, waiting to be resent) are read. */
    public void bufferedFrom(LongSupplier bytes, LongSupplier events) {
        this.bufferedBytes = bytes;
        this.bufferedEvents = events;
    }

    /** Where the count of truncated events comes from (the encoder). */
    public void truncatedFrom(LongSupplier source) {
        this.truncated = source;
    }

    public long droppedCount(DropReason reason) {
        return dropped.get(reason).sum();
    }

    public MetricsSnapshot snapshot() {
        Map<DropReason, Long> drops = new EnumMap<>(DropReason.class);
        dropped.forEach((reason, count) -> drops.put(reason, count.sum()));
        return new MetricsSnapshot(
                accepted.sum(),
                sent.sum(),
                retried.sum(),
                throttled.sum(),
                truncated.getAsLong(),
                drops,
                requests.sum(),
                failedRequests.sum(),
                bytesSent.sum(),
                recordsSent.sum(),
                bufferedBytes.getAsLong(),
                bufferedEvents.getAsLong(),
                latency.percentileMillis(50),
                latency.percentileMillis(99),
                latency.maxMillis());
    }
}
