package io.github.kinlog.common.testing;

import io.github.kinlog.common.send.KinesisTransport;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.IntPredicate;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.kinesis.model.InvalidArgumentException;
import software.amazon.awssdk.services.kinesis.model.KinesisException;
import software.amazon.awssdk.services.kinesis.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequest;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResultEntry;
import software.amazon.awssdk.services.kinesis.model.ResourceNotFoundException;

/**
 * A Kinesis transport whose answers a test scripts: each request takes the next scripted answer, or the default one
 * (success) when the script is empty. Records every request it gets.
 */
public final class FakeTransport implements KinesisTransport {
    /** A request as received: its records' data as text, and when it came. */
    public record Request(List<String> records, long nanos) {}

    private final ConcurrentLinkedQueue<Function<PutRecordsRequest, CompletableFuture<PutRecordsResponse>>> script =
            new ConcurrentLinkedQueue<>();
    private volatile Function<PutRecordsRequest, CompletableFuture<PutRecordsResponse>> fallback =
            request -> CompletableFuture.completedFuture(success(request));
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final List<Map.Entry<PutRecordsRequest, CompletableFuture<PutRecordsResponse>>> hanging =
            new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "fake-transport-timer");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicInteger mostOpen = new AtomicInteger();
    private volatile boolean closed;

    @Override
    public CompletableFuture<PutRecordsResponse> putRecords(PutRecordsRequest request) {
        List<String> data = new ArrayList<>();
        for (PutRecordsRequestEntry entry : request.records()) {
            data.add(new String(entry.data().asByteArray(), StandardCharsets.UTF_8));
        }
        requests.add(new Request(data, System.nanoTime()));
        mostOpen.accumulateAndGet(open.incrementAndGet(), Math::max);
        Function<PutRecordsRequest, CompletableFuture<PutRecordsResponse>> answer = script.poll();
        CompletableFuture<PutRecordsResponse> response = (answer != null ? answer : fallback).apply(request);
        return response.whenComplete((ok, failure) -> open.decrementAndGet());
    }

    @Override
    public void close() {
        closed = true;
        timer.shutdownNow();
    }

    // ---- scripting

    /** The next request gets this answer. */
    public FakeTransport then(Function<PutRecordsRequest, CompletableFuture<PutRecordsResponse>> answer) {
        script.add(answer);
        return this;
    }

    /** Requests with no scripted answer get this one. */
    public FakeTransport otherwise(Function<PutRecordsRequest, CompletableFuture<PutRecordsResponse>> answer) {
        fallback = answer;
        return this;
    }

    public static Function<PutRecordsRequest, CompletableFuture<PutRecordsResponse>> succeed() {
        return request -> CompletableFuture.completedFuture(success(request));
    }

    /** Fails the records whose index matches, with the given error code. */
    public static Function<PutRecordsRequest, CompletableFuture<PutRecordsResponse>> failRecords(
            IntPredicate which, String errorCode) {
        return request -> {
            List<PutRecordsResultEntry> results = new ArrayList<>();
            int failed = 0;
            for (int i = 0; i < request.records().size(); i++) {
                if (which.test(i)) {
                    failed++;
                    results.add(PutRecordsResultEntry.builder()
                            .errorCode(errorCode)
                            .errorMessage("scripted " + errorCode)
                            .build());
                } else {
                    results.add(ok(i));
                }
            }
            return CompletableFuture.completedFuture(PutRecordsResponse.builder()
                    .failedRecordCount(failed)
                    .records(results)
                    .build());
        };
    }

    public static Function<PutRecordsRequest, CompletableFuture<PutRecordsResponse>> fail(Throwable error) {
        return request -> CompletableFuture.failedFuture(error);
    }

    /** Answers after a delay, with whatever {@code then} answers. */
    public Function<PutRecordsRequest, CompletableFuture<PutRecordsResponse>> after(
            long millis, Function<PutRecordsRequest, CompletableFuture<PutRecordsResponse>> then) {
        return request -> {
            CompletableFuture<PutRecordsResponse> later = new CompletableFuture<>();
            timer.schedule(
                    () -> then.apply(request).whenComplete((ok, failure) -> {
                        if (failure != null) {
                            later.completeExceptionally(failure);
                        } else {
                            later.complete(ok);
                        }
                    }),
                    millis,
                    TimeUnit.MILLISECONDS);
            return later;
        };
    }

    /** Never answers (until {@link #releaseHanging()}), like an endpoint that swallowed the request. */
    public Function<PutRecordsRequest, CompletableFuture<PutRecordsResponse>> hang() {
        return request -> {
            CompletableFuture<PutRecordsResponse> never = new CompletableFuture<>();
            hanging.add(Map.entry(request, never));
            return never;
        };
    }

    /** Answers every hanging request with success. */
    public void releaseHanging() {
        for (Map.Entry<PutRecordsRequest, CompletableFuture<PutRecordsResponse>> call : hanging) {
            call.getValue().complete(success(call.getKey()));
        }
        hanging.clear();
    }

    public static ProvisionedThroughputExceededException throttled() {
        return (ProvisionedThroughputExceededException) ProvisionedThroughputExceededException.builder()
                .statusCode(400)
                .awsErrorDetails(details("ProvisionedThroughputExceededException"))
                .message("Rate exceeded")
                .build();
    }

    public static ResourceNotFoundException streamNotFound() {
        return (ResourceNotFoundException) ResourceNotFoundException.builder()
                .statusCode(400)
                .awsErrorDetails(details("ResourceNotFoundException"))
                .message("Stream logs under account 000000000000 not found.")
                .build();
    }

    public static InvalidArgumentException invalidArgument() {
        return (InvalidArgumentException) InvalidArgumentException.builder()
                .statusCode(400)
                .awsErrorDetails(details("InvalidArgumentException"))
                .message("scripted invalid argument")
                .build();
    }

    public static KinesisException serverError() {
        return (KinesisException) KinesisException.builder()
                .statusCode(503)
                .awsErrorDetails(details("ServiceUnavailable"))
                .message("scripted 503")
                .build();
    }

    private static AwsErrorDetails details(String code) {
        return AwsErrorDetails.builder().errorCode(code).serviceName("Kinesis").build();
    }

    // ---- what happened

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    /** Every record data received, in order, resends included. */
    public List<String> received() {
        List<String> all = new ArrayList<>();
        requests.forEach(request -> all.addAll(request.records()));
        return all;
    }

    public int mostOpenAtOnce() {
        return mostOpen.get();
    }

    public boolean isClosed() {
        return closed;
    }

    private static PutRecordsResponse success(PutRecordsRequest request) {
        List<PutRecordsResultEntry> results = new ArrayList<>();
        for (int i = 0; i < request.records().size(); i++) {
            results.add(ok(i));
        }
        return PutRecordsResponse.builder()
                .failedRecordCount(0)
                .records(results)
                .build();
    }

    private static PutRecordsResultEntry ok(int i) {
        return PutRecordsResultEntry.builder()
                .shardId("shardId-000000000000")
                .sequenceNumber(Integer.toString(i))
                .build();
    }
}
