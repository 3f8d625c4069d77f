package io.github.kinlog.logback;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.UnsynchronizedAppenderBase;
import ch.qos.logback.core.encoder.Encoder;
import io.github.kinlog.common.InternalEvents;
import io.github.kinlog.common.KinlogConfig;
import io.github.kinlog.common.KinlogConfigException;
import io.github.kinlog.common.KinlogPipeline;
import io.github.kinlog.common.Options;
import io.github.kinlog.common.metrics.DropReason;
import io.github.kinlog.common.status.StderrStatus;

/**
 * Sends log events to an Amazon Kinesis data stream, as Kinlog's JSON by default or as the bytes of an
 * {@code <encoder>} given to it. A complete configuration:
 *
 * <pre>{@code
 * <appender name="KINESIS" class="io.github.kinlog.logback.KinesisAppender">
 *   <streamName>app-logs</streamName>
 *   <region>us-east-1</region>
 * </appender>
 * }</pre>
 *
 * <p>Every option of the README's reference table is a property of the same name. Appending encodes the event on
 * the calling thread, without any lock, and hands it to a background sender; it never waits on the network and
 * never throws. A configuration error is reported to the status manager when the appender starts, and the appender
 * stays stopped while the application runs on.
 */
public final class KinesisAppender extends UnsynchronizedAppenderBase<ILoggingEvent> {
    /** Collects the options; defaults and validation live in the core, shared with the Log4j2 appender. */
    private final KinlogConfig.Builder options = KinlogConfig.builder();

    private Encoder<ILoggingEvent> encoder;
    private KinlogConfig config;
    private KinlogPipeline pipeline;
    private boolean includeLocation;
    private boolean reportToStderr = Options.REPORT_TO_STDERR.defaultValue();

    @Override
    public void start() {
        if (isStarted()) {
            return;
        }
        try {
            config = options.name(getName()).build();
        } catch (KinlogConfigException e) {
            addError("Kinesis appender '" + getName() + "' is not started. " + e.getMessage());
            return;
        }
        if (encoder instanceof KinlogJsonEncoder) {
            addWarn("Kinesis appender '" + getName() + "' writes Kinlog's JSON by itself; its KinlogJsonEncoder is"
                    + " ignored. Set service, env, fields and the size limits on the appender.");
            encoder = null;
        }
        includeLocation = config.includeLocation();
        pipeline = SenderHandover.take(getContext(), getName(), settings());
        if (pipeline != null) {
            addInfo("Kinesis appender '" + getName() + "' keeps its running sender: the settings are unchanged");
        } else {
            ContextStatus status = new ContextStatus(this, reportToStderr ? new StderrStatus(getName()) : null);
            status.starting();
            try {
                pipeline = KinlogPipeline.start(config, status);
            } finally {
                status.started();
            }
        }
        super.start();
    }

    /** Every setting of this appender: the core's options, and where its reports go (the pipeline keeps that too). */
    private String settings() {
        return config + ", reportToStderr=" + reportToStderr;
    }

    @Override
    protected void append(ILoggingEvent event) {
        if (InternalEvents.isInternal(event.getLoggerName())) {
            return;
        }
        LogbackEventView view = new LogbackEventView(event, includeLocation);
        Encoder<ILoggingEvent> other = encoder;
        if (other == null) {
            pipeline.append(view);
        } else {
            pipeline.appendEncoded(() -> other.encode(event), view);
        }
    }

    /**
     * Logback drops an event that reaches a stopped appender with a status warning only. After a reset the sender is
     * still running (parked for, or handed to, the next appender): the event goes to it. Otherwise it is counted as
     * {@code closed}, so the loss is in the metrics and the drop reports.
     */
    @Override
    public void doAppend(ILoggingEvent event) {
        if (!started) {
            KinlogPipeline stopped = pipeline;
            if (stopped != null && stopped.isRunning()) {
                append(event);
                return;
            }
            if (stopped != null) {
                stopped.refused(DropReason.CLOSED);
            }
        }
        super.doAppend(event);
    }

