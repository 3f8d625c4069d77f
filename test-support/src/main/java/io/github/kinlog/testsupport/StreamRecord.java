package io.github.kinlog.testsupport;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** One record read back from a stream, with the shard it was read from. */
public record StreamRecord(
        String shardId, String sequenceNumber, String partitionKey, byte[] data, Instant approximateArrival) {

    /** The data decoded as UTF-8 (malformed bytes become U+FFFD). */
    public String dataAsUtf8() {
        return new String(data, StandardCharsets.UTF_8);
    }
}
