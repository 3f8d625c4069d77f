package io.github.kinlog.common.send;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.function.Consumer;

/**
 * The records no request holds: new ones (still in the {@link RecordBuffer}, so drop-oldest can reach them, plus
 * those taken from it that did not fit the last request, "carried", ahead of them since they are older) and those
 * waiting to be resent, each until its backoff ends. Answers when the next request is ready and forms it: due retries
 * first, then the oldest new records. Sender thread only.
 */
final class WaitingRecords {
    private final RecordBuffer buffer;
    private final int maxBatchRecords;
    private final long maxRequestBytes;
    private final long lingerNanos;
    private final ArrayDeque<OutboundRecord> carried = new ArrayDeque<>();
    private long carriedBytes;
    // Equal waits keep the order they were given in, so the events of a refused record are resent in order.
    private final PriorityQueue<OutboundRecord> retries =
            new PriorityQueue<>(Comparator.comparingLong((OutboundRecord record) -> record.notBeforeNanos)
                    .thenComparingLong(record -> record.retryOrder));
    private long retryOrder;

    WaitingRecords(RecordBuffer buffer, int maxBatchRecords, long maxRequestBytes, long lingerNanos) {
        this.buffer = buffer;
        this.maxBatchRecords = maxBatchRecords;
        this.maxRequestBytes = maxRequestBytes;
        this.lingerNanos = lingerNanos;
    }

    /** Whether a request is ready now: a retry is due, or new records have lingered enough (at once when flushing). */
    boolean ready(long now, boolean flushing) {
        OutboundRecord retry = retries.peek();
        if (retry != null && now - retry.notBeforeNanos >= 0) {
            return true;
        }
        OutboundRecord oldest = oldestNew();
        return oldest != null && (sendAtOnce(flushing) || now - oldest.acceptedNanos >= lingerNanos);
    }

    /** When a request will be ready, no later than {@code latest}; {@code latest} when nothing waits. */
    long readyAt(long now, boolean flushing, long latest) {
        long ready = latest;
        OutboundRecord oldest = oldestNew();
        if (oldest != null) {
            ready = sendAtOnce(flushing) ? now : earlier(ready, oldest.acceptedNanos + lingerNanos);
        }
        OutboundRecord retry = retries.peek();
        if (retry != null) {
            ready = earlier(ready, retry.notBeforeNanos);
        }
        return ready;
    }

    /** Whether anything waits, new or to be resent. */
    boolean any() {
        return oldestNew() != null || !retries.isEmpty();
    }

    /** Whether a new record waits (the buffer's or a carried one). */
    boolean anyNew() {
        return oldestNew() != null;
    }

    /** The next request: due retries first, then the oldest new records, as many as {@code form} takes. */
    PutRequest takeRequest(long now, RequestForm form) {
        OutboundRecord retry;
        while ((retry = retries.peek()) != null && now - retry.notBeforeNanos >= 0 && form.add(retry)) {
            retries.poll();
        }
        OutboundRecord next;
        while ((next = takeNew()) != null) {
            if (!form.add(next)) {
                putBack(next);
                break;
            }
        }
        return form.build();
    }

    /** A record to resend once {@code notBefore} has passed. */
    void retryAt(OutboundRecord record, long notBefore) {
        record.notBeforeNanos = notBefore;
        record.retryOrder = retryOrder++;
        retries.add(record);
    }

    /** Every retry becomes due now: a flush probing a broken setup. */
    void retryAllNow(long now) {
        List<OutboundRecord> held = new ArrayList<>(retries);
        retries.clear();
        for (OutboundRecord record : held) {
            retryAt(record, now);
        }
    }

    /** Calls {@code action} for every waiting record. */
    void forEach(Consumer<OutboundRecord> action) {
        carried.forEach(action);
        buffer.forEachQueued(action);
        retries.forEach(action);
    }

    /** Takes out the new records older than {@code maxAgeNanos}, oldest first, and hands each to {@code expired}. */
    void expireNew(long now, long maxAgeNanos, Consumer<OutboundRecord> expired) {
        OutboundRecord oldest;
        while ((oldest = oldestNew()) != null && now - oldest.acceptedNanos >= maxAgeNanos) {
            OutboundRecord taken = takeNew();
            if (taken == null) {
                break;
            }
            if (now - taken.acceptedNanos < maxAgeNanos) {
                // A calling thread dropped the oldest meanwhile; this one is still in time.
                putBack(taken);
                break;
            }
            expired.accept(taken);
        }
    }

    /** Takes out the retries older than {@code maxAgeNanos} and hands each to {@code expired}. */
    void expireRetries(long now, long maxAgeNanos, Consumer<OutboundRecord> expired) {
        for (Iterator<OutboundRecord> it = retries.iterator(); it.hasNext(); ) {
            OutboundRecord record = it.next();
            if (now - record.acceptedNanos >= maxAgeNanos) {
                it.remove();
                expired.accept(record);
            }
        }
    }

    /** Takes out every waiting record, for a sender that stops. */
    List<OutboundRecord> drain() {
        List<OutboundRecord> all = new ArrayList<>(retries);
        retries.clear();
        OutboundRecord next;
        while ((next = takeNew()) != null) {
            all.add(next);
        }
        return all;
    }

    private boolean sendAtOnce(boolean flushing) {
        return flushing
                || carried.size() + buffer.queuedRecords() >= maxBatchRecords
                || carriedBytes + buffer.queuedBytes() >= maxRequestBytes;
    }

    private OutboundRecord oldestNew() {
        OutboundRecord carriedRecord = carried.peekFirst();
        return carriedRecord != null ? carriedRecord : buffer.peek();
    }

    private OutboundRecord takeNew() {
        OutboundRecord record = carried.pollFirst();
        if (record != null) {
            carriedBytes -= record.size;
            return record;
        }
        return buffer.poll();
    }

    private void putBack(OutboundRecord record) {
        carried.addFirst(record);
        carriedBytes += record.size;
    }

    private static long earlier(long a, long b) {
        return a - b <= 0 ? a : b;
    }
}
