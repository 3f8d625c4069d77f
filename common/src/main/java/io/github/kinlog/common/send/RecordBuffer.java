package io.github.kinlog.common.send;

import io.github.kinlog.common.metrics.DropReason;
import io.github.kinlog.common.metrics.SenderMetrics;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * The bounded buffer between the calling threads and the sender thread. Its limit is in bytes and covers every record
 * the sender holds, from acceptance until it is acknowledged or dropped: queued here, in a request, or waiting to be
 * resent. Calling threads add without locks; when the buffer is full, the {@link BufferFullPolicy} decides.
 */
final class RecordBuffer {
    private final long capacityBytes;
    private final BufferFullPolicy policy;
    private final long maxBlockNanos;
    private final SenderMetrics metrics;
    private final SenderWakeup wakeup;
    private final int fullBatchRecords;
    private final long fullBatchBytes;

    private final ConcurrentLinkedQueue<OutboundRecord> queue = new ConcurrentLinkedQueue<>();
    /** Records dropped by calling threads (drop-oldest), for the sender thread's flush bookkeeping. */
    private final ConcurrentLinkedQueue<OutboundRecord> evicted = new ConcurrentLinkedQueue<>();

    private final AtomicInteger queuedRecords = new AtomicInteger();
    private final AtomicLong queuedBytes = new AtomicLong();
    private final AtomicLong heldBytes = new AtomicLong();
    private final AtomicLong heldRecords = new AtomicLong();
    // A lock rather than a monitor: a virtual thread waiting for room (BLOCK) then unmounts instead of pinning its
    // carrier on JDK 21 to 23.
    private final ReentrantLock roomLock = new ReentrantLock();
    private final Condition room = roomLock.newCondition();
    private volatile int waiting;
    private volatile boolean closed;

    /** @param wakeup tells the sender about new records and full batches */
    RecordBuffer(
            long capacityBytes,
            BufferFullPolicy policy,
            long maxBlockNanos,
            int fullBatchRecords,
            long fullBatchBytes,
            SenderMetrics metrics,
            SenderWakeup wakeup) {
        this.capacityBytes = capacityBytes;
        this.policy = policy;
        this.maxBlockNanos = maxBlockNanos;
        this.fullBatchRecords = fullBatchRecords;
        this.fullBatchBytes = fullBatchBytes;
        this.metrics = metrics;
        this.wakeup = wakeup;
    }

    /** Takes a record, or drops it (counted) as the policy says. Returns whether it was taken. */
    boolean offer(OutboundRecord record) {
        if (closed) {
            metrics.dropped(DropReason.CLOSED);
            return false;
        }
        long bytes = record.bufferBytes();
        if (!reserve(bytes)) {
            boolean madeRoom;
            if (policy == BufferFullPolicy.DROP_OLDEST) {
                madeRoom = dropOldestUntilRoomFor(bytes);
            } else if (policy == BufferFullPolicy.BLOCK) {
                madeRoom = awaitRoomFor(bytes);
            } else {
                madeRoom = false;
            }
            if (!madeRoom) {
                metrics.dropped(closed ? DropReason.CLOSED : DropReason.BUFFER_FULL);
                return false;
            }
        }
        heldRecords.incrementAndGet();
        metrics.accepted();
        queue.offer(record);
        int records = queuedRecords.incrementAndGet();
        long queued = queuedBytes.addAndGet(record.size);
        boolean crossedBytes = queued >= fullBatchBytes && queued - record.size < fullBatchBytes;
        if (records % fullBatchRecords == 0 || crossedBytes) {
            wakeup.wake();
        } else {
            wakeup.recordAdded();
        }
        return true;
    }

    /** The oldest queued record, without taking it, or null. */
    OutboundRecord peek() {
        return queue.peek();
    }

    int queuedRecords() {
        return queuedRecords.get();
    }

    long queuedBytes() {
        return queuedBytes.get();
    }

    /** Visits the queued records (weakly consistent: records added or removed meanwhile may or may not be seen). */
    void forEachQueued(Consumer<OutboundRecord> visitor) {
        queue.forEach(visitor);
    }

    /** A record a calling thread dropped to make room, or null. Sender thread only. */
    OutboundRecord pollEvicted() {
        return evicted.poll();
    }

    /** The oldest queued record, taken, or null. */
    OutboundRecord poll() {
        OutboundRecord record = queue.poll();
        if (record != null) {
            queuedRecords.decrementAndGet();
            queuedBytes.addAndGet(-record.size);
        }
        return record;
    }

    /** A held record is done with (acknowledged or dropped): its bytes are free again. */
    void release(OutboundRecord record) {
        heldBytes.addAndGet(-record.bufferBytes());
        heldRecords.decrementAndGet();
        if (waiting > 0) {
            signalRoom();
        }
    }

    /** Refuses every later record; callers waiting for room give up. */
    void close() {
        closed = true;
        signalRoom();
    }

    private void signalRoom() {
        roomLock.lock();
        try {
            room.signalAll();
        } finally {
            roomLock.unlock();
        }
    }

    boolean isClosed() {
        return closed;
    }

    long heldBytes() {
        return heldBytes.get();
    }

    long heldRecords() {
        return heldRecords.get();
    }

    private boolean reserve(long bytes) {
        while (true) {
            long held = heldBytes.get();
            if (held + bytes > capacityBytes) {
                return false;
            }
            if (heldBytes.compareAndSet(held, held + bytes)) {
                return true;
            }
        }
    }

    private boolean dropOldestUntilRoomFor(long bytes) {
        while (true) {
            OutboundRecord oldest = poll();
            if (oldest == null) {
                // Everything held is in requests or waiting to be resent: nothing older can go.
                return false;
            }
            oldest.evicted = true;
            release(oldest);
            metrics.dropped(DropReason.BUFFER_FULL);
            evicted.add(oldest);
            wakeup.wake();
            if (reserve(bytes)) {
                return true;
            }
        }
    }

    private boolean awaitRoomFor(long bytes) {
        long deadline = System.nanoTime() + maxBlockNanos;
        roomLock.lock();
        try {
            waiting++;
            try {
                while (!reserve(bytes)) {
                    long remaining = deadline - System.nanoTime();
                    if (remaining <= 0 || closed) {
                        return false;
                    }
                    room.awaitNanos(remaining);
                }
                return true;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            } finally {
                waiting--;
            }
        } finally {
            roomLock.unlock();
        }
    }
}
