package io.github.kinlog.common.send;

import io.github.kinlog.common.metrics.DropReason;
import io.github.kinlog.common.metrics.SenderMetrics;
import io.github.kinlog.common.status.Causes;
import io.github.kinlog.common.status.StatusListener;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Supplier;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequest;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResultEntry;

/**
 * The sender thread's work: batch accepted records, send them, and deal with each answer. Records wait in the
 * {@link RecordBuffer} until a request takes them (so drop-oldest can still reach them); from then on (in a request,
 * waiting to be resent) they belong to this one thread alone, so none of that state needs locks. Transport threads
 * reach the loop only through the completions queue.
 */
final class SendLoop implements Runnable {
    private static final long HOUSEKEEPING_NANOS = Duration.ofSeconds(1).toNanos();

    private final SenderSettings settings;
    private final RecordBuffer buffer;
    private final SenderMetrics metrics;
    private final StatusListener status;
    private final Supplier<KinesisTransport> transportFactory;
    private final RetryPolicy retryPolicy;
    private final long deliveryTimeoutNanos;

    // Shared with other threads.
    private final ConcurrentLinkedQueue<Completion> completions = new ConcurrentLinkedQueue<>();
    private final FlushBarrier flushes = new FlushBarrier();
    private volatile boolean stopping;
    private final SenderWakeup wakeup;
    private final SenderReports reports;

    // Owned by the sender thread.
    private final WaitingRecords waiting;
    private final List<Batch> inFlight = new ArrayList<>();
    private KinesisTransport transport;
    private long nextTransportAttempt;
    private final DeliveryGate gate;
    private long nextRetryScan;

    /** One request's records. Compared by identity. */
    private static final class Batch {
        final List<OutboundRecord> records;

        Batch(List<OutboundRecord> records) {
            this.records = records;
        }
    }

    /** The answer to one request: a response or a failure. */
    private static final class Completion {
        private final Batch batch;
        private final PutRecordsResponse response;
        private final Throwable failure;

        Completion(Batch batch, PutRecordsResponse response, Throwable failure) {
            this.batch = batch;
            this.response = response;
            this.failure = failure;
        }

        Batch batch() {
            return batch;
        }

        PutRecordsResponse response() {
            return response;
        }

        Throwable failure() {
            return failure;
        }
    }

    SendLoop(
            SenderSettings settings,
            RecordBuffer buffer,
            SenderMetrics metrics,
            StatusListener status,
            Supplier<KinesisTransport> transportFactory,
            RetryPolicy retryPolicy,
            SenderWakeup wakeup) {
        this.settings = settings;
        this.buffer = buffer;
        this.metrics = metrics;
        this.status = status;
        this.transportFactory = transportFactory;
        this.retryPolicy = retryPolicy;
        this.wakeup = wakeup;
        this.deliveryTimeoutNanos = settings.deliveryTimeout().toNanos();
        long now = System.nanoTime();
        this.nextTransportAttempt = now;
        this.gate = new DeliveryGate(retryPolicy, settings.maxInFlight(), now);
        this.reports = new SenderReports(settings, status, metrics, buffer, now);
        this.nextRetryScan = now;
        this.waiting = new WaitingRecords(
                buffer,
                settings.maxBatchRecords(),
                settings.maxRequestBytes(),
                settings.linger().toNanos());
    }

    /** Asks for every record held now to be sent at once; the future completes when none of them is left. */
    CompletableFuture<FlushResult> requestFlush() {
        CompletableFuture<FlushResult> done = flushes.request();
        wakeup.wake();
        return done;
    }

    /**
     * Records of this flush that are still neither acknowledged nor dropped. A request the loop has not taken up yet
     * (it is busy building the client) covers everything held.
     */
    long unflushed(CompletableFuture<FlushResult> request) {
        return flushes.unflushed(request, buffer.heldRecords());
    }

    /** What the last failure was while nothing has been delivered since; null when the last request worked. */
    String lastFailure() {
        return reports.lastFailure();
    }

    /** Makes the loop end; what is still held then is dropped and counted as {@code shutdown}. */
    void stop() {
        stopping = true;
        wakeup.wake();
    }

    @Override
    public void run() {
        try {
            while (!stopping) {
                long now = System.nanoTime();
                processCompletions(now);
                processFlushRequests();
                processEvictions();
                expire(now);
                reports.drops(now);
                ensureTransport(now);
                dispatch(now);
                sleep();
            }
        } catch (Throwable unexpected) {
            // A bug; say so rather than die silently, and let close() count what is lost.
            status.error(
                    "Kinlog's sender thread for stream " + settings.streamName() + " failed: "
                            + ErrorClassifier.describe(unexpected),
                    unexpected);
        } finally {
            abandonEverything();
            if (transport != null) {
                try {
                    transport.close();
                } catch (RuntimeException e) {
                    status.warn("Closing the Kinesis client failed: " + Causes.oneLine(e), e);
                }
            }
        }
    }

