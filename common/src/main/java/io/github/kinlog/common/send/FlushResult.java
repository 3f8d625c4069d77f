package io.github.kinlog.common.send;

import java.util.Objects;

/**
 * The outcome of a flush or close.
 */
public final class FlushResult {
    private final long unsent;

    public FlushResult(long unsent) {
        this.unsent = unsent;
    }

    /** Events held when the flush began that were neither acknowledged nor dropped by its deadline (at close, they are then dropped and counted as {@code shutdown}). */
    public long unsent() {
        return unsent;
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof FlushResult)) {
            return false;
        }
        FlushResult that = (FlushResult) other;
        return unsent == that.unsent;
    }

    @Override
    public int hashCode() {
        return Objects.hash(unsent);
    }

    @Override
    public String toString() {
        return "FlushResult[" + "unsent=" + unsent + "]";
    }

    public boolean complete() {
        return unsent == 0;
    }
}
