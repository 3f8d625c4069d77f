package io.github.kinlog.common.send;

import io.github.kinlog.common.metrics.DropReason;
import io.github.kinlog.common.metrics.MetricsJmx;
import io.github.kinlog.common.metrics.SenderMetrics;
import io.github.kinlog.common.status.StatusListener;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Sends records to one Kinesis stream in PutRecords batches from a background thread.
 *
 * <ul>
 *   <li>{@link #send} never throws and, unless the buffer-full policy is {@code block}, never waits.
 *   <li>Starting makes no network call on the calling thread: the client is built on the sender's own thread.
 *   <li>{@link #flush} and {@link #close} return by their timeout whatever the endpoint does, and say how many events
 *       were left unsent. The sender's threads are daemon threads: they never keep a JVM alive.
 * </ul>
 */
public final class KinesisSender implements AutoCloseable {
    private final SenderSettings settings;
    private final SenderMetrics metrics;
    private final StatusListener status;
    private final RecordBuffer buffer;
    private final SendLoop loop;
    private final SenderClock clock;
    private final Thread thread;
    private final MetricsJmx jmx;
    private final AtomicBoolean closed = new AtomicBoolean();
    /** The most events reported unsent so far: the exit hook and a framework's stop may both end with the same ones. */
    private final AtomicLong reportedUnsent = new AtomicLong();

    private KinesisSender(
            SenderSettings settings,
            Supplier<KinesisTransport> transports,
            StatusListener status,
            SenderMetrics metrics,
            SenderClock clock) {
        this.settings = settings;
        this.metrics = metrics;
        this.status = status;
        this.clock = clock;
        SenderWakeup wakeup = new SenderWakeup(clock);
        this.buffer = new RecordBuffer(
                settings.bufferBytes(),
                settings.bufferFullPolicy(),
                settings.maxBlock().toNanos(),
                settings.maxBatchRecords(),
                settings.maxRequestBytes(),
                metrics,
                wakeup);
        RetryPolicy retries = new RetryPolicy(
                settings.retryBackoff().toNanos(),
                settings.retryMaxBackoff().toNanos(),
                bound -> ThreadLocalRandom.current().nextLong(bound));
        this.loop = new SendLoop(
                settings, buffer, metrics, status, () -> SdkPutRecords.open(transports), retries, wakeup, clock);
        metrics.bufferedFrom(buffer::heldBytes, buffer::heldRecords);
        this.thread = KinlogThreads.newThread(loop, "kinlog-sender-" + settings.name());
        wakeup.attach(thread);
        this.jmx = settings.registerJmx()
                ? MetricsJmx.register(settings.name(), settings.streamName(), metrics, status)
                : null;
    }

    /**
     * Starts a sender.
     *
     * @param transports makes the transport; called on the sender's thread, again after a failure
     */
    public static KinesisSender start(
            SenderSettings settings,
            Supplier<KinesisTransport> transports,
            StatusListener status,
            SenderMetrics metrics) {
        return start(settings, transports, status, metrics, SenderClock.SYSTEM);
    }

    /** As {@link #start(SenderSettings, Supplier, StatusListener, SenderMetrics)}, on the given clock (tests). */
    static KinesisSender start(
            SenderSettings settings,
            Supplier<KinesisTransport> transports,
            StatusListener status,
            SenderMetrics metrics,
            SenderClock clock) {
        KinesisSender sender = new KinesisSender(settings, transports, status, metrics, clock);
        sender.thread.start();
        return sender;
    }

    /**
     * Takes a record for sending, or drops it (counted by reason).
     *
     * @param partitionKeyBytes the UTF-8 length of {@code partitionKey}
     * @return whether the record was taken
     */
    public boolean send(byte[] data, String partitionKey, int partitionKeyBytes) {
        return send(data, partitionKey, partitionKeyBytes, true);
    }

    /**
     * As {@link #send(byte[], String, int)}; with {@code packable} false the record always goes alone, as one Kinesis
     * record, whatever the record format (bytes from another layout, which need not be JSON).
     */
    public boolean send(byte[] data, String partitionKey, int partitionKeyBytes, boolean packable) {
        if (data.length + partitionKeyBytes > settings.maxRequestBytes()) {
            // Could never be sent: no request can hold it.
            metrics.dropped(DropReason.OVERSIZE);
            return false;
        }
        return buffer.offer(new OutboundRecord(data, partitionKey, partitionKeyBytes, clock.nanoTime(), packable));
    }

    /**
     * Sends everything held now without waiting for batches to fill, and waits until it is acknowledged or dropped,
     * or until the timeout. Returns how many of those events were still unsent at the end.
     */
    public FlushResult flush(Duration timeout) {
        if (Thread.currentThread() == thread || !thread.isAlive()) {
            return new FlushResult(thread.isAlive() ? buffer.heldRecords() : 0);
        }
        CompletableFuture<FlushResult> request = loop.requestFlush();
        try {
            return request.get(Math.max(0, timeout.toNanos()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            return new FlushResult(loop.unflushed(request));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new FlushResult(loop.unflushed(request));
        } catch (ExecutionException e) {
            return new FlushResult(loop.unflushed(request));
        }
    }

    /**
     * As {@link #flush}, for a JVM that is exiting: reports the events still unsent, which are lost with the JVM. A stop
     * of the logging framework running at the same time reports the same events only once.
     */
    public FlushResult flushBeforeExit(Duration timeout) {
        FlushResult result = flush(timeout);
        reportUnsent(result, "could not send", "before the JVM exited (shutdownTimeoutMs=" + timeout.toMillis() + ")");
        return result;
    }

    /**
     * Sends what is held for up to {@code timeout}, still taking events meanwhile (a framework may stop an appender
     * before it stops routing events to it), then refuses new ones and stops. Returns by the timeout (plus a moment)
     * whatever the endpoint does; the events still unsent are dropped, counted as {@code shutdown} and reported to
     * the status listener.
     */
    public FlushResult close(Duration timeout) {
        if (!closed.compareAndSet(false, true)) {
            return new FlushResult(0);
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        flush(timeout);
        buffer.close();
        // What arrived during the drain; immediate when nothing did or the time is up.
        FlushResult result = flush(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
        loop.stop();
        try {
            // Usually immediate; bounded in case the thread is busy building a client.
            thread.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000 + 100));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        reportUnsent(result, "stopped with", "unsent within the shutdown timeout of " + timeout.toMillis() + " ms");
        if (jmx != null) {
            jmx.close();
        }
        return result;
    }

    /** An error, not a warning: these events are lost, and Log4j2 prints only errors from its status logger. */
    private void reportUnsent(FlushResult result, String what, String when) {
        long before = reportedUnsent.getAndAccumulate(result.unsent(), Math::max);
        if (result.unsent() <= before) {
            return;
        }
        String failure = loop.lastFailure();
        status.error(
                "Kinlog " + what + " " + result.unsent() + " events for stream " + settings.streamAt() + " " + when
                        + (before > 0 ? "; " + before + " of them reported before" : "")
                        + (failure != null ? "; last failure: " + failure : ""),
                null);
    }

    /** Closes with no wait: whatever is held is dropped. */
    @Override
    public void close() {
        close(Duration.ZERO);
    }

    public SenderMetrics metrics() {
        return metrics;
    }

    public SenderSettings settings() {
        return settings;
    }

    /** Whether the sender's thread is still running (false once closed). */
    public boolean isRunning() {
        return thread.isAlive();
    }
}
