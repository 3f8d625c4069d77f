package io.github.kinlog.common.send;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * How the sender makes PutRecords calls, on Kinlog's own records and answers: the AWS SDK's types stay inside the
 * implementations. The sender never has more than {@code maxInFlight} calls open at once and never waits on one: it
 * only needs the answer, some time later.
 */
public interface KinesisTransport extends AutoCloseable {
    /**
     * Starts one PutRecords call with these records, in this order. Must not block for long, and should not throw:
     * a failure is an answer too ({@link PutAnswer#requestFailed}). A throw or a failed future is resent as a passing
     * failure.
     */
    CompletableFuture<PutAnswer> putRecords(String streamName, List<? extends KinesisRecord> records);

    /** Releases what the transport owns (threads, and the client if the transport made it). Must not block for long. */
    @Override
    void close();
}
