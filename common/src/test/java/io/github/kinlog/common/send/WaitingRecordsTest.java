package io.github.kinlog.common.send;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.kinlog.common.metrics.SenderMetrics;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** When a request is ready and what it takes, driven by hand-picked times: no clock, no sender thread. */
class WaitingRecordsTest {
    private static final long MS = 1_000_000;
    private static final long LINGER = 100 * MS;

    private final RecordBuffer buffer = new RecordBuffer(
            1 << 20,
            BufferFullPolicy.DROP_NEWEST,
            0,
            3,
            1_000,
            new SenderMetrics(),
            new SenderWakeup(SenderClock.SYSTEM));
    /** At most 3 records or 1,000 bytes per request. */
    private final WaitingRecords waiting = new WaitingRecords(buffer, 3, 1_000, LINGER);

    private List<OutboundRecord> take(long now) {
        return waiting.takeRequest(now, new RequestForm.OnePerRecord(3, 1_000)).events;
    }

    private OutboundRecord add(int bytes, long at) {
        OutboundRecord record = new OutboundRecord(new byte[bytes - 1], "k", 1, at, true);
        assertThat(buffer.offer(record)).isTrue();
        return record;
    }

    @Test
    void newRecordsWaitForTheLingerUnlessABatchIsFullOrAFlushWants() {
        assertThat(waiting.any()).isFalse();
        assertThat(waiting.readyAt(0, false, 1_000 * MS)).as("nothing waits").isEqualTo(1_000 * MS);
        add(10, 0);
        assertThat(waiting.ready(99 * MS, false)).isFalse();
        assertThat(waiting.readyAt(50 * MS, false, 1_000 * MS)).isEqualTo(LINGER);
        assertThat(waiting.ready(100 * MS, false)).isTrue();
        assertThat(waiting.ready(1 * MS, true)).as("flushing").isTrue();
        add(10, 1 * MS);
        add(10, 2 * MS);
        assertThat(waiting.ready(3 * MS, false))
                .as("three records fill a request")
                .isTrue();
        assertThat(waiting.readyAt(3 * MS, false, 1_000 * MS)).isEqualTo(3 * MS);
    }

    @Test
    void aRequestTakesDueRetriesFirstThenTheOldestNewRecordsWithinItsLimits() {
        OutboundRecord retryDue = new OutboundRecord(new byte[9], "k", 1, 0, true);
        OutboundRecord retryLater = new OutboundRecord(new byte[9], "k", 1, 0, true);
        waiting.retryAt(retryDue, 10 * MS);
        waiting.retryAt(retryLater, 500 * MS);
        OutboundRecord first = add(10, 1 * MS);
        OutboundRecord second = add(10, 2 * MS);
        add(10, 3 * MS);

        assertThat(waiting.ready(10 * MS, false)).as("a retry is due").isTrue();
        assertThat(take(10 * MS)).containsExactly(retryDue, first, second);
        assertThat(waiting.readyAt(10 * MS, false, 1_000 * MS))
                .as("the last new record's linger")
                .isEqualTo(3 * MS + LINGER);
    }

    @Test
    void aRecordThatDoesNotFitTheRequestBytesIsCarriedAheadOfNewerOnes() {
        OutboundRecord big = add(600, 0);
        OutboundRecord bigger = add(700, 1 * MS);
        OutboundRecord small = add(10, 2 * MS);
        assertThat(take(200 * MS)).containsExactly(big);
        List<OutboundRecord> seen = new ArrayList<>();
        waiting.forEach(seen::add);
        assertThat(seen).containsExactly(bigger, small);
        assertThat(take(200 * MS)).containsExactly(bigger, small);
        assertThat(waiting.any()).isFalse();
    }

    @Test
    void recordsPastTheirAgeAreTakenOutOldestFirst() {
        OutboundRecord old = add(10, 0);
        add(10, 900 * MS);
        OutboundRecord oldRetry = new OutboundRecord(new byte[9], "k", 1, 0, true);
        waiting.retryAt(oldRetry, 2_000 * MS);
        List<OutboundRecord> expired = new ArrayList<>();
        waiting.expireNew(1_000 * MS, 1_000 * MS, expired::add);
        waiting.expireRetries(1_000 * MS, 1_000 * MS, expired::add);
        assertThat(expired).containsExactly(old, oldRetry);
        assertThat(waiting.drain()).hasSize(1);
    }

    @Test
    void aFlushProbingABrokenSetupMakesEveryRetryDueNow() {
        OutboundRecord retry = new OutboundRecord(new byte[9], "k", 1, 0, true);
        waiting.retryAt(retry, 60_000 * MS);
        assertThat(waiting.ready(1 * MS, true)).isFalse();
        waiting.retryAllNow(1 * MS);
        assertThat(waiting.ready(1 * MS, false)).isTrue();
        assertThat(take(1 * MS)).containsExactly(retry);
    }
}
