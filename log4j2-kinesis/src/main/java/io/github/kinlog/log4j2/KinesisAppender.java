package io.github.kinlog.log4j2;

import io.github.kinlog.common.InternalEvents;
import io.github.kinlog.common.KinlogConfig;
import io.github.kinlog.common.KinlogConfigException;
import io.github.kinlog.common.KinlogPipeline;
import java.io.Serializable;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.logging.log4j.core.Appender;
import org.apache.logging.log4j.core.Filter;
import org.apache.logging.log4j.core.Layout;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Node;
import org.apache.logging.log4j.core.config.Property;
import org.apache.logging.log4j.core.config.plugins.Plugin;
import org.apache.logging.log4j.core.config.plugins.PluginBuilderAttribute;
import org.apache.logging.log4j.core.config.plugins.PluginBuilderFactory;
import org.apache.logging.log4j.core.config.plugins.PluginElement;
import org.apache.logging.log4j.core.impl.LocationAware;

/**
 * Sends log events to an Amazon Kinesis data stream, as Kinlog's JSON by default or as the bytes of a layout given to
 * it. {@code <Kinesis name="kinesis" streamName="app-logs" region="us-east-1"/>} is a complete configuration; every
 * option is in the README's reference table.
 *
 * <p>Appending encodes the event on the calling thread and hands it to a background sender; it never waits on the
 * network and never throws.
 */
@Plugin(name = "Kinesis", category = Node.CATEGORY, elementType = Appender.ELEMENT_TYPE, printObject = true)
public final class KinesisAppender extends AbstractAppender implements LocationAware {
    private final KinesisManager manager;
    private final KinlogPipeline pipeline;
    private final boolean includeLocation;
    private final Duration stopWait;

    private KinesisAppender(
            String name,
            Filter filter,
            Layout<? extends Serializable> layout,
            boolean ignoreExceptions,
            Property[] properties,
            KinesisManager manager,
            boolean includeLocation,
            Duration stopWait) {
        super(name, filter, layout, ignoreExceptions, properties);
        this.manager = manager;
        this.pipeline = manager.pipeline();
        this.includeLocation = includeLocation;
        this.stopWait = stopWait;
        setHandler(new RecursionCountingErrorHandler(getHandler(), pipeline));
    }

    @PluginBuilderFactory
    public static <B extends Builder<B>> B newBuilder() {
        return new Builder<B>().asBuilder();
    }

    @Override
    public void append(LogEvent event) {
        if (InternalEvents.isInternal(event.getLoggerName())) {
            return;
        }
        Log4jEventView view = new Log4jEventView(event, includeLocation);
        Layout<? extends Serializable> layout = getLayout();
        if (layout == null) {
            pipeline.append(view);
        } else {
            pipeline.appendEncoded(() -> layout.toByteArray(event), view);
        }
    }

    /** Asks Log4j2 to capture where each event was logged when {@code includeLocation} is set. */
    @Override
    public boolean requiresLocation() {
        return includeLocation;
    }

    /**
     * Sends what is held for up to {@code shutdownTimeoutMs}, or the configuration's {@code shutdownTimeout} when that
     * is shorter. The timeout Log4j2 passes is not the user's: {@code LogManager.shutdown()} gives every appender 50 ms.
     */
    @Override
    public boolean stop(long timeout, TimeUnit timeUnit) {
        setStopping();
        boolean stopped = super.stop(timeout, timeUnit, false);
        // Stops the sender only if no newer appender (after a reconfiguration) has taken it over.
        stopped &= manager.stop(stopWait.toMillis(), TimeUnit.MILLISECONDS);
        setStopped();
        return stopped;
    }

    /** The sender's metrics, for monitoring and tests. */
    public KinlogPipeline pipeline() {
        return pipeline;
    }

