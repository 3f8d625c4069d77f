package io.github.kinlog.common.send;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.services.kinesis.KinesisClient;

/** Runs a blocking {@link KinesisClient} on a few daemon threads of its own, one per call in flight. */
final class SyncClientTransport implements KinesisTransport {
    private final KinesisClient client;
    private final Runnable closeClient;
    private final ExecutorService threads;

    /** @param closeClient closes what the transport owns: the client and its HTTP client, or nothing */
    SyncClientTransport(KinesisClient client, Runnable closeClient, int maxInFlight, String name) {
        this.client = client;
        this.closeClient = closeClient;
        ThreadPoolExecutor executor = new ThreadPoolExecutor(
                maxInFlight,
                maxInFlight,
                30,
                TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(),
                KinlogThreads.factory("kinlog-put-" + name));
        executor.allowCoreThreadTimeOut(true);
        this.threads = executor;
    }

    @Override
    public CompletableFuture<PutAnswer> putRecords(String streamName, List<? extends KinesisRecord> records) {
        // Once closed, the executor refuses the call; that failure is the answer.
        return SdkPutRecords.call(
                streamName,
                records,
                request -> CompletableFuture.supplyAsync(() -> client.putRecords(request), threads));
    }

    @Override
    public void close() {
        // Interrupting a call in progress makes the SDK abort it; nothing here waits for that.
        threads.shutdownNow();
        closeClient.run();
    }
}
