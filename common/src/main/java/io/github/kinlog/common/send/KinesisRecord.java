package io.github.kinlog.common.send;

/** One record as a transport sends it: the bytes and the partition key that picks its shard. */
public interface KinesisRecord {
    /** The record's data; the transport must not change it. */
    byte[] data();

    String partitionKey();
}
