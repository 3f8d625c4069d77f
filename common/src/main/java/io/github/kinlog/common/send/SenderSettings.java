package io.github.kinlog.common.send;

import java.net.URI;
import java.time.Duration;

/**
 * What the sender needs from the configuration. Validated by {@link io.github.kinlog.common.KinlogConfig}.
 *
 * @param name names the sender's threads and its JMX bean, usually the appender's name
 * @param streamName the Kinesis stream
 * @param endpoint the endpoint when it is not the region's own, for reports; null otherwise
 * @param bufferBytes the most bytes the sender holds, from acceptance to acknowledgement
 * @param bufferFullPolicy what happens to an event that does not fit
 * @param maxBlock how long {@link BufferFullPolicy#BLOCK} lets a caller wait
 * @param linger how long a record waits for others to join its request
 * @param maxBatchRecords the most records per PutRecords request
 * @param maxRequestBytes the most record bytes (data and partition keys) per request
 * @param maxInFlight the most requests open at once
 * @param deliveryTimeout how long an event may take from acceptance to acknowledgement before it is dropped
 * @param retryBackoff the first wait before resending
 * @param retryMaxBackoff the longest wait before resending
 * @param registerJmx whether to register a JMX bean with the metrics
 */
public record SenderSettings(
        String name,
        String streamName,
        URI endpoint,
        long bufferBytes,
        BufferFullPolicy bufferFullPolicy,
        Duration maxBlock,
        Duration linger,
        int maxBatchRecords,
        int maxRequestBytes,
        int maxInFlight,
        Duration deliveryTimeout,
        Duration retryBackoff,
        Duration retryMaxBackoff,
        boolean registerJmx) {

    /** The stream as reports name it: with the endpoint when one is set, which a network failure is about. */
    public String streamAt() {
        return endpoint == null ? streamName : streamName + " at " + endpoint;
    }
}
