package io.github.kinlog.common.metrics;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Delivery latencies (append to acknowledgement) in log-linear buckets: 64-microsecond buckets below about 1 ms, then
 * 16 buckets per power of two, so a percentile is within about 6% of the truth. Recorded by one thread, read by any.
 */
public final class LatencyHistogram {
    private static final int MAX_POWER = 42; // 2^43 microseconds is about 100 days
    private static final int BUCKETS = 16 + (MAX_POWER - 9) * 16;

    private final AtomicLongArray counts = new AtomicLongArray(BUCKETS);
    private volatile long maxMicros;

    /** Records one latency. */
    public void record(long micros) {
        counts.incrementAndGet(bucket(micros));
        if (micros > maxMicros) {
            maxMicros = micros;
        }
    }

    public long count() {
        long total = 0;
        for (int i = 0; i < BUCKETS; i++) {
            total += counts.get(i);
        }
        return total;
    }

    /** The latency at {@code percentile} (0 to 100) in milliseconds, or 0 when nothing was recorded. */
    public double percentileMillis(double percentile) {
        long[] snapshot = new long[BUCKETS];
        long total = 0;
        for (int i = 0; i < BUCKETS; i++) {
            snapshot[i] = counts.get(i);
            total += snapshot[i];
        }
        if (total == 0) {
            return 0;
        }
        long rank = (long) Math.ceil(percentile / 100.0 * total);
        long seen = 0;
        for (int i = 0; i < BUCKETS; i++) {
            seen += snapshot[i];
            if (seen >= Math.max(rank, 1)) {
                return Math.min(upperBoundMicros(i), maxMicros) / 1000.0;
            }
        }
        return maxMicros / 1000.0;
    }

    public double maxMillis() {
        return maxMicros / 1000.0;
    }

    static int bucket(long micros) {
        long value = Math.max(0, micros);
        if (value < 1024) {
            return (int) (value >> 6);
        }
        int power = 63 - Long.numberOfLeadingZeros(value);
        if (power > MAX_POWER) {
            return BUCKETS - 1;
        }
        int sub = (int) ((value >> (power - 4)) & 0xF);
        return 16 + (power - 10) * 16 + sub;
    }

    /** The exclusive upper bound of a bucket, in microseconds. */
    static long upperBoundMicros(int bucket) {
        if (bucket < 16) {
            return ((long) bucket + 1) << 6;
        }
        int power = (bucket - 16) / 16 + 10;
        int sub = (bucket - 16) % 16;
        return (17L + sub) << (power - 4);
    }
}
