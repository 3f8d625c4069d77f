package io.github.kinlog.common.metrics;

import java.util.Map;

/**
 * A sender's metrics over JMX, registered as {@code io.github.kinlog:type=KinesisSender,name=<appender name>}. See
 * {@link MetricsSnapshot} for what each value means.
 */
public interface KinlogSenderMXBean {
    String getStreamName();

    long getAcceptedEvents();

    long getSentEvents();

    long getRetriedEvents();

    long getThrottledEvents();

    long getTruncatedEvents();

    long getDroppedEvents();

    /** Dropped events by reason ({@link DropReason#metricName()}). */
    Map<String, Long> getDroppedEventsByReason();

    long getRequests();

    long getFailedRequests();

    long getBytesSent();

    /** Kinesis records acknowledged; fewer than events sent when records are packed. */
    long getRecordsSent();

    long getBufferedBytes();

    long getBufferedEvents();

    double getLatencyP50Millis();

    double getLatencyP99Millis();

    double getLatencyMaxMillis();
}
