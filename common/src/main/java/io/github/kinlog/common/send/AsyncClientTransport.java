package io.github.kinlog.common.send;

import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.services.kinesis.KinesisAsyncClient;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequest;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResponse;

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
    public CompletableFuture<PutRecordsResponse> putRecords(PutRecordsRequest request) {
        try {
            return client.putRecords(request);
        } catch (RuntimeException e) {
            return Futures.failed(e);
        }
    }

    @Override
    public void close() {
        closeClient.run();
    }
}
