package io.github.kinlog.common.send;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RetryPolicyTest {
    @Test
    void waitsDoubleUpToTheMaximumWithEqualJitter() {
        RetryPolicy lowest = new RetryPolicy(100, 1_000, bound -> 0);
        RetryPolicy highest = new RetryPolicy(100, 1_000, bound -> bound - 1);

        long[] ceilings = {100, 200, 400, 800, 1_000, 1_000, 1_000};
        for (int attempt = 1; attempt <= ceilings.length; attempt++) {
            long ceiling = ceilings[attempt - 1];
            assertThat(lowest.backoffNanos(attempt)).isEqualTo(ceiling / 2);
            assertThat(highest.backoffNanos(attempt)).isEqualTo(ceiling - 1);
        }
    }

    @Test
    void veryManyAttemptsDoNotOverflow() {
        RetryPolicy policy = new RetryPolicy(100, Long.MAX_VALUE / 4, bound -> 0);
        assertThat(policy.backoffNanos(10_000)).isPositive().isLessThanOrEqualTo(Long.MAX_VALUE / 4);
    }
}
