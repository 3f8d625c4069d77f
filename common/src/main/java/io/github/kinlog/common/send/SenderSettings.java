package io.github.kinlog.common.send;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * What the sender needs from the configuration. Validated by {@link io.github.kinlog.common.KinlogConfig}.
 */
public final class SenderSettings {
    private final String name;
    private final String streamName;
    private final URI endpoint;
    private final long bufferBytes;
    private final BufferFullPolicy bufferFullPolicy;
    private final Duration maxBlock;
    private final Duration linger;
    private final int maxBatchRecords;
    private final int maxRequestBytes;
    private final int maxInFlight;
    private final Duration deliveryTimeout;
    private final Duration retryBackoff;
    private final Duration retryMaxBackoff;
    private final boolean registerJmx;
    private final RecordFormat recordFormat;
    private final int packedRecordBytes;
    private final boolean keepsKeys;

    public SenderSettings(
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
            boolean registerJmx,
            RecordFormat recordFormat,
            int packedRecordBytes,
            boolean keepsKeys) {
        this.name = name;
        this.streamName = streamName;
        this.endpoint = endpoint;
        this.bufferBytes = bufferBytes;
        this.bufferFullPolicy = bufferFullPolicy;
        this.maxBlock = maxBlock;
        this.linger = linger;
        this.maxBatchRecords = maxBatchRecords;
        this.maxRequestBytes = maxRequestBytes;
        this.maxInFlight = maxInFlight;
        this.deliveryTimeout = deliveryTimeout;
        this.retryBackoff = retryBackoff;
        this.retryMaxBackoff = retryMaxBackoff;
        this.registerJmx = registerJmx;
        this.recordFormat = recordFormat;
        this.packedRecordBytes = packedRecordBytes;
        this.keepsKeys = keepsKeys;
    }

    /** Names the sender's threads and its JMX bean, usually the appender's name. */
    public String name() {
        return name;
    }

    /** The Kinesis stream. */
    public String streamName() {
        return streamName;
    }

    /** The endpoint when it is not the region's own, for reports; null otherwise. */
    public URI endpoint() {
        return endpoint;
    }

    /** The most bytes the sender holds, from acceptance to acknowledgement. */
    public long bufferBytes() {
        return bufferBytes;
    }

    /** What happens to an event that does not fit. */
    public BufferFullPolicy bufferFullPolicy() {
        return bufferFullPolicy;
    }

    /** How long {@link BufferFullPolicy#BLOCK} lets a caller wait. */
    public Duration maxBlock() {
        return maxBlock;
    }

    /** How long a record waits for others to join its request. */
    public Duration linger() {
        return linger;
    }

    /** The most records per PutRecords request. */
    public int maxBatchRecords() {
        return maxBatchRecords;
    }

    /** The most record bytes (data and partition keys) per request. */
    public int maxRequestBytes() {
        return maxRequestBytes;
    }

    /** The most requests open at once. */
    public int maxInFlight() {
        return maxInFlight;
    }

    /** How long an event may take from acceptance to acknowledgement before it is dropped. */
    public Duration deliveryTimeout() {
        return deliveryTimeout;
    }

    /** The first wait before resending. */
    public Duration retryBackoff() {
        return retryBackoff;
    }

    /** The longest wait before resending. */
    public Duration retryMaxBackoff() {
        return retryMaxBackoff;
    }

    /** Whether to register a JMX bean with the metrics. */
    public boolean registerJmx() {
        return registerJmx;
    }

    /** One event per Kinesis record, or several. */
    public RecordFormat recordFormat() {
        return recordFormat;
    }

    /** With {@link RecordFormat#PACKED}: the most bytes (data and partition key) of a record holding several events. */
    public int packedRecordBytes() {
        return packedRecordBytes;
    }

    /** Whether every event's own partition key must reach Kinesis (false for random keys). */
    public boolean keepsKeys() {
        return keepsKeys;
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof SenderSettings)) {
            return false;
        }
        SenderSettings that = (SenderSettings) other;
        return Objects.equals(name, that.name)
                && Objects.equals(streamName, that.streamName)
                && Objects.equals(endpoint, that.endpoint)
                && bufferBytes == that.bufferBytes
                && Objects.equals(bufferFullPolicy, that.bufferFullPolicy)
                && Objects.equals(maxBlock, that.maxBlock)
                && Objects.equals(linger, that.linger)
                && maxBatchRecords == that.maxBatchRecords
                && maxRequestBytes == that.maxRequestBytes
                && maxInFlight == that.maxInFlight
                && Objects.equals(deliveryTimeout, that.deliveryTimeout)
                && Objects.equals(retryBackoff, that.retryBackoff)
                && Objects.equals(retryMaxBackoff, that.retryMaxBackoff)
                && registerJmx == that.registerJmx
                && recordFormat == that.recordFormat
                && packedRecordBytes == that.packedRecordBytes
                && keepsKeys == that.keepsKeys;
    }

    @Override
    public int hashCode() {
        return Objects.hash(
                name,
                streamName,
                endpoint,
                bufferBytes,
                bufferFullPolicy,
                maxBlock,
                linger,
                maxBatchRecords,
                maxRequestBytes,
                maxInFlight,
                deliveryTimeout,
                retryBackoff,
                retryMaxBackoff,
                registerJmx,
                recordFormat,
                packedRecordBytes,
                keepsKeys);
    }

    @Override
    public String toString() {
        return "SenderSettings[" + "name=" + name + ", streamName=" + streamName + ", endpoint=" + endpoint
                + ", bufferBytes=" + bufferBytes + ", bufferFullPolicy=" + bufferFullPolicy + ", maxBlock=" + maxBlock
                + ", linger=" + linger + ", maxBatchRecords=" + maxBatchRecords + ", maxRequestBytes=" + maxRequestBytes
                + ", maxInFlight=" + maxInFlight + ", deliveryTimeout=" + deliveryTimeout + ", retryBackoff="
                + retryBackoff + ", retryMaxBackoff=" + retryMaxBackoff + ", registerJmx=" + registerJmx
                + ", recordFormat=" + recordFormat + ", packedRecordBytes=" + packedRecordBytes + ", keepsKeys="
                + keepsKeys + "]";
    }

    /** The stream as reports name it: with the endpoint when one is set, which a network failure is about. */
    public String streamAt() {
        return endpoint == null ? streamName : streamName + " at " + endpoint;
    }
}
