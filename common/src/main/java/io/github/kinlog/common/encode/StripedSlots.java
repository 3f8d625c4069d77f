package io.github.kinlog.common.encode;

import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Supplier;

/**
 * Reusable objects kept in a few slots chosen by thread: each thread mostly finds its own slot, with no lock; when
 * two threads meet in one slot, the loser makes a new object. Unlike ThreadLocals, nothing outlives the owner (a
 * redeployed web application leaves nothing behind), and unlike a shared queue, threads logging at once do not slow
 * each other down.
 */
final class StripedSlots<T> {
    private final AtomicReferenceArray<T> slots;
    private final int mask;

    StripedSlots() {
        int wanted = Math.max(2, Runtime.getRuntime().availableProcessors() * 4);
        int size = Integer.highestOneBit(wanted - 1) << 1;
        this.slots = new AtomicReferenceArray<>(size);
        this.mask = size - 1;
    }

    T acquire(Supplier<T> factory) {
        T object = slots.getAndSet(slot(), null);
        return object != null ? object : factory.get();
    }

    void release(T object) {
        slots.compareAndSet(slot(), null, object);
    }

    private int slot() {
        // Spread the identity hash so neighbouring threads land in different slots.
        int hash = System.identityHashCode(Thread.currentThread());
        return (hash ^ (hash >>> 16)) & mask;
    }
}
