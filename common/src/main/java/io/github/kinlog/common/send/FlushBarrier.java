package io.github.kinlog.common.send;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Flushes: each one covers the records held when the sender took it up, and completes when the last of them is
 * acknowledged or dropped. Flushes asked for meanwhile share one barrier, numbered; each record carries the number of
 * the barrier it belongs to. Requests arrive from any thread; the rest runs on the sender thread.
 */
final class FlushBarrier {
    private final ConcurrentLinkedQueue<CompletableFuture<FlushResult>> requests = new ConcurrentLinkedQueue<>();
    /** Read by any thread, for the report of what a flush left unsent. */
    private final AtomicLong remaining = new AtomicLong();

    private final List<CompletableFuture<FlushResult>> waiters = new ArrayList<>();
    private long current;
    private long marked;

    /** Any thread: asks for a flush. */
    CompletableFuture<FlushResult> request() {
        CompletableFuture<FlushResult> done = new CompletableFuture<>();
        requests.add(done);
        return done;
    }

    /**
     * Any thread: the records of this flush still neither acknowledged nor dropped; {@code held} (everything held
     * now) for one the sender has not taken up yet.
     */
    long unflushed(CompletableFuture<FlushResult> request, long held) {
        return requests.contains(request) ? held : remaining.get();
    }

    /**
     * Takes up the flushes asked for since the last call, under a new barrier; then {@link #mark} each record held,
     * and call {@link #marked()}. Returns false when none was asked for.
     */
    boolean open() {
        CompletableFuture<FlushResult> request = requests.poll();
        if (request == null) {
            return false;
        }
        do {
            waiters.add(request);
        } while ((request = requests.poll()) != null);
        current++;
        marked = 0;
        return true;
    }

    /** Puts a held record under the barrier just opened; an evicted one is gone already. */
    void mark(OutboundRecord record) {
        if (!record.evicted) {
            record.barrier = current;
            marked++;
        }
    }

    /** Every held record is marked: a flush with nothing to wait for ends now. Returns whether any is waited for. */
    boolean marked() {
        remaining.set(marked);
        if (marked == 0) {
            end(0);
        }
        return marked > 0;
    }

    /** Whether a flush is waiting, so records should go out without their linger. */
    boolean flushing() {
        return !waiters.isEmpty();
    }

    /** A record was acknowledged or dropped. */
    void done(OutboundRecord record) {
        if (record.barrier != 0 && record.barrier == current && remaining.decrementAndGet() == 0) {
            end(0);
        }
    }

    /** A broken setup cannot be fixed within a flush: its waiters learn now what is unsent, and the records stay. */
    void abandon() {
        end(remaining.get());
    }

    /** The sender stops: every flush ends, those never taken up with {@code lost} unsent. */
    void stop(long lost) {
        end(remaining.get());
        CompletableFuture<FlushResult> late;
        while ((late = requests.poll()) != null) {
            late.complete(new FlushResult(lost));
        }
    }

    private void end(long unsent) {
        for (CompletableFuture<FlushResult> waiter : waiters) {
            waiter.complete(new FlushResult(unsent));
        }
        waiters.clear();
    }
}
