package io.github.kinlog.common.send;

import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequest;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResponse;

/**
 * How the sender makes PutRecords calls. The sender never has more than {@code maxInFlight} calls open at once and
 * never waits on one: it only needs the answer, some time later.
 */
public interface KinesisTransport extends AutoCloseable {
    /** Starts a call. Must not block for long; may fail the returned future instead of throwing. */
    CompletableFuture<PutRecordsResponse> putRecords(PutRecordsRequest request);

    /** Releases what the transport owns (threads, and the client if the transport made it). Must not block for long. */
    @Override
    void close();
}
