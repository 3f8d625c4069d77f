package io.github.kinlog.common.send;

import java.util.function.LongUnaryOperator;

/**
 * How long to wait before trying again: exponential backoff with "equal jitter". The n-th consecutive failure waits
 * between half and all of {@code min(max, initial * 2^(n-1))}, so retries spread out yet never come back at once.
 */
final class RetryPolicy {
    private final long initialNanos;
    private final long maxNanos;
    private final LongUnaryOperator random;

    /** @param random given a bound, returns a value from 0 (inclusive) to it (exclusive) */
    RetryPolicy(long initialNanos, long maxNanos, LongUnaryOperator random) {
        this.initialNanos = initialNanos;
        this.maxNanos = maxNanos;
        this.random = random;
    }

    /** The wait before retry number {@code attempt} (1 for the first retry). */
    long backoffNanos(int attempt) {
        long ceiling = initialNanos;
        for (int i = 1; i < attempt && ceiling < maxNanos; i++) {
            ceiling *= 2;
        }
        ceiling = Math.min(ceiling, maxNanos);
        long half = ceiling / 2;
        return half + (ceiling - half > 0 ? random.applyAsLong(ceiling - half) : 0);
    }
}