    // ---- flushing

    private void processFlushRequests() {
        if (!flushes.open()) {
            return;
        }
        // Records accepted before the request was made are in the buffer now.
        waiting.forEach(flushes::mark);
        for (Batch batch : inFlight) {
            batch.records.forEach(flushes::mark);
        }
        if (!flushes.marked()) {
            return;
        }
        if (gate.brokenBy() != null) {
            // Probe at once rather than after the backoff: if the setup is still broken, the flush ends now instead
            // of waiting out its timeout (a program exiting would wait for nothing).
            long now = System.nanoTime();
            gate.probeNow(now);
            nextTransportAttempt = now;
            waiting.retryAllNow(now);
        }
    }

    /** Records calling threads dropped to make room: their bytes are free already; only the flush count is left. */
    private void processEvictions() {
        OutboundRecord record;
        while ((record = buffer.pollEvicted()) != null) {
            flushes.done(record);
        }
    }

    // ---- sending

    private void ensureTransport(long now) {
        if (transport != null || now - nextTransportAttempt < 0) {
            return;
        }
        try {
            transport = transportFactory.get();
        } catch (RuntimeException | LinkageError e) {
            enterConfigurationError(e, now);
            nextTransportAttempt = gate.opensAt();
        }
    }

    private void dispatch(long now) {
        while (transport != null
                && gate.isOpen(now)
                && inFlight.size() < gate.maxInFlight()
                && waiting.ready(now, flushes.flushing())) {
            List<OutboundRecord> records = waiting.takeBatch(now);
            if (records.isEmpty()) {
                return;
            }
            send(records, now);
        }
    }

    private void send(List<OutboundRecord> records, long now) {
        List<PutRecordsRequestEntry> entries = new ArrayList<>(records.size());
        int resent = 0;
        for (OutboundRecord record : records) {
            if (record.attempts++ > 0) {
                resent++;
            }
            entries.add(PutRecordsRequestEntry.builder()
                    .data(SdkBytes.fromByteArrayUnsafe(record.data))
                    .partitionKey(record.partitionKey)
                    .build());
        }
        if (resent > 0) {
            metrics.retried(resent);
        }
        Batch batch = new Batch(records);
        inFlight.add(batch);
        PutRecordsRequest request = PutRecordsRequest.builder()
                .streamName(settings.streamName())
                .records(entries)
                .build();
        CompletableFuture<PutRecordsResponse> call;
        try {
            call = transport.putRecords(request);
        } catch (RuntimeException | LinkageError e) {
            call = Futures.failed(e);
        }
        call.whenComplete((response, failure) -> {
            completions.add(new Completion(batch, response, failure));
            wakeup.wake();
        });
    }

    // ---- answers

    private void processCompletions(long now) {
        Completion completion;
        while ((completion = completions.poll()) != null) {
            inFlight.remove(completion.batch);
            metrics.request(completion.failure != null);
            if (completion.failure != null) {
                handleFailure(completion.batch, completion.failure, now);
            } else {
                handleResponse(completion.batch, completion.response, now);
            }
        }
    }

    private void handleResponse(Batch batch, PutRecordsResponse response, long now) {
        List<PutRecordsResultEntry> results = response.records();
        if (results.size() != batch.records.size()) {
            handleFailure(
                    batch,
                    new IllegalStateException("PutRecords answered " + results.size() + " results for "
                            + batch.records.size() + " records"),
                    now);
            return;
        }
        long brokenSince = gate.brokenSince();
        if (gate.works(now)) {
            reports.repaired(brokenSince, now);
        }
        int throttledRecords = 0;
        int failedRecords = 0;
        // One wait for every record this response failed, so they are resent together.
        long retryDelay = retryPolicy.backoffNanos(mostAttempts(batch));
        for (int i = 0; i < results.size(); i++) {
            PutRecordsResultEntry result = results.get(i);
            OutboundRecord record = batch.records.get(i);
            if (result.errorCode() == null) {
                metrics.sent(record.size, (now - record.acceptedNanos) / 1000);
                finish(record);
                continue;
            }
            failedRecords++;
            if (ErrorClassifier.isThrottlingCode(result.errorCode())) {
                throttledRecords++;
            }
            switch (ErrorClassifier.classifyRecordError(result.errorCode())) {
                case TRANSIENT:
                    retryLater(record, now, retryDelay);
                    break;
                case CONFIGURATION:
                    enterConfigurationError(
                            new IllegalStateException(result.errorCode() + ": " + result.errorMessage()), now);
                    retryLater(record, now, gate.opensAt() - now);
                    break;
                case REJECTED:
                    reports.rejected(result.errorCode() + ": " + result.errorMessage(), 1, now);
                    drop(record, DropReason.REJECTED);
                    break;
            }
        }
        if (throttledRecords > 0) {
            metrics.throttled(throttledRecords);
        }
        if (failedRecords < results.size()) {
            reports.delivered(now);
        } else if (gate.brokenBy() == null) {
            reports.nothingDelivered(
                    Causes.shorten(
                            results.get(0).errorCode() + ": " + results.get(0).errorMessage()),
                    now);
        }
        gate.answered(results.size(), failedRecords, throttledRecords, now);
    }

