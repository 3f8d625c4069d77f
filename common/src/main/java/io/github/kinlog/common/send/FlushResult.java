package io.github.kinlog.common.send;

/**
 * The outcome of a flush or close.
 *
 * @param unsent events held when the flush began that were neither acknowledged nor dropped by its deadline (at
 *     close, they are then dropped and counted as {@code shutdown})
 */
public record FlushResult(long unsent) {
    public boolean complete() {
        return unsent == 0;
    }
}
