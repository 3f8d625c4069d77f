package io.github.kinlog.common.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class LatencyHistogramTest {
    @Test
    void percentilesAreWithinSixPercent() {
        LatencyHistogram histogram = new LatencyHistogram();
        Random random = new Random(1);
        long[] values = new long[100_000];
        for (int i = 0; i < values.length; i++) {
            values[i] = (long) Math.exp(random.nextDouble() * Math.log(120_000_000)); // 1 us to 2 minutes
            histogram.record(values[i]);
        }
        java.util.Arrays.sort(values);

        assertThat(histogram.count()).isEqualTo(values.length);
        for (double percentile : new double[] {50, 90, 99, 99.9}) {
            double exactMillis = values[(int) Math.ceil(percentile / 100 * values.length) - 1] / 1000.0;
            assertThat(histogram.percentileMillis(percentile))
                    .as("p%s", percentile)
                    .isCloseTo(exactMillis, within(Math.max(0.07, exactMillis * 0.07)));
        }
        assertThat(histogram.maxMillis()).isEqualTo(values[values.length - 1] / 1000.0);
    }

    @Test
    void bucketsCoverTheRangeContiguously() {
        long previousUpper = 0;
        for (int bucket = 0; bucket < 16 + 33 * 16; bucket++) {
            long upper = LatencyHistogram.upperBoundMicros(bucket);
            assertThat(upper).isGreaterThan(previousUpper);
            assertThat(LatencyHistogram.bucket(upper - 1)).isEqualTo(bucket);
            assertThat(LatencyHistogram.bucket(previousUpper)).isEqualTo(bucket);
            previousUpper = upper;
        }
        assertThat(new LatencyHistogram().percentileMillis(99)).isZero();
    }
}
