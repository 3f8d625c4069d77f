package io.github.kinlog.common.send;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;

/** The gate's rules, driven by hand-picked times: no clock, no stream, no sleeping. */
class DeliveryGateTest {
    private static final long MS = 1_000_000;
    /** Backoff without jitter: the n-th wait is half of min(1 s, 100 ms * 2^(n-1)). */
    private static final RetryPolicy BACKOFF = new RetryPolicy(100 * MS, 1_000 * MS, bound -> 0);

    private final DeliveryGate gate = new DeliveryGate(BACKOFF, 4, 0);

    @Test
    void openWithEveryRequestAllowedUntilSomethingFails() {
        assertThat(gate.isOpen(0)).isTrue();
        assertThat(gate.maxInFlight()).isEqualTo(4);
        gate.answered(500, 0, 0, 10 * MS);
        assertThat(gate.isOpen(10 * MS)).isTrue();
        assertThat(gate.maxInFlight()).isEqualTo(4);
    }

    @Test
    void failedRequestsCloseTheGateForAGrowingWaitAndASuccessResetsIt() {
        gate.requestFailed(false, 0);
        assertThat(gate.opensAt()).isEqualTo(50 * MS);
        assertThat(gate.isOpen(49 * MS)).isFalse();
        assertThat(gate.isOpen(50 * MS)).isTrue();
        assertThat(gate.maxInFlight())
                .as("one request at a time to an endpoint that fails or times out")
                .isEqualTo(1);

        gate.requestFailed(false, 50 * MS);
        assertThat(gate.opensAt()).isEqualTo(150 * MS);
        gate.requestFailed(false, 150 * MS);
        assertThat(gate.opensAt()).isEqualTo(350 * MS);
        for (int i = 0; i < 10; i++) {
            gate.requestFailed(false, 350 * MS);
        }
        assertThat(gate.opensAt())
                .as("the wait stops growing at the longest backoff")
                .isEqualTo(850 * MS);

        gate.answered(10, 0, 0, 900 * MS);
        assertThat(gate.maxInFlight())
                .as("a request got through: every request again")
                .isEqualTo(4);
        gate.requestFailed(false, 900 * MS);
        assertThat(gate.opensAt()).as("after a success, the first wait again").isEqualTo(950 * MS);
    }

    @Test
    void aLaterFailureNeverOpensTheGateEarlier() {
        gate.requestFailed(false, 0);
        gate.requestFailed(false, 0);
        gate.requestFailed(false, 0);
        long opens = gate.opensAt();
        gate.answered(10, 5, 5, 0);
        assertThat(gate.opensAt()).isEqualTo(opens);
    }

    @Test
    void throttlingAllowsOneRequestAtATimeAndBacksOffOnlyWhileNothingGetsThrough() {
        gate.answered(100, 100, 100, 0);
        assertThat(gate.maxInFlight()).isEqualTo(1);
        assertThat(gate.opensAt()).isEqualTo(50 * MS);
        gate.answered(100, 100, 100, 50 * MS);
        assertThat(gate.opensAt()).as("nothing through twice: a longer wait").isEqualTo(150 * MS);

        gate.answered(100, 20, 20, 150 * MS);
        assertThat(gate.maxInFlight()).as("some through: still throttled").isEqualTo(1);
        assertThat(gate.opensAt()).as("some through: back to the first wait").isEqualTo(200 * MS);

        gate.answered(100, 0, 0, 200 * MS);
        assertThat(gate.maxInFlight())
                .as("everything through: no longer throttled")
                .isEqualTo(4);
        assertThat(gate.isOpen(200 * MS)).isTrue();
    }

    @Test
    void failuresOtherThanThrottlingInAResponseLeaveTheGateAlone() {
        gate.answered(100, 5, 0, 0);
        assertThat(gate.isOpen(0)).isTrue();
        assertThat(gate.maxInFlight()).isEqualTo(4);
    }

    @Test
    void aThrottledRequestFailureThrottles() {
        gate.requestFailed(true, 0);
        assertThat(gate.maxInFlight()).isEqualTo(1);
        assertThat(gate.opensAt()).isEqualTo(50 * MS);
    }

    @Test
    void aBrokenSetupIsProbedOneRequestAtATimeWithGrowingWaitsUntilAResponseArrives() {
        IOException denied = new IOException("AccessDeniedException");
        assertThat(gate.broken(denied, 0)).as("news the first time").isTrue();
        assertThat(gate.brokenBy()).isSameAs(denied);
        assertThat(gate.brokenSince()).isZero();
        assertThat(gate.maxInFlight()).isEqualTo(1);
        assertThat(gate.opensAt()).isEqualTo(50 * MS);

        assertThat(gate.broken(denied, 50 * MS))
                .as("not news while still broken")
                .isFalse();
        assertThat(gate.opensAt()).isEqualTo(150 * MS);
        assertThat(gate.brokenSince()).isZero();

        gate.probeNow(60 * MS);
        assertThat(gate.isOpen(60 * MS)).as("a flush probes at once").isTrue();

        assertThat(gate.works(70 * MS)).as("repaired").isTrue();
        assertThat(gate.brokenBy()).isNull();
        assertThat(gate.isOpen(70 * MS)).isTrue();
        assertThat(gate.maxInFlight()).isEqualTo(4);
        assertThat(gate.works(80 * MS)).as("only once").isFalse();

        gate.broken(denied, 100 * MS);
        assertThat(gate.opensAt()).as("broken again: the first wait again").isEqualTo(150 * MS);
        assertThat(gate.brokenSince()).isEqualTo(100 * MS);
    }
}
