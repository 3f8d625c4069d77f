package io.github.kinlog.common.testing;

import io.github.kinlog.common.send.BufferFullPolicy;
import io.github.kinlog.common.send.RecordFormat;
import io.github.kinlog.common.send.SenderSettings;
import java.time.Duration;

/** Sender settings for tests, starting from quick defaults. */
public final class Settings {
    public String name = "test";
    public long bufferBytes = 8L * 1024 * 1024;
    public BufferFullPolicy policy = BufferFullPolicy.DROP_NEWEST;
    public Duration maxBlock = Duration.ofMillis(200);
    public Duration linger = Duration.ofMillis(20);
    public int maxBatchRecords = 500;
    public int maxRequestBytes = 5 * 1024 * 1024;
    public int maxInFlight = 4;
    public Duration deliveryTimeout = Duration.ofMinutes(5);
    public Duration retryBackoff = Duration.ofMillis(20);
    public Duration retryMaxBackoff = Duration.ofMillis(200);
    public boolean jmx = false;
    public RecordFormat recordFormat = RecordFormat.SINGLE;
    public int packedRecordBytes = 25_000;
    public boolean keepsKeys = false;

    public SenderSettings build() {
        return new SenderSettings(
                name,
                "logs",
                null,
                bufferBytes,
                policy,
                maxBlock,
                linger,
                maxBatchRecords,
                maxRequestBytes,
                maxInFlight,
                deliveryTimeout,
                retryBackoff,
                retryMaxBackoff,
                jmx,
                recordFormat,
                packedRecordBytes,
                keepsKeys);
    }
}
