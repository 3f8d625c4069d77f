package io.github.kinlog.common.send;

/** One record on its way to Kinesis. Created on the calling thread; afterwards owned by the sender thread. */
final class OutboundRecord implements KinesisRecord {
    /**
     * What a record costs beyond its data and key: the record object, the request entry, the SDK's byte wrapper. An
     * estimate, so that many tiny events cannot outgrow the buffer limit by their overhead.
     */
    static final int OVERHEAD_BYTES = 160;

    final byte[] data;
    final String partitionKey;
    /** Data plus partition key, as Kinesis counts them against its limits. */
    final int size;

    final long acceptedNanos;
    /** Whether it may share a Kinesis record with others: Kinlog's own JSON, not another layout's bytes. */
    final boolean packable;

    int attempts;
    long notBeforeNanos;
    /** Orders retries of equal wait. Sender thread only. */
    long retryOrder;
    /** The flush barrier this record belongs to, or 0. Sender thread only. */
    long barrier;
    /** Dropped by a calling thread to make room (drop-oldest); its bytes are already released. */
    volatile boolean evicted;

    OutboundRecord(byte[] data, String partitionKey, int partitionKeyBytes, long acceptedNanos, boolean packable) {
        this.data = data;
        this.packable = packable;
        this.partitionKey = partitionKey;
        this.size = data.length + partitionKeyBytes;
        this.acceptedNanos = acceptedNanos;
    }

    @Override
    public byte[] data() {
        return data;
    }

    @Override
    public String partitionKey() {
        return partitionKey;
    }

    /** The partition key's UTF-8 bytes. */
    int partitionKeyBytes() {
        return size - data.length;
    }

    /** What this record counts against the buffer limit. */
    long bufferBytes() {
        return (long) size + OVERHEAD_BYTES;
    }
}
