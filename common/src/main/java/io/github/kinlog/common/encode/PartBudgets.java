package io.github.kinlog.common.encode;

import java.util.Arrays;

/** Byte budgets per part, and for every string. */
final class PartBudgets {
    private final int stringBytes;
    private final int[] parts;

    PartBudgets(int stringBytes, int[] parts) {
        this.stringBytes = stringBytes;
        this.parts = parts;
    }

    int stringBytes() {
        return stringBytes;
    }

    int[] parts() {
        return parts;
    }

    static PartBudgets unlimited(int maxStringBytes) {
        int[] parts = new int[ShrinkablePart.ALL.length];
        Arrays.fill(parts, Integer.MAX_VALUE);
        return new PartBudgets(maxStringBytes, parts);
    }

    /** Every part emptied and every string short: the smallest record an event can become. */
    static PartBudgets exhausted() {
        return new PartBudgets(EventEncoder.FALLBACK_STRING_BYTES, new int[ShrinkablePart.ALL.length]);
    }

    int of(ShrinkablePart part) {
        return parts[part.ordinal()];
    }

    PartBudgets with(ShrinkablePart part, int budget) {
        int[] copy = parts.clone();
        copy[part.ordinal()] = budget;
        return new PartBudgets(stringBytes, copy);
    }
}
