package io.github.kinlog.common;

import io.github.kinlog.common.encode.EncoderSettings;
import io.github.kinlog.common.encode.EventEncoder;
import io.github.kinlog.common.encode.EventField;
import io.github.kinlog.common.encode.HostInfo;
import io.github.kinlog.common.send.BufferFullPolicy;
import io.github.kinlog.common.send.ClientSettings;
import io.github.kinlog.common.send.HttpClientChoice;
import io.github.kinlog.common.send.PartitionKeyStrategy;
import io.github.kinlog.common.send.SenderSettings;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Every Kinlog option, its default, and its validation, in one place. Both appenders expose these options under the
 * same names and hand them to a {@link Builder}; {@link Builder#build()} checks them all at once and reports every
 * problem in one message. The README's reference table documents them.
 */
public final class KinlogConfig {
    public static final String DEFAULT_PARTITION_KEY = "random";
    public static final int DEFAULT_MAX_STRING_BYTES = 65_535;
    public static final int DEFAULT_MAX_RECORD_BYTES = 1_048_576;
    public static final int DEFAULT_MAX_STACK_FRAMES = 100;
    public static final long DEFAULT_BUFFER_BYTES = 32L * 1024 * 1024;
    public static final BufferFullPolicy DEFAULT_BUFFER_FULL_POLICY = BufferFullPolicy.DROP_NEWEST;
    public static final long DEFAULT_MAX_BLOCK_MS = 1_000;
    public static final long DEFAULT_LINGER_MS = 100;
    public static final int DEFAULT_MAX_BATCH_RECORDS = 500;
    public static final int DEFAULT_MAX_REQUEST_BYTES = 5 * 1024 * 1024;
    public static final int DEFAULT_MAX_IN_FLIGHT = 4;
    public static final long DEFAULT_REQUEST_TIMEOUT_MS = 10_000;
    public static final long DEFAULT_DELIVERY_TIMEOUT_MS = 300_000;
    public static final long DEFAULT_RETRY_BACKOFF_MS = 100;
    public static final long DEFAULT_RETRY_MAX_BACKOFF_MS = 10_000;
    public static final long DEFAULT_SHUTDOWN_TIMEOUT_MS = 5_000;
    public static final HttpClientChoice DEFAULT_HTTP_CLIENT = HttpClientChoice.URL_CONNECTION;
    public static final String DEFAULT_ROLE_SESSION_NAME = "kinlog";

    /** Kinesis' largest record and request since 2025; a stream must be configured to take records this large. */
    public static final int MAX_KINESIS_BYTES = 10 * 1024 * 1024;

    private static final Pattern STREAM_NAME = Names.STREAM_NAME;
    private static final Pattern REGION = Names.REGION;
    private static final Pattern FIELD_NAME = Names.FIELD_NAME;

    private final String name;
    private final String streamName;
    private final String region;
    private final URI endpoint;
    private final String profile;
    private final String roleArn;
    private final String roleSessionName;
    private final HttpClientChoice httpClient;
    private final String clientFactory;
    private final String partitionKey;
    private final PartitionKeyStrategy partitionKeyStrategy;
    private final EncoderSettings encoder;
    private final boolean includeLocation;
    private final SenderSettings sender;
    private final long requestTimeoutMs;
    private final long shutdownTimeoutMs;
    private final boolean flushOnExit;
    private final boolean reportStackTraces;
    private final String description;

    private KinlogConfig(Builder b, URI endpoint, PartitionKeyStrategy partitionKeyStrategy, EncoderSettings encoder) {
        this.description = b.describe();
        this.name = b.name;
        this.streamName = b.streamName;
        this.region = b.region;
        this.endpoint = endpoint;
        this.profile = b.profile;
        this.roleArn = b.roleArn;
        this.roleSessionName = b.roleSessionName;
        this.httpClient = b.httpClient;
        this.clientFactory = b.clientFactory;
        this.partitionKey = b.partitionKey;
        this.partitionKeyStrategy = partitionKeyStrategy;
        this.encoder = encoder;
        this.includeLocation = b.includeLocation;
        this.requestTimeoutMs = b.requestTimeoutMs;
        this.shutdownTimeoutMs = b.shutdownTimeoutMs;
        this.flushOnExit = b.flushOnExit;
        this.reportStackTraces = b.reportStackTraces;
        this.sender = new SenderSettings(
                b.name,
                b.streamName,
                endpoint,
                b.bufferBytes,
                b.bufferFullPolicy,
                Duration.ofMillis(b.maxBlockMs),
                Duration.ofMillis(b.lingerMs),
                b.maxBatchRecords,
                b.maxRequestBytes,
                b.maxInFlight,
                Duration.ofMillis(b.deliveryTimeoutMs),
                Duration.ofMillis(b.retryBackoffMs),
                Duration.ofMillis(b.retryMaxBackoffMs),
                b.jmx);
    }

    public static Builder builder() {
        return new Builder();
    }

    public String name() {
        return name;
    }

    public String streamName() {
        return streamName;
    }

    public String partitionKey() {
        return partitionKey;
    }

    public PartitionKeyStrategy partitionKeyStrategy() {
        return partitionKeyStrategy;
    }

    public EncoderSettings encoderSettings() {
        return encoder;
    }

    public SenderSettings senderSettings() {
        return sender;
    }

    public ClientSettings clientSettings() {
        return new ClientSettings(
                name,
                region,
                endpoint,
                profile,
                roleArn,
                roleSessionName,
                httpClient,
                Duration.ofMillis(requestTimeoutMs),
                sender.maxInFlight(),
                clientFactory);
    }

    /** Whether appenders should capture where each event was logged (costly in Log4j2: a stack walk per event). */
    public boolean includeLocation() {
        return includeLocation;
    }

    public Duration shutdownTimeout() {
        return Duration.ofMillis(shutdownTimeoutMs);
    }

    /** Whether to flush buffered events when the JVM exits, for programs that never stop their logging. */
    public boolean flushOnExit() {
        return flushOnExit;
    }

    /** Whether status reports carry their cause's stack trace; without it each report is one line. */
    public boolean reportStackTraces() {
        return reportStackTraces;
    }

    /**
     * Settings that work but deserve the user's attention, to be reported when the appender starts: a plain-HTTP
     * endpoint that is not on this machine sends events and request signatures unencrypted.
     */
    public List<String> warnings() {
        if (endpoint != null && endpoint.getScheme().equals("http") && !isLoopback(endpoint.getHost())) {
            return Collections.singletonList(
                    "Kinesis stream " + streamName + ": endpoint " + endpoint + " is plain HTTP, so log events"
                            + " travel unencrypted. Use https unless this is a local emulator.");
        }
        return Collections.emptyList();
    }

    /** Judged from the name alone: a DNS lookup here would be a network call while the application starts. */
    private static boolean isLoopback(String host) {
        String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        return bare.equalsIgnoreCase("localhost")
                || bare.startsWith("127.")
                || bare.equals("::1")
                || bare.equals("0:0:0:0:0:0:0:1");
    }

    /** Every option and its value. Two configurations with the same description behave the same. */
    @Override
    public String toString() {
        return description;
    }

    /** Collects options; setters take the same names as the appenders' attributes. */
    public static final class Builder {
        private String name = "kinesis";
        private String streamName;
        private String region;
        private String endpoint;
        private String profile;
        private String roleArn;
        private String roleSessionName = DEFAULT_ROLE_SESSION_NAME;
        private HttpClientChoice httpClient = DEFAULT_HTTP_CLIENT;
        private String clientFactory;
        private String partitionKey = DEFAULT_PARTITION_KEY;
        private String service;
        private String env;
        private String host;
        private final Map<String, String> staticFields = new LinkedHashMap<>();
        private int maxStringBytes = DEFAULT_MAX_STRING_BYTES;
        private int maxRecordBytes = DEFAULT_MAX_RECORD_BYTES;
        private int maxStackFrames = DEFAULT_MAX_STACK_FRAMES;
        private boolean includeLocation;
        private long bufferBytes = DEFAULT_BUFFER_BYTES;
        private BufferFullPolicy bufferFullPolicy = DEFAULT_BUFFER_FULL_POLICY;
        private long maxBlockMs = DEFAULT_MAX_BLOCK_MS;
        private long lingerMs = DEFAULT_LINGER_MS;
        private int maxBatchRecords = DEFAULT_MAX_BATCH_RECORDS;
        private int maxRequestBytes = DEFAULT_MAX_REQUEST_BYTES;
        private int maxInFlight = DEFAULT_MAX_IN_FLIGHT;
        private long requestTimeoutMs = DEFAULT_REQUEST_TIMEOUT_MS;
        private long deliveryTimeoutMs = DEFAULT_DELIVERY_TIMEOUT_MS;
        private long retryBackoffMs = DEFAULT_RETRY_BACKOFF_MS;
        private long retryMaxBackoffMs = DEFAULT_RETRY_MAX_BACKOFF_MS;
        private long shutdownTimeoutMs = DEFAULT_SHUTDOWN_TIMEOUT_MS;
        private boolean jmx = true;
        private boolean flushOnExit = true;
        private boolean reportStackTraces;
        private final List<String> parseProblems = new ArrayList<>();

        private Builder() {}

        /** Names threads and the JMX bean; appenders pass their own name. */
        public Builder name(String value) {
            this.name = value;
            return this;
        }

        public Builder streamName(String value) {
            this.streamName = blankToNull(value);
            return this;
        }

        public Builder region(String value) {
            this.region = blankToNull(value);
            return this;
        }

        public Builder endpoint(String value) {
            this.endpoint = blankToNull(value);
            return this;
        }

        public Builder profile(String value) {
            this.profile = blankToNull(value);
            return this;
        }

        public Builder roleArn(String value) {
            this.roleArn = blankToNull(value);
            return this;
        }

        public Builder roleSessionName(String value) {
            this.roleSessionName = blankToNull(value) == null ? DEFAULT_ROLE_SESSION_NAME : value.trim();
            return this;
        }

        public Builder httpClient(String value) {
            if (blankToNull(value) != null) {
                try {
                    this.httpClient = HttpClientChoice.parse(value);
                } catch (IllegalArgumentException e) {
                    parseProblems.add(e.getMessage());
                }
            }
            return this;
        }

        public Builder clientFactory(String value) {
            this.clientFactory = blankToNull(value);
            return this;
        }

        public Builder partitionKey(String value) {
            this.partitionKey = blankToNull(value) == null ? DEFAULT_PARTITION_KEY : value.trim();
            return this;
        }

        public Builder service(String value) {
            this.service = blankToNull(value);
            return this;
        }

        public Builder env(String value) {
            this.env = blankToNull(value);
            return this;
        }

        /** Overrides the host name written in each event. */
        public Builder host(String value) {
            this.host = blankToNull(value);
            return this;
        }

        /** Adds a field written with the same value into every event. */
        public Builder staticField(String fieldName, String value) {
            if (staticFields.containsKey(fieldName)) {
                parseProblems.add("static field '" + fieldName + "' is given twice");
            }
            staticFields.put(fieldName, value == null ? "" : value);
            return this;
        }

        public Builder maxStringBytes(int value) {
            this.maxStringBytes = value;
            return this;
        }

        public Builder maxRecordBytes(int value) {
            this.maxRecordBytes = value;
            return this;
        }

        public Builder maxStackFrames(int value) {
            this.maxStackFrames = value;
            return this;
        }

        public Builder includeLocation(boolean value) {
            this.includeLocation = value;
            return this;
        }

        public Builder bufferBytes(long value) {
            this.bufferBytes = value;
            return this;
        }

        public Builder bufferFullPolicy(String value) {
            if (blankToNull(value) != null) {
                try {
                    this.bufferFullPolicy = BufferFullPolicy.parse(value);
                } catch (IllegalArgumentException e) {
                    parseProblems.add(e.getMessage());
                }
            }
            return this;
        }

        public Builder maxBlockMs(long value) {
            this.maxBlockMs = value;
            return this;
        }

        public Builder lingerMs(long value) {
            this.lingerMs = value;
            return this;
        }

        public Builder maxBatchRecords(int value) {
            this.maxBatchRecords = value;
            return this;
        }

        public Builder maxRequestBytes(int value) {
            this.maxRequestBytes = value;
            return this;
        }

        public Builder maxInFlight(int value) {
            this.maxInFlight = value;
            return this;
        }

        public Builder requestTimeoutMs(long value) {
            this.requestTimeoutMs = value;
            return this;
        }

        public Builder deliveryTimeoutMs(long value) {
            this.deliveryTimeoutMs = value;
            return this;
        }

        public Builder retryBackoffMs(long value) {
            this.retryBackoffMs = value;
            return this;
        }

        public Builder retryMaxBackoffMs(long value) {
            this.retryMaxBackoffMs = value;
            return this;
        }

        public Builder shutdownTimeoutMs(long value) {
            this.shutdownTimeoutMs = value;
            return this;
        }

        public Builder jmx(boolean value) {
            this.jmx = value;
            return this;
        }

        public Builder flushOnExit(boolean value) {
            this.flushOnExit = value;
            return this;
        }

        public Builder reportStackTraces(boolean value) {
            this.reportStackTraces = value;
            return this;
        }

        /** Validates every option and builds; throws {@link KinlogConfigException} listing every problem. */
        public KinlogConfig build() {
            List<String> problems = new ArrayList<>(parseProblems);
            if (streamName == null) {
                problems.add("streamName is required: the Kinesis stream to write to");
            } else if (!STREAM_NAME.matcher(streamName).matches()) {
                problems.add("streamName must be 1 to 128 letters, digits, '_', '.' or '-' (a name, not an ARN),"
                        + " but is '" + streamName + "'");
            }
            if (region != null && !REGION.matcher(region).matches()) {
                problems.add("region must be an AWS region such as us-east-1, but is '" + region + "'");
            }
            URI endpointUri = parseEndpoint(problems);
            PartitionKeyStrategy keys = null;
            try {
                keys = PartitionKeyStrategy.parse(partitionKey, host == null ? HostInfo.hostName() : host);
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage());
            }
            checkSender(problems);
            EncoderSettings encoder = encoderSettings(problems);
            if (!problems.isEmpty()) {
                throw new KinlogConfigException(problems);
            }
            return new KinlogConfig(this, endpointUri, keys, encoder);
        }

        /** Validates only the encoder's options, for layouts and encoders that do not send. */
        public EncoderSettings buildEncoderSettings() {
            List<String> problems = new ArrayList<>(parseProblems);
            EncoderSettings encoder = encoderSettings(problems);
            if (!problems.isEmpty()) {
                throw new KinlogConfigException(problems);
            }
            return encoder;
        }

        private URI parseEndpoint(List<String> problems) {
            if (endpoint == null) {
                return null;
            }
            try {
                URI uri = new URI(endpoint);
                if (uri.getScheme() == null
                        || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))
                        || uri.getHost() == null) {
                    problems.add(
                            "endpoint must be an http or https URI such as https://kinesis.us-east-1.amazonaws.com,"
                                    + " but is '" + endpoint + "'");
                    return null;
                }
                return uri;
            } catch (URISyntaxException e) {
                problems.add("endpoint is not a valid URI: " + e.getMessage());
                return null;
            }
        }

        private void checkSender(List<String> problems) {
            range(problems, "maxBatchRecords", maxBatchRecords, 1, 500);
            range(problems, "maxRequestBytes", maxRequestBytes, 1024, MAX_KINESIS_BYTES);
            range(problems, "maxInFlight", maxInFlight, 1, 64);
            range(problems, "lingerMs", lingerMs, 0, 60_000);
            range(problems, "maxBlockMs", maxBlockMs, 0, 3_600_000);
            range(problems, "requestTimeoutMs", requestTimeoutMs, 100, 600_000);
            range(problems, "retryBackoffMs", retryBackoffMs, 1, 600_000);
            range(problems, "retryMaxBackoffMs", retryMaxBackoffMs, retryBackoffMs, 3_600_000);
            range(problems, "deliveryTimeoutMs", deliveryTimeoutMs, requestTimeoutMs + lingerMs, Long.MAX_VALUE / 2);
            range(problems, "shutdownTimeoutMs", shutdownTimeoutMs, 0, 3_600_000);
            if (maxRecordBytes > maxRequestBytes) {
                problems.add("maxRecordBytes (" + maxRecordBytes + ") must not exceed maxRequestBytes ("
                        + maxRequestBytes + "): a record must fit in a request");
            }
            long smallestBuffer = (long) maxRecordBytes + 1024;
            range(problems, "bufferBytes", bufferBytes, smallestBuffer, Long.MAX_VALUE / 2);
        }

        private EncoderSettings encoderSettings(List<String> problems) {
            range(problems, "maxRecordBytes", maxRecordBytes, 8 * 1024, MAX_KINESIS_BYTES);
            // Above the record limit it is harmless: records are shrunk to fit anyway. 16 MB is SUPER's largest string.
            range(problems, "maxStringBytes", maxStringBytes, 64, 16_000_000);
            range(problems, "maxStackFrames", maxStackFrames, 0, 100_000);
            Set<String> reserved = EventField.reservedNames();
            for (String fieldName : staticFields.keySet()) {
                if (fieldName == null || !FIELD_NAME.matcher(fieldName).matches()) {
                    problems.add("static field name '" + fieldName + "' must be 1 to 128 letters, digits or '_',"
                            + " not starting with a digit, so Redshift can address it");
                } else if (reserved.contains(fieldName)) {
                    problems.add("static field '" + fieldName + "' collides with the event field of that name;"
                            + " reserved names are " + new TreeSet<>(reserved));
                }
            }
            EncoderSettings settings = new EncoderSettings(
                    maxStringBytes,
                    maxRecordBytes,
                    maxStackFrames,
                    service,
                    env,
                    host,
                    Collections.unmodifiableMap(new LinkedHashMap<>(staticFields)));
            if (problems.isEmpty()) {
                // Every event can be shrunk to this size; the limit must leave room for it and the longest key.
                int smallest =
                        new EventEncoder(settings).fallbackRecordBytes() + 4 * PartitionKeyStrategy.MAX_KEY_CHARS;
                if (smallest > maxRecordBytes) {
                    problems.add(
                            "maxRecordBytes (" + maxRecordBytes + ") is too small for the configured static fields:"
                                    + " events can need up to " + smallest + " bytes even when shrunk");
                }
            }
            return settings;
        }

        private String describe() {
            Map<String, Object> options = new LinkedHashMap<>();
            options.put("name", name);
            options.put("streamName", streamName);
            options.put("region", region);
            options.put("endpoint", endpoint);
            options.put("profile", profile);
            options.put("roleArn", roleArn);
            options.put("roleSessionName", roleSessionName);
            options.put("httpClient", httpClient.configName());
            options.put("clientFactory", clientFactory);
            options.put("partitionKey", partitionKey);
            options.put("service", service);
            options.put("env", env);
            options.put("host", host);
            options.put("staticFields", staticFields);
            options.put("maxStringBytes", maxStringBytes);
            options.put("maxRecordBytes", maxRecordBytes);
            options.put("maxStackFrames", maxStackFrames);
            options.put("includeLocation", includeLocation);
            options.put("bufferBytes", bufferBytes);
            options.put("bufferFullPolicy", bufferFullPolicy.configName());
            options.put("maxBlockMs", maxBlockMs);
            options.put("lingerMs", lingerMs);
            options.put("maxBatchRecords", maxBatchRecords);
            options.put("maxRequestBytes", maxRequestBytes);
            options.put("maxInFlight", maxInFlight);
            options.put("requestTimeoutMs", requestTimeoutMs);
            options.put("deliveryTimeoutMs", deliveryTimeoutMs);
            options.put("retryBackoffMs", retryBackoffMs);
            options.put("retryMaxBackoffMs", retryMaxBackoffMs);
            options.put("shutdownTimeoutMs", shutdownTimeoutMs);
            options.put("jmx", jmx);
            options.put("flushOnExit", flushOnExit);
            options.put("reportStackTraces", reportStackTraces);
            return "KinlogConfig" + options;
        }

        private static void range(List<String> problems, String option, long value, long min, long max) {
            if (value < min || value > max) {
                problems.add(option + " must be between " + min + " and " + max + ", but is " + value);
            }
        }

        private static String blankToNull(String value) {
            return value == null || value.trim().isEmpty() ? null : value.trim();
        }
    }
}
