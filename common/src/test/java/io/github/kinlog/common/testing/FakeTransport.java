package io.github.kinlog.common.testing;

import io.github.kinlog.common.send.KinesisRecord;
import io.github.kinlog.common.send.KinesisTransport;
import io.github.kinlog.common.send.PutAnswer;
import io.github.kinlog.common.send.RecordOutcome;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
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
import java.util.function.LongSupplier;

/**
 * A Kinesis transport whose answers a test scripts, in Kinlog's terms: each request takes the next scripted answer,
 * or the default one (success) when the script is empty. Records every request it gets. How the AWS SDK's answers
 * become these is {@code SdkPutRecordsTest}'s business.
 */
public final class FakeTransport implements KinesisTransport {
    /** A request as received: its records' data as text, and when it came (on the transport's clock). */
    public record Request(List<String> records, long nanos) {}

    /** How the transport answers a request. */
    public interface Answer extends Function<Request, CompletableFuture<PutAnswer>> {}

    private final LongSupplier clock;
    private final ConcurrentLinkedQueue<Answer> script = new ConcurrentLinkedQueue<>();
    private volatile Answer fallback = succeed();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final List<Map.Entry<Request, CompletableFuture<PutAnswer>>> hanging = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "fake-transport-timer");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicInteger mostOpen = new AtomicInteger();
    private volatile boolean closed;

    public FakeTransport() {
        this(System::nanoTime);
    }

    /** @param clock stamps each request; a test on a hand-driven clock passes that clock */
    public FakeTransport(LongSupplier clock) {
        this.clock = clock;
    }

    @Override
    public CompletableFuture<PutAnswer> putRecords(String streamName, List<? extends KinesisRecord> records) {
        List<String> data = new ArrayList<>();
        for (KinesisRecord record : records) {
            data.add(new String(record.data(), StandardCharsets.UTF_8));
        }
        Request request = new Request(List.copyOf(data), clock.getAsLong());
        requests.add(request);
        mostOpen.accumulateAndGet(open.incrementAndGet(), Math::max);
        Answer answer = script.poll();
        CompletableFuture<PutAnswer> response = (answer != null ? answer : fallback).apply(request);
        return response.whenComplete((ok, failure) -> open.decrementAndGet());
    }

    @Override
    public void close() {
        closed = true;
        timer.shutdownNow();
    }

    // ---- scripting

    /** The next request gets this answer. */
    public FakeTransport then(Answer answer) {
        script.add(answer);
        return this;
    }

    /** Requests with no scripted answer get this one. */
    public FakeTransport otherwise(Answer answer) {
        fallback = answer;
        return this;
    }

    public static Answer succeed() {
        return request -> CompletableFuture.completedFuture(answer(request, i -> false, null, null));
    }

    /** The records whose index matches get this outcome and error ({@code code: message}); the others are stored. */
    public static Answer failRecords(IntPredicate which, RecordOutcome outcome, String error) {
        return request -> CompletableFuture.completedFuture(answer(request, which, outcome, error));
    }

    /** The whole request fails. */
    public static Answer fail(RecordOutcome outcome, String why) {
        return request -> CompletableFuture.completedFuture(PutAnswer.requestFailed(outcome, why, null));
    }

    public static Answer throttled() {
        return fail(RecordOutcome.THROTTLED, "ProvisionedThroughputExceededException: Rate exceeded");
    }

    public static Answer streamNotFound() {
        return fail(
                RecordOutcome.CONFIGURATION,
                "ResourceNotFoundException: Stream logs under account 000000000000 not found");
    }

    public static Answer invalidArgument() {
        return fail(RecordOutcome.REJECTED, "InvalidArgumentException: scripted invalid argument");
    }

    public static Answer serverError() {
        return fail(RecordOutcome.RETRY, "ServiceUnavailable: scripted 503");
    }

    /** Answers after a delay (real time), with whatever {@code then} answers. */
    public Answer after(long millis, Answer then) {
        return request -> {
            CompletableFuture<PutAnswer> later = new CompletableFuture<>();
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
    public Answer hang() {
        return request -> {
            CompletableFuture<PutAnswer> never = new CompletableFuture<>();
            hanging.add(Map.entry(request, never));
            return never;
        };
    }

    /** Answers every hanging request with success. */
    public void releaseHanging() {
        for (Map.Entry<Request, CompletableFuture<PutAnswer>> call : hanging) {
            call.getValue().complete(answer(call.getKey(), i -> false, null, null));
        }
        hanging.clear();
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

    private static PutAnswer answer(Request request, IntPredicate failed, RecordOutcome outcome, String error) {
        int size = request.records().size();
        RecordOutcome[] outcomes = new RecordOutcome[size];
        String[] errors = new String[size];
        Arrays.fill(outcomes, RecordOutcome.OK);
        for (int i = 0; i < size; i++) {
            if (failed.test(i)) {
                outcomes[i] = outcome;
                errors[i] = error;
            }
        }
        return PutAnswer.perRecord(outcomes, errors);
    }
}