    /**
     * Collects the appender's attributes. Each is null until set, so an option's default is the one declared in
     * {@link io.github.kinlog.common.Options}; {@link KinlogConfig} validates them all. A
     * configuration error is reported through the StatusLogger and the appender is left out, so the application
     * starts with its other appenders.
     */
    public static class Builder<B extends Builder<B>> extends AbstractAppender.Builder<B>
            implements org.apache.logging.log4j.core.util.Builder<KinesisAppender> {
        /** Required; checked with every other option in one step by KinlogConfig. */
        @PluginBuilderAttribute
        private String streamName;

        @PluginBuilderAttribute
        private String region;

        @PluginBuilderAttribute
        private String endpoint;

        @PluginBuilderAttribute
        private String profile;

        @PluginBuilderAttribute
        private String roleArn;

        @PluginBuilderAttribute
        private String roleSessionName;

        @PluginBuilderAttribute
        private String httpClient;

        @PluginBuilderAttribute
        private String clientFactory;

        @PluginBuilderAttribute
        private String partitionKey;

        @PluginBuilderAttribute
        private String service;

        @PluginBuilderAttribute
        private String env;

        @PluginBuilderAttribute
        private String host;

        @PluginElement("Fields")
        private StaticField[] fields = new StaticField[0];

        @PluginBuilderAttribute
        private Integer maxStringBytes;

        @PluginBuilderAttribute
        private Integer maxRecordBytes;

        @PluginBuilderAttribute
        private Integer maxStackFrames;

        @PluginBuilderAttribute
        private Boolean includeLocation;

        @PluginBuilderAttribute
        private Long bufferBytes;

        @PluginBuilderAttribute
        private String bufferFullPolicy;

        @PluginBuilderAttribute
        private Long maxBlockMs;

        @PluginBuilderAttribute
        private Long lingerMs;

        @PluginBuilderAttribute
        private Integer maxBatchRecords;

        @PluginBuilderAttribute
        private Integer maxRequestBytes;

        @PluginBuilderAttribute
        private Integer maxInFlight;

        @PluginBuilderAttribute
        private String recordFormat;

        @PluginBuilderAttribute
        private Integer packedRecordBytes;

        @PluginBuilderAttribute
        private Long requestTimeoutMs;

        @PluginBuilderAttribute
        private Long deliveryTimeoutMs;

        @PluginBuilderAttribute
        private Long retryBackoffMs;

        @PluginBuilderAttribute
        private Long retryMaxBackoffMs;

        @PluginBuilderAttribute
        private Long shutdownTimeoutMs;

        @PluginBuilderAttribute
        private Boolean jmx;

        @PluginBuilderAttribute
        private Boolean flushOnExit;

        @PluginBuilderAttribute
        private Boolean reportStackTraces;

        @Override
        public KinesisAppender build() {
            KinlogConfig.Builder options =
                    PluginOptions.read(this, KinlogConfig.builder().name(getName()));
            for (StaticField field : fields) {
                options.staticField(field.getName(), field.getValue());
            }
            KinlogConfig config;
            try {
                config = options.build();
            } catch (KinlogConfigException e) {
                LOGGER.error("Kinesis appender '{}' is not started. {}", getName(), e.getMessage());
                return null;
            }
            Layout<? extends Serializable> layout = getLayout();
            if (layout instanceof KinlogJsonLayout) {
                LOGGER.warn(
                        "Kinesis appender '{}' writes Kinlog's JSON by itself; its KinlogJsonLayout is ignored."
                                + " Set service, env, fields and the size limits on the appender.",
                        getName());
                layout = null;
            }
            KinesisManager manager = KinesisManager.forConfig(config.toString(), config);
            Duration stopWait = config.shutdownTimeout();
            long log4jShutdownTimeout =
                    getConfiguration() == null ? 0 : getConfiguration().getShutdownTimeoutMillis();
            if (log4jShutdownTimeout > 0 && log4jShutdownTimeout < stopWait.toMillis()) {
                stopWait = Duration.ofMillis(log4jShutdownTimeout);
            }
            return new KinesisAppender(
                    getName(),
                    getFilter(),
                    layout,
                    isIgnoreExceptions(),
                    getPropertyArray(),
                    manager,
                    config.includeLocation(),
                    stopWait);
        }

        public B setStreamName(String streamName) {
            this.streamName = streamName;
            return asBuilder();
        }

        public B setRegion(String region) {
            this.region = region;
            return asBuilder();
        }

        public B setEndpoint(String endpoint) {
            this.endpoint = endpoint;
            return asBuilder();
        }

        public B setProfile(String profile) {
            this.profile = profile;
            return asBuilder();
        }

        public B setRoleArn(String roleArn) {
            this.roleArn = roleArn;
            return asBuilder();
        }

        public B setRoleSessionName(String roleSessionName) {
            this.roleSessionName = roleSessionName;
            return asBuilder();
        }

        public B setHttpClient(String httpClient) {
            this.httpClient = httpClient;
            return asBuilder();
        }

        public B setClientFactory(String clientFactory) {
            this.clientFactory = clientFactory;
            return asBuilder();
        }

        public B setPartitionKey(String partitionKey) {
            this.partitionKey = partitionKey;
            return asBuilder();
        }

        public B setService(String service) {
            this.service = service;
            return asBuilder();
        }

        public B setEnv(String env) {
            this.env = env;
            return asBuilder();
        }

        public B setHost(String host) {
            this.host = host;
            return asBuilder();
        }

        public B setFields(StaticField... fields) {
            this.fields = fields.clone();
            return asBuilder();
        }

        public B setMaxStringBytes(int maxStringBytes) {
            this.maxStringBytes = maxStringBytes;
            return asBuilder();
        }

        public B setMaxRecordBytes(int maxRecordBytes) {
            this.maxRecordBytes = maxRecordBytes;
            return asBuilder();
        }

        public B setMaxStackFrames(int maxStackFrames) {
            this.maxStackFrames = maxStackFrames;
            return asBuilder();
        }

        public B setIncludeLocation(boolean includeLocation) {
            this.includeLocation = includeLocation;
            return asBuilder();
        }

        public B setBufferBytes(long bufferBytes) {
            this.bufferBytes = bufferBytes;
            return asBuilder();
        }

        public B setBufferFullPolicy(String bufferFullPolicy) {
            this.bufferFullPolicy = bufferFullPolicy;
            return asBuilder();
        }

        public B setMaxBlockMs(long maxBlockMs) {
            this.maxBlockMs = maxBlockMs;
            return asBuilder();
        }

        public B setLingerMs(long lingerMs) {
            this.lingerMs = lingerMs;
            return asBuilder();
        }

        public B setMaxBatchRecords(int maxBatchRecords) {
            this.maxBatchRecords = maxBatchRecords;
            return asBuilder();
        }

        public B setMaxRequestBytes(int maxRequestBytes) {
            this.maxRequestBytes = maxRequestBytes;
            return asBuilder();
        }

        public B setMaxInFlight(int maxInFlight) {
            this.maxInFlight = maxInFlight;
            return asBuilder();
        }

        public B setRecordFormat(String recordFormat) {
            this.recordFormat = recordFormat;
            return asBuilder();
        }

        public B setPackedRecordBytes(int packedRecordBytes) {
            this.packedRecordBytes = packedRecordBytes;
            return asBuilder();
        }

        public B setRequestTimeoutMs(long requestTimeoutMs) {
            this.requestTimeoutMs = requestTimeoutMs;
            return asBuilder();
        }

        public B setDeliveryTimeoutMs(long deliveryTimeoutMs) {
            this.deliveryTimeoutMs = deliveryTimeoutMs;
            return asBuilder();
        }

        public B setRetryBackoffMs(long retryBackoffMs) {
            this.retryBackoffMs = retryBackoffMs;
            return asBuilder();
        }

        public B setRetryMaxBackoffMs(long retryMaxBackoffMs) {
            this.retryMaxBackoffMs = retryMaxBackoffMs;
            return asBuilder();
        }

        public B setShutdownTimeoutMs(long shutdownTimeoutMs) {
            this.shutdownTimeoutMs = shutdownTimeoutMs;
            return asBuilder();
        }

        public B setJmx(boolean jmx) {
            this.jmx = jmx;
            return asBuilder();
        }

        public B setFlushOnExit(boolean flushOnExit) {
            this.flushOnExit = flushOnExit;
            return asBuilder();
        }

        public B setReportStackTraces(boolean reportStackTraces) {
            this.reportStackTraces = reportStackTraces;
            return asBuilder();
        }
    }
}
