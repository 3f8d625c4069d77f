package io.github.kinlog.common;

import io.github.kinlog.common.encode.EventEncoder;
import io.github.kinlog.common.encode.Utf8Text;
import io.github.kinlog.common.event.LogEventView;
import io.github.kinlog.common.metrics.DropReason;
import io.github.kinlog.common.metrics.MetricsSnapshot;
import io.github.kinlog.common.metrics.SenderMetrics;
import io.github.kinlog.common.send.FlushResult;
import io.github.kinlog.common.send.KinesisSender;
import io.github.kinlog.common.send.KinesisTransport;
import io.github.kinlog.common.send.KinesisTransports;
import io.github.kinlog.common.send.PartitionKeyStrategy;
import io.github.kinlog.common.status.Causes;
import io.github.kinlog.common.status.StatusListener;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * What an appender drives: for each event, choose its partition key, encode it (or take another layout's bytes),
 * and hand it to the sender. Nothing here throws into the caller: a failure drops the event, counted.
 */
public final class KinlogPipeline {
    private final KinlogConfig config;
    private final StatusListener status;
    private final EventEncoder encoder;
    private final PartitionKeyStrategy keys;
    private final SenderMetrics metrics;
    private final KinesisSender sender;
    private final Thread exitFlush;
    private final AtomicBoolean failureReported = new AtomicBoolean();
    private final AtomicBoolean oversizeReported = new AtomicBoolean();

    private KinlogPipeline(KinlogConfig config, StatusListener status, Supplier<KinesisTransport> transports) {
        this.config = config;
        this.status = config.reportStackTraces() ? status : status.withoutStackTraces();
        this.encoder = new EventEncoder(config.encoderSettings());
        this.keys = config.partitionKeyStrategy();
        this.metrics = new SenderMetrics();
        metrics.truncatedFrom(encoder::truncatedEvents);
        config.warnings().forEach(warning -> this.status.warn(warning, null));
        this.sender = KinesisSender.start(config.senderSettings(), transports, this.status, metrics);
        this.exitFlush = config.flushOnExit() ? exitFlush() : null;
    }

    /**
     * A JVM shutdown hook that sends what is buffered when the program ends without stopping its logging (a plain
     * main that returns, Logback without its shutdown hook). Removed when the pipeline closes, so a redeployed web
     * application leaves nothing behind.
     */
    private Thread exitFlush() {
        Thread hook = new Thread(
                () -> sender.flushBeforeExit(config.shutdownTimeout()), "kinlog-exit-flush-" + config.name());
        try {
            Runtime.getRuntime().addShutdownHook(hook);
            return hook;
        } catch (IllegalStateException alreadyExiting) {
            return null;
        }
    }

    /** Starts sending to the configured stream. Makes no network call on this thread. */
    public static KinlogPipeline start(KinlogConfig config, StatusListener status) {
        return new KinlogPipeline(config, status, () -> KinesisTransports.create(config.clientSettings()));
    }

    /** Starts sending through the given transport (tests, or a client made by the application). */
    public static KinlogPipeline start(
            KinlogConfig config, StatusListener status, Supplier<KinesisTransport> transports) {
        return new KinlogPipeline(config, status, transports);
    }

    /** Encodes and sends an event with Kinlog's JSON encoder. */
    public void append(LogEventView event) {
        try {
            String key = keys.keyFor(event);
            int keyBytes = Utf8Text.utf8Length(key);
            sender.send(encoder.encode(event, keyBytes), key, keyBytes);
        } catch (Throwable failure) {
            failed(failure);
        }
    }

    /**
     * Sends a record another layout or encoder makes from the event; a failure in {@code encoding} is counted like
     * any other. Such a record cannot be shrunk: if it is over {@code maxRecordBytes} it is dropped and counted as
     * {@code oversize}.
     */
    public void appendEncoded(Supplier<byte[]> encoding, LogEventView event) {
        try {
            byte[] record = encoding.get();
            String key = keys.keyFor(event);
            int keyBytes = Utf8Text.utf8Length(key);
            if (record.length + keyBytes > config.encoderSettings().maxRecordBytes()) {
                metrics.dropped(DropReason.OVERSIZE);
                if (oversizeReported.compareAndSet(false, true)) {
                    status.warn(
                            "Dropped a " + record.length
                                    + "-byte record from the configured layout: over maxRecordBytes="
                                    + config.encoderSettings().maxRecordBytes() + ". Only Kinlog's own JSON layout"
                                    + " shrinks events to fit; further oversize drops are counted in the metrics.",
                            null);
                }
                return;
            }
            // Another layout's bytes need not be JSON: never packed with others.
            sender.send(record, key, keyBytes, false);
        } catch (Throwable failure) {
            failed(failure);
        }
    }

    /**
     * Counts an event the logging framework refused to hand to the appender (it had stopped, or this thread was already
     * inside it), so the loss is reported with the other drops.
     */
    public void refused(DropReason reason) {
        metrics.dropped(reason);
    }

    private void failed(Throwable failure) {
        metrics.dropped(DropReason.ENCODING_FAILED);
        if (failureReported.compareAndSet(false, true)) {
            status.error(
                    "Kinlog could not encode an event (" + Causes.oneLine(failure) + "); it was dropped (later failures"
                            + " are counted as encoding_failed and reported with the other drops)",
                    failure);
        }
    }

    public FlushResult flush(Duration timeout) {
        return sender.flush(timeout);
    }

    /** Sends what is held within {@code timeout}, then stops; see {@link KinesisSender#close(Duration)}. */
    public FlushResult close(Duration timeout) {
        if (exitFlush != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(exitFlush);
            } catch (IllegalStateException exiting) {
                // the JVM is exiting and the hook is running or done
            }
        }
        return sender.close(timeout);
    }

    /** Closes within the configured {@code shutdownTimeoutMs}. */
    public FlushResult close() {
        return close(config.shutdownTimeout());
    }

    public MetricsSnapshot metrics() {
        return metrics.snapshot();
    }

    public KinlogConfig config() {
        return config;
    }

    public EventEncoder encoder() {
        return encoder;
    }

    public boolean isRunning() {
        return sender.isRunning();
    }
}
