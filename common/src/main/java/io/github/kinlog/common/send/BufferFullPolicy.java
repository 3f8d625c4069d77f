package io.github.kinlog.common.send;

import java.util.Locale;

/** What happens to an event that arrives when the buffer is full. */
public enum BufferFullPolicy {
    /** Drop the arriving event. The default: the caller never waits, and the events already held stay. */
    DROP_NEWEST,
    /** Drop the oldest events not yet in a request until the arriving one fits. */
    DROP_OLDEST,
    /** Make the caller wait for room, up to {@code maxBlockMs}, then drop the arriving event. */
    BLOCK;

    /** Parses {@code drop-newest}, {@code DROP_NEWEST}, {@code dropNewest} and the like. */
    public static BufferFullPolicy parse(String text) {
        String normalized = text.trim()
                .replaceAll("([a-z])([A-Z])", "$1_$2")
                .replace('-', '_')
                .toUpperCase(Locale.ROOT);
        try {
            return valueOf(normalized);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "bufferFullPolicy must be drop-newest, drop-oldest or block, but is '" + text + "'");
        }
    }

    /** The name as written in configuration. */
    public String configName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
