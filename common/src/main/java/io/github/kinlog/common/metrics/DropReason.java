package io.github.kinlog.common.metrics;

/** Why an accepted or offered event was not delivered. Every drop is counted under exactly one reason. */
public enum DropReason {
    /** The buffer was full and the buffer-full policy dropped this event. */
    BUFFER_FULL("buffer_full"),
    /** The event was not acknowledged within the delivery timeout. */
    DELIVERY_TIMEOUT("delivery_timeout"),
    /** Kinesis rejected the request as invalid; resending cannot succeed. */
    REJECTED("rejected"),
    /** A record made by another layout or encoder was larger than the record limit. */
    OVERSIZE("oversize"),
    /** Encoding failed unexpectedly. */
    ENCODING_FAILED("encoding_failed"),
    /**
     * Logged while the appender was handling another event on the same thread (a {@code toString()} that logs), and
     * refused by the logging framework's guard against loops (Log4j2's).
     */
    RECURSIVE("recursive"),
    /** The event arrived after the sender was closed. */
    CLOSED("closed"),
    /** The event was still unsent when the shutdown timeout ran out. */
    SHUTDOWN("shutdown");

    private final String metricName;

    DropReason(String metricName) {
        this.metricName = metricName;
    }

    /** The name used in metrics and status messages. */
    public String metricName() {
        return metricName;
    }
}
