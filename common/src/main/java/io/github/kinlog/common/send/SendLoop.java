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

/**
 * The sender thread's work: batch accepted records, send them, and deal with each answer. Records wait in the
 * {@link RecordBuffer} until a request takes them (so drop-oldest can still reach them); from then on (in a request,
 * waiting to be resent) they belong to this one thread alone, so none of that state needs locks. Transport threads
 * reach the loop only through the completions queue. It knows Kinlog's records and answers only: the AWS SDK stays
 * behind {@link KinesisTransport}.
 */
final class SendLoop implements Runnable {
    private static final long HOUSEKEEPING_NANOS = Duration.ofSeconds(1).toNanos();

    private final SenderSettings settings;
    private final RecordBuffer buffer;
    private final SenderMetrics metrics;
    private final StatusListener status;
    private final TransportSource transportSource;
    private final SenderClock clock;
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
    private final List<PutRequest> inFlight = new ArrayList<>();
    private KinesisTransport transport;
    private long nextTransportAttempt;
    private final DeliveryGate gate;
    private long nextRetryScan;

    /** The answer to one request. */
    private static final class Completion {
        final PutRequest request;
        final PutAnswer answer;

        Completion(PutRequest request, PutAnswer answer) {
            this.request = request;
            this.answer = answer;
        }
    }

    /** Makes the transport, on the sender's thread; called again after a failure. */
    interface TransportSource {
        KinesisTransport open() throws TransportUnavailable;
    }

    SendLoop(
            SenderSettings settings,
            RecordBuffer buffer,
            SenderMetrics metrics,
            StatusListener status,
            TransportSource transportSource,
            RetryPolicy retryPolicy,
            SenderWakeup wakeup,
            SenderClock clock) {
        this.settings = settings;
        this.buffer = buffer;
        this.metrics = metrics;
        this.status = status;
        this.transportSource = transportSource;
        this.clock = clock;
        this.retryPolicy = retryPolicy;
        this.wakeup = wakeup;
        this.deliveryTimeoutNanos = settings.deliveryTimeout().toNanos();
        long now = clock.nanoTime();
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
                long now = clock.nanoTime();
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
                            + Causes.oneLine(unexpected),
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
        for (PutRequest request : inFlight) {
            request.events.forEach(flushes::mark);
        }
        if (!flushes.marked()) {
            return;
        }
        if (gate.brokenBy() != null) {
            // Probe at once rather than after the backoff: if the setup is still broken, the flush ends now instead
            // of waiting out its timeout (a program exiting would wait for nothing).
            long now = clock.nanoTime();
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
            transport = transportSource.open();
        } catch (TransportUnavailable e) {
            enterConfigurationError(e.getCause(), e.getMessage(), now);
            nextTransportAttempt = gate.opensAt();
        }
    }

    private void dispatch(long now) {
        while (transport != null
                && gate.isOpen(now)
                && inFlight.size() < gate.maxInFlight()
                && waiting.ready(now, flushes.flushing())) {
            PutRequest request = waiting.takeRequest(now, RequestForm.start(settings));
            if (request.isEmpty()) {
                return;
            }
            send(request);
        }
    }

    private void send(PutRequest request) {
        int resent = 0;
        for (OutboundRecord record : request.events) {
            if (record.attempts++ > 0) {
                resent++;
            }
        }
        if (resent > 0) {
            metrics.retried(resent);
        }
        inFlight.add(request);
        CompletableFuture<PutAnswer> call;
        try {
            call = transport.putRecords(settings.streamName(), request.records);
        } catch (RuntimeException | LinkageError e) {
            call = CompletableFuture.completedFuture(PutAnswer.unexpected(e));
        }
        call.whenComplete((answer, failure) -> {
            if (failure == null && answer == null) {
                failure = new IllegalStateException("the transport answered nothing");
            }
            completions.add(new Completion(request, failure == null ? answer : PutAnswer.unexpected(failure)));
            wakeup.wake();
        });
    }

    // ---- answers

    private void processCompletions(long now) {
        Completion completion;
        while ((completion = completions.poll()) != null) {
            PutRequest request = completion.request;
            inFlight.remove(request);
            PutAnswer answer = completion.answer;
            if (!answer.covers(request.records.size())) {
                answer = PutAnswer.requestFailed(
                        RecordOutcome.RETRY,
                        "PutRecords answered " + answer.outcomes() + " results for " + request.records.size()
                                + " records",
                        null);
            }
            metrics.request(answer.requestFailed());
            if (answer.requestFailed()) {
                handleFailure(request, answer, now);
            } else {
                handleAnswers(request, answer, now);
            }
        }
    }

