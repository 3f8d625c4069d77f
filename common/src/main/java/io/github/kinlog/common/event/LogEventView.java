package io.github.kinlog.common.event;

/**
 * What the encoder reads from a logging framework's event. Each appender adapts its framework's event to this
 * interface without copying; the encoder reads it on the calling thread, before the event can be reused.
 *
 * <p>Optional parts return null or visit nothing when absent.
 */
public interface LogEventView {
    /** Seconds since the epoch. */
    long epochSecond();

    /** Nanoseconds within the second (0 to 999,999,999); only microseconds are written. */
    int nanoOfSecond();

    /** The level name, for example {@code INFO}. */
    String level();

    String loggerName();

    String threadName();

    /** The formatted message, or null. */
    String message();

    /** Visits the mapped diagnostic context (Log4j2 ThreadContext map, Logback MDC). */
    default void forEachMdc(KeyValueVisitor<String> visitor) {}

    /** Visits structured fields: SLF4J key-value pairs, Log4j2 MapMessage entries. Values may be of any type. */
    default void forEachField(KeyValueVisitor<Object> visitor) {}

    /** Visits marker names; a marker's parents or references follow it. Names may repeat and graphs may cycle. */
    default void forEachMarker(MarkerVisitor visitor) {}

    /** Visits the nested diagnostic context (Log4j2 ThreadContext stack), outermost first. */
    default void forEachNdc(ValueVisitor visitor) {}

    /** The event's throwable, or null. */
    default ThrowableView error() {
        return null;
    }

    /** Where the event was logged, or null when the appender does not include locations. */
    default SourceLocation source() {
        return null;
    }

    /** Receives one key and value. */
    @FunctionalInterface
    interface KeyValueVisitor<V> {
        void accept(String key, V value);
    }

    /** Receives one value. */
    @FunctionalInterface
    interface ValueVisitor {
        void accept(String value);
    }

    /**
     * Receives markers. {@link #visit} returns false for a marker already seen in this event, so adapters can stop
     * walking a cyclic marker graph.
     */
    interface MarkerVisitor {
        boolean visit(Object marker, String name);
    }
}