    private void handleFailure(Batch batch, Throwable failure, long now) {
        ErrorClassifier.Kind kind = ErrorClassifier.classify(failure);
        boolean throttling = ErrorClassifier.isThrottling(failure);
        if (throttling) {
            metrics.throttled(batch.records.size());
        }
        switch (kind) {
            case TRANSIENT:
                gate.requestFailed(throttling, now);
                reports.requestFailed(batch.records.size(), failure, now);
                long retryDelay = retryPolicy.backoffNanos(mostAttempts(batch));
                for (OutboundRecord record : batch.records) {
                    retryLater(record, now, retryDelay);
                }
                break;
            case CONFIGURATION:
                enterConfigurationError(failure, now);
                for (OutboundRecord record : batch.records) {
                    retryLater(record, now, gate.opensAt() - now);
                }
                break;
            case REJECTED:
                reports.rejected(ErrorClassifier.describe(failure), batch.records.size(), now);
                for (OutboundRecord record : batch.records) {
                    drop(record, DropReason.REJECTED);
                }
                break;
        }
    }

    private static int mostAttempts(Batch batch) {
        int most = 1;
        for (OutboundRecord record : batch.records) {
            most = Math.max(most, record.attempts);
        }
        return most;
    }

    private void retryLater(OutboundRecord record, long now, long delayNanos) {
        if (now - record.acceptedNanos >= deliveryTimeoutNanos) {
            drop(record, DropReason.DELIVERY_TIMEOUT);
            return;
        }
        waiting.retryAt(record, now + Math.max(0, delayNanos));
    }

    private void enterConfigurationError(Throwable failure, long now) {
        Throwable cause = ErrorClassifier.unwrap(failure);
        String why = ErrorClassifier.describe(cause);
        boolean news = gate.broken(cause, now);
        reports.broken(cause, why, news, gate.brokenSince(), now);
        if (flushes.flushing()) {
            flushes.abandon();
        }
    }

    // ---- ending records

    private void finish(OutboundRecord record) {
        buffer.release(record);
        flushes.done(record);
    }

    private void drop(OutboundRecord record, DropReason reason) {
        metrics.dropped(reason);
        finish(record);
    }

    private void expire(long now) {
        waiting.expireNew(now, deliveryTimeoutNanos, record -> drop(record, DropReason.DELIVERY_TIMEOUT));
        if (now - nextRetryScan >= 0) {
            nextRetryScan = now + HOUSEKEEPING_NANOS;
            waiting.expireRetries(now, deliveryTimeoutNanos, record -> drop(record, DropReason.DELIVERY_TIMEOUT));
        }
    }

    /** Everything still held when the loop ends is lost: count it, and release anyone waiting on a flush. */
    private void abandonEverything() {
        List<OutboundRecord> lost = waiting.drain();
        for (Batch batch : inFlight) {
            lost.addAll(batch.records);
        }
        inFlight.clear();
        for (OutboundRecord record : lost) {
            metrics.dropped(DropReason.SHUTDOWN);
            buffer.release(record);
        }
        flushes.stop(lost.size());
    }

    private void sleep() {
        wakeup.sleep(this, nanosUntilNextWork(System.nanoTime()), !waiting.anyNew(), () -> buffer.peek() != null);
    }

    private long nanosUntilNextWork(long now) {
        long wake = now + HOUSEKEEPING_NANOS;
        if (waiting.any()) {
            if (transport == null) {
                wake = earlier(wake, nextTransportAttempt);
            } else if (inFlight.size() < gate.maxInFlight()) {
                long ready = waiting.readyAt(now, flushes.flushing(), wake);
                wake = earlier(wake, later(ready, gate.opensAt()));
            }
        }
        return Math.max(0, wake - now);
    }

    private static long earlier(long a, long b) {
        return a - b <= 0 ? a : b;
    }

    private static long later(long a, long b) {
        return a - b >= 0 ? a : b;
    }
}
