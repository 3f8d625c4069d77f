package io.github.kinlog.common.send;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.services.kinesis.KinesisAsyncClient;

/** Calls a non-blocking {@link KinesisAsyncClient} (Netty, CRT); its own threads do the I/O. */
final class AsyncClientTransport implements KinesisTransport {
    private final KinesisAsyncClient client;
    private final Runnable closeClient;

    /** @param closeClient closes what the transport owns: the client and its HTTP client, or nothing */
    AsyncClientTransport(KinesisAsyncClient client, Runnable closeClient) {
        this.client = client;
        this.closeClient = closeClient;
    }

    @Override
    public CompletableFuture<PutAnswer> putRecords(String streamName, List<? extends KinesisRecord> records) {
        return SdkPutRecords.call(streamName, records, client::putRecords);
    }

    @Override
    public void close() {
        closeClient.run();
    }
}
