package io.github.kinlog.common.encode;

import com.fasterxml.jackson.core.util.BufferRecycler;
import com.fasterxml.jackson.core.util.RecyclerPool;

/**
 * Jackson's buffers, kept for reuse by one encoder in {@link StripedSlots}. Jackson's default pool keeps them in
 * ThreadLocals, which outlive a redeployed web application; its concurrent pools slow down when several threads log
 * at once.
 */
final class StripedBufferPool implements RecyclerPool<BufferRecycler> {
    private static final long serialVersionUID = 1L;

    private final transient StripedSlots<BufferRecycler> slots = new StripedSlots<>();

    @Override
    public BufferRecycler acquirePooled() {
        return slots.acquire(BufferRecycler::new);
    }

    @Override
    public void releasePooled(BufferRecycler recycler) {
        slots.release(recycler);
    }
}