    /**
     * Sends what is buffered for up to {@code shutdownTimeoutMs}, still taking events meanwhile, then stops. A reset of
     * the context parks the running sender instead, for the appender the next configuration starts (see
     * {@link SenderHandover}).
     */
    @Override
    public void stop() {
        if (!isStarted()) {
            return;
        }
        if (SenderHandover.stoppedByReset()) {
            SenderHandover.park(getContext(), getName(), settings(), pipeline);
            super.stop();
            return;
        }
        // Logback stops an appender before detaching it (a reset, a rescan), so events keep arriving for a moment:
        // the pipeline takes them while it drains; the few that arrive after are counted as closed.
        pipeline.close(config.shutdownTimeout());
        super.stop();
    }

    /** The options as set so far, for the test that checks every option is offered. */
    KinlogConfig.Builder options() {
        return options;
    }

    /** The sender's metrics, for monitoring and tests; null until started. */
    public KinlogPipeline pipeline() {
        return pipeline;
    }

    /** Another encoder's output to send instead of Kinlog's JSON, one record per event. */
    public void setEncoder(Encoder<ILoggingEvent> encoder) {
        this.encoder = encoder;
    }

    public Encoder<ILoggingEvent> getEncoder() {
        return encoder;
    }

    public void addField(StaticField field) {
        options.staticField(field.getName(), field.getValue());
    }

    public void setStreamName(String value) {
        options.streamName(value);
    }

    public void setRegion(String value) {
        options.region(value);
    }

    public void setEndpoint(String value) {
        options.endpoint(value);
    }

    public void setProfile(String value) {
        options.profile(value);
    }

    public void setRoleArn(String value) {
        options.roleArn(value);
    }

    public void setRoleSessionName(String value) {
        options.roleSessionName(value);
    }

    public void setHttpClient(String value) {
        options.httpClient(value);
    }

    public void setClientFactory(String value) {
        options.clientFactory(value);
    }

    public void setPartitionKey(String value) {
        options.partitionKey(value);
    }

    public void setService(String value) {
        options.service(value);
    }

    public void setEnv(String value) {
        options.env(value);
    }

    public void setHost(String value) {
        options.host(value);
    }

    public void setMaxStringBytes(int value) {
        options.maxStringBytes(value);
    }

    public void setMaxRecordBytes(int value) {
        options.maxRecordBytes(value);
    }

    public void setMaxStackFrames(int value) {
        options.maxStackFrames(value);
    }

    public void setIncludeLocation(boolean value) {
        options.includeLocation(value);
    }

    public void setBufferBytes(long value) {
        options.bufferBytes(value);
    }

    public void setBufferFullPolicy(String value) {
        options.bufferFullPolicy(value);
    }

    public void setMaxBlockMs(long value) {
        options.maxBlockMs(value);
    }

    public void setLingerMs(long value) {
        options.lingerMs(value);
    }

    public void setMaxBatchRecords(int value) {
        options.maxBatchRecords(value);
    }

    public void setMaxRequestBytes(int value) {
        options.maxRequestBytes(value);
    }

    public void setMaxInFlight(int value) {
        options.maxInFlight(value);
    }

    public void setRecordFormat(String value) {
        options.recordFormat(value);
    }

    public void setPackedRecordBytes(int value) {
        options.packedRecordBytes(value);
    }

    public void setRequestTimeoutMs(long value) {
        options.requestTimeoutMs(value);
    }

    public void setDeliveryTimeoutMs(long value) {
        options.deliveryTimeoutMs(value);
    }

    public void setRetryBackoffMs(long value) {
        options.retryBackoffMs(value);
    }

    public void setRetryMaxBackoffMs(long value) {
        options.retryMaxBackoffMs(value);
    }

    public void setShutdownTimeoutMs(long value) {
        options.shutdownTimeoutMs(value);
    }

    public void setJmx(boolean value) {
        options.jmx(value);
    }

    public void setFlushOnExit(boolean value) {
        options.flushOnExit(value);
    }

    public void setReportStackTraces(boolean value) {
        options.reportStackTraces(value);
    }

    /** Whether reports also go to standard error while the Logback context has no status listener. */
    public void setReportToStderr(boolean value) {
        this.reportToStderr = value;
    }
}
