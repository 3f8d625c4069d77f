package io.github.kinlog.common.send;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Flush bookkeeping alone: which records a flush waits for, and when it ends. */
class FlushBarrierTest {
    private final FlushBarrier flushes = new FlushBarrier();

    private static OutboundRecord record() {
        return new OutboundRecord(new byte[] {'{', '}'}, "k", 1, 0, true);
    }

    @Test
    void aFlushEndsWhenTheLastRecordHeldWhenItWasTakenUpIsDone() {
        OutboundRecord first = record();
        OutboundRecord second = record();
        CompletableFuture<FlushResult> flush = flushes.request();
        assertThat(flushes.unflushed(flush, 7))
                .as("not taken up yet: everything held")
                .isEqualTo(7);

        assertThat(flushes.open()).isTrue();
        flushes.mark(first);
        flushes.mark(second);
        assertThat(flushes.marked()).isTrue();
        assertThat(flushes.flushing()).isTrue();
        assertThat(flushes.unflushed(flush, 7)).isEqualTo(2);

        OutboundRecord later = record();
        flushes.done(later);
        flushes.done(first);
        assertThat(flush).as("a record logged after the flush does not count").isNotDone();
        flushes.done(second);
        assertThat(flush).isCompletedWithValue(new FlushResult(0));
        assertThat(flushes.flushing()).isFalse();
    }

    @Test
    void flushesAskedForTogetherShareOneBarrierAndAFlushOfNothingEndsAtOnce() {
        CompletableFuture<FlushResult> one = flushes.request();
        CompletableFuture<FlushResult> two = flushes.request();
        assertThat(flushes.open()).isTrue();
        assertThat(flushes.marked()).isFalse();
        assertThat(one).isCompletedWithValue(new FlushResult(0));
        assertThat(two).isCompletedWithValue(new FlushResult(0));
        assertThat(flushes.open()).as("nothing more asked for").isFalse();
    }

    @Test
    void evictedRecordsAreNotWaitedFor() {
        OutboundRecord evicted = record();
        evicted.evicted = true;
        CompletableFuture<FlushResult> flush = flushes.request();
        flushes.open();
        flushes.mark(evicted);
        assertThat(flushes.marked()).isFalse();
        assertThat(flush).isDone();
    }

    @Test
    void anAbandonedFlushSaysWhatIsUnsentAndANewOneCountsAfresh() {
        OutboundRecord held = record();
        CompletableFuture<FlushResult> first = flushes.request();
        flushes.open();
        flushes.mark(held);
        flushes.marked();
        flushes.abandon();
        assertThat(first).isCompletedWithValue(new FlushResult(1));

        CompletableFuture<FlushResult> second = flushes.request();
        flushes.open();
        flushes.mark(held);
        flushes.marked();
        flushes.done(held);
        assertThat(second).isCompletedWithValue(new FlushResult(0));
    }

    @Test
    void stoppingEndsEveryFlushIncludingThoseNeverTakenUp() {
        OutboundRecord held = record();
        CompletableFuture<FlushResult> taken = flushes.request();
        flushes.open();
        flushes.mark(held);
        flushes.marked();
        CompletableFuture<FlushResult> late = flushes.request();
        flushes.stop(5);
        assertThat(taken).isCompletedWithValue(new FlushResult(1));
        assertThat(late).isCompletedWithValue(new FlushResult(5));
    }
}