    /**
     * Each Kinesis record's outcome is its events' outcome: a packed record refused is resent whole (its events wait
     * together, and may be packed anew), and every metric counts events.
     */
    private void handleAnswers(PutRequest request, PutAnswer answer, long now) {
        // Any record the stream took, refused for throughput or rejected shows the setup works; a response refusing
        // every record for the setup's sake (a KMS key, say) is one more failed probe, reported once.
        int records = request.records.size();
        int unusable = -1;
        boolean setupWorks = false;
        for (int i = 0; i < records; i++) {
            if (answer.outcome(i) != RecordOutcome.CONFIGURATION) {
                setupWorks = true;
            } else if (unusable < 0) {
                unusable = i;
            }
        }
        long brokenSince = gate.brokenSince();
        if (setupWorks && gate.works(now)) {
            reports.repaired(brokenSince, now);
        }
        if (unusable >= 0) {
            enterConfigurationError(null, Causes.shorten(answer.error(unusable)), now);
        }
        int throttledRecords = 0;
        int failedRecords = 0;
        int throttledEvents = 0;
        // One wait for every record this response failed, so they are resent together.
        long retryDelay = retryPolicy.backoffNanos(mostAttempts(request));
        for (int i = 0; i < records; i++) {
            RecordOutcome outcome = answer.outcome(i);
            int first = request.firstEvent(i);
            int end = request.endEvent(i);
            if (outcome == RecordOutcome.OK) {
                metrics.recordSent();
            } else {
                failedRecords++;
            }
            if (outcome == RecordOutcome.THROTTLED) {
                throttledRecords++;
                throttledEvents += end - first;
            } else if (outcome == RecordOutcome.REJECTED) {
                reports.rejected(answer.error(i), end - first, now);
            }
            for (int e = first; e < end; e++) {
                OutboundRecord event = request.events.get(e);
                switch (outcome) {
                    case OK:
                        metrics.sent(event.size, (now - event.acceptedNanos) / 1000);
                        finish(event);
                        break;
                    case THROTTLED:
                    case RETRY:
                        retryLater(event, now, retryDelay);
                        break;
                    case CONFIGURATION:
                        retryLater(event, now, gate.opensAt() - now);
                        break;
                    case REJECTED:
                        drop(event, DropReason.REJECTED);
                        break;
                }
            }
        }
        if (throttledEvents > 0) {
            metrics.throttled(throttledEvents);
        }
        if (failedRecords < records) {
            reports.delivered(now);
        } else if (gate.brokenBy() == null) {
            reports.nothingDelivered(Causes.shorten(answer.error(0)), now);
        }
        gate.answered(records, failedRecords, throttledRecords, now);
    }

    private void handleFailure(PutRequest request, PutAnswer answer, long now) {
        int events = request.events.size();
        switch (answer.outcome(0)) {
            case THROTTLED:
            case RETRY:
                boolean throttling = answer.outcome(0) == RecordOutcome.THROTTLED;
                if (throttling) {
                    metrics.throttled(events);
                }
                gate.requestFailed(throttling, now);
                reports.requestFailed(events, answer.failure(), answer.cause(), now);
                long retryDelay = retryPolicy.backoffNanos(mostAttempts(request));
                for (OutboundRecord record : request.events) {
                    retryLater(record, now, retryDelay);
                }
                break;
            case CONFIGURATION:
                enterConfigurationError(answer.cause(), answer.failure(), now);
                for (OutboundRecord record : request.events) {
                    retryLater(record, now, gate.opensAt() - now);
                }
                break;
            default:
                reports.rejected(answer.failure(), events, now);
                for (OutboundRecord record : request.events) {
                    drop(record, DropReason.REJECTED);
                }
                break;
        }
    }

    private static int mostAttempts(PutRequest request) {
        int most = 1;
        for (OutboundRecord record : request.events) {
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

    /** @param why the failure in one line, for a person */
    private void enterConfigurationError(Throwable cause, String why, long now) {
        if (cause == null) {
            cause = new IllegalStateException(why);
        }
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
        for (PutRequest request : inFlight) {
            lost.addAll(request.events);
        }
        inFlight.clear();
        for (OutboundRecord record : lost) {
            metrics.dropped(DropReason.SHUTDOWN);
            buffer.release(record);
        }
        flushes.stop(lost.size());
    }

    private void sleep() {
        wakeup.sleep(this, nanosUntilNextWork(clock.nanoTime()), !waiting.anyNew(), () -> buffer.peek() != null);
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
