package io.github.kinlog.logback;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.EncoderBase;
import io.github.kinlog.common.KinlogConfig;
import io.github.kinlog.common.KinlogConfigException;
import io.github.kinlog.common.Options;
import io.github.kinlog.common.encode.EventEncoder;

/**
 * Kinlog's JSON event schema as an encoder for any appender, for example a file an agent ships:
 * {@code <encoder class="io.github.kinlog.logback.KinlogJsonEncoder"><service>shop</service></encoder>}. Each event is
 * one JSON object followed by {@code eventDelimiter} (a newline by default). The Kinesis appender writes this JSON
 * itself and needs no encoder.
 */
public final class KinlogJsonEncoder extends EncoderBase<ILoggingEvent> {
    private final KinlogConfig.Builder options = KinlogConfig.builder();
    private boolean includeLocation;
    private byte[] delimiter = {'\n'};
    private EventEncoder encoder;

    @Override
    public void start() {
        try {
            encoder = new EventEncoder(options.buildEncoderSettings());
            includeLocation = options.get(Options.INCLUDE_LOCATION);
            super.start();
        } catch (KinlogConfigException e) {
            addError("KinlogJsonEncoder is not started. " + e.getMessage());
        }
    }

    @Override
    public byte[] headerBytes() {
        return null;
    }

    @Override
    public byte[] encode(ILoggingEvent event) {
        return encoder.encodeLine(new LogbackEventView(event, includeLocation), delimiter);
    }

    @Override
    public byte[] footerBytes() {
        return null;
    }

    /** The options as set so far, for the test that checks every encoder option is offered. */
    KinlogConfig.Builder options() {
        return options;
    }

    public void addField(StaticField field) {
        options.staticField(field.getName(), field.getValue());
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

    /** What follows each event; a newline by default, empty for none. */
    public void setEventDelimiter(String value) {
        this.delimiter = EventEncoder.delimiter(value);
    }
}
