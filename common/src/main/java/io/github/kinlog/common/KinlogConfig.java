package io.github.kinlog.common;

import io.github.kinlog.common.encode.EncoderSettings;
import io.github.kinlog.common.encode.EventEncoder;
import io.github.kinlog.common.encode.EventField;
import io.github.kinlog.common.encode.HostInfo;
import io.github.kinlog.common.send.ClientSettings;
import io.github.kinlog.common.send.HttpClientChoice;
import io.github.kinlog.common.send.PartitionKeyStrategy;
import io.github.kinlog.common.send.RecordFormat;
import io.github.kinlog.common.send.SenderSettings;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * A checked Kinlog configuration. The options, their defaults and ranges are declared in {@link Options}; both
 * appenders hand what they were given to a {@link Builder}, whose {@link Builder#build()} checks every option at once,
 * adds the checks that span options, and reports every problem in one message.
 */
public final class KinlogConfig {
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
        this.streamName = b.get(Options.STREAM_NAME);
        this.region = b.get(Options.REGION);
        this.endpoint = endpoint;
        this.profile = b.get(Options.PROFILE);
        this.roleArn = b.get(Options.ROLE_ARN);
        this.roleSessionName = b.get(Options.ROLE_SESSION_NAME);
        this.httpClient = b.get(Options.HTTP_CLIENT);
        this.clientFactory = b.get(Options.CLIENT_FACTORY);
        this.partitionKey = b.get(Options.PARTITION_KEY);
        this.partitionKeyStrategy = partitionKeyStrategy;
        this.encoder = encoder;
        this.includeLocation = b.get(Options.INCLUDE_LOCATION);
        this.requestTimeoutMs = b.get(Options.REQUEST_TIMEOUT_MS);
        this.shutdownTimeoutMs = b.get(Options.SHUTDOWN_TIMEOUT_MS);
        this.flushOnExit = b.get(Options.FLUSH_ON_EXIT);
        this.reportStackTraces = b.get(Options.REPORT_STACK_TRACES);
        this.sender = new SenderSettings(
                b.name,
                streamName,
                endpoint,
                b.get(Options.BUFFER_BYTES),
                b.get(Options.BUFFER_FULL_POLICY),
                Duration.ofMillis(b.get(Options.MAX_BLOCK_MS)),
                Duration.ofMillis(b.get(Options.LINGER_MS)),
                b.get(Options.MAX_BATCH_RECORDS),
                b.get(Options.MAX_REQUEST_BYTES),
                b.get(Options.MAX_IN_FLIGHT),
                Duration.ofMillis(b.get(Options.DELIVERY_TIMEOUT_MS)),
                Duration.ofMillis(b.get(Options.RETRY_BACKOFF_MS)),
                Duration.ofMillis(b.get(Options.RETRY_MAX_BACKOFF_MS)),
                b.get(Options.JMX),
                b.get(Options.RECORD_FORMAT),
                b.get(Options.PACKED_RECORD_BYTES),
                partitionKeyStrategy.keepsKeys());
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

    /**
     * Collects options by their {@link Options} declaration; an option never set keeps its declared default. The
     * named setters are the same options for Java callers.
     */
    public static final class Builder {
        private String name = "kinesis";
        private final Map<Option<?>, Object> values = new HashMap<>();
        private final Map<String, String> staticFields = new LinkedHashMap<>();
        private final List<String> parseProblems = new ArrayList<>();

        private Builder() {}

        /** Names threads and the JMX bean; appenders pass their own name. */
        public Builder name(String value) {
            this.name = value;
            return this;
        }

        /** Sets an option; blank text counts as not set, so the default applies. */
        public <T> Builder set(Option<T> option, T value) {
            if (option == Options.STATIC_FIELDS) {
                throw new IllegalArgumentException("static fields are added one by one, with staticField");
            }
            if (value instanceof String && ((String) value).trim().isEmpty() || value == null) {
                values.remove(option);
            } else {
                values.put(option, value instanceof String ? ((String) value).trim() : value);
            }
            return this;
        }

        /**
         * Sets the option of that name from what a framework read: its value type, or text for an option read by a
         * parser. A framework attribute left unset is null and changes nothing.
         */
        public Builder set(String optionName, Object value) {
            Option<?> option = Options.named(optionName);
            if (option == null) {
                throw new IllegalArgumentException("no Kinlog option is named " + optionName);
            }
            if (value != null) {
                put(option, value);
            }
            return this;
        }

        private <T> void put(Option<T> option, Object value) {
            if (option.parsed() && value instanceof String) {
                parse(option, (String) value);
            } else {
                set(option, option.type().cast(value));
            }
        }

        private <T> void parse(Option<T> option, String text) {
            if (text.trim().isEmpty()) {
                values.remove(option);
                return;
            }
            try {
                values.put(option, option.parse(text));
            } catch (IllegalArgumentException e) {
                parseProblems.add(e.getMessage());
            }
        }

        /** The value set, or the option's default. */
        @SuppressWarnings("unchecked")
        public <T> T get(Option<T> option) {
            if (option == Options.STATIC_FIELDS) {
                return (T) Collections.unmodifiableMap(new LinkedHashMap<>(staticFields));
            }
            Object value = values.get(option);
            return value == null ? option.defaultValue() : (T) value;
        }

        public Builder streamName(String value) {
            return set(Options.STREAM_NAME, value);
        }

        public Builder region(String value) {
            return set(Options.REGION, value);
        }

        public Builder endpoint(String value) {
            return set(Options.ENDPOINT, value);
        }

        public Builder profile(String value) {
            return set(Options.PROFILE, value);
        }

        public Builder roleArn(String value) {
            return set(Options.ROLE_ARN, value);
        }

        public Builder roleSessionName(String value) {
            return set(Options.ROLE_SESSION_NAME, value);
        }

        public Builder httpClient(String value) {
            return set(Options.HTTP_CLIENT.name(), value);
        }

        public Builder clientFactory(String value) {
            return set(Options.CLIENT_FACTORY, value);
        }

        public Builder partitionKey(String value) {
            return set(Options.PARTITION_KEY, value);
        }

        public Builder service(String value) {
            return set(Options.SERVICE, value);
        }

        public Builder env(String value) {
            return set(Options.ENV, value);
        }

        /** Overrides the host name written in each event. */
        public Builder host(String value) {
            return set(Options.HOST, value);
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
            return set(Options.MAX_STRING_BYTES, value);
        }

        public Builder maxRecordBytes(int value) {
            return set(Options.MAX_RECORD_BYTES, value);
        }

        public Builder maxStackFrames(int value) {
            return set(Options.MAX_STACK_FRAMES, value);
        }

        public Builder includeLocation(boolean value) {
            return set(Options.INCLUDE_LOCATION, value);
        }

        public Builder bufferBytes(long value) {
            return set(Options.BUFFER_BYTES, value);
        }

        public Builder bufferFullPolicy(String value) {
            return set(Options.BUFFER_FULL_POLICY.name(), value);
        }

        public Builder maxBlockMs(long value) {
            return set(Options.MAX_BLOCK_MS, value);
        }

        public Builder lingerMs(long value) {
            return set(Options.LINGER_MS, value);
        }

        public Builder maxBatchRecords(int value) {
            return set(Options.MAX_BATCH_RECORDS, value);
        }

        public Builder maxRequestBytes(int value) {
            return set(Options.MAX_REQUEST_BYTES, value);
        }

        public Builder maxInFlight(int value) {
            return set(Options.MAX_IN_FLIGHT, value);
        }

        public Builder recordFormat(String value) {
            return set(Options.RECORD_FORMAT.name(), value);
        }

        public Builder packedRecordBytes(int value) {
            return set(Options.PACKED_RECORD_BYTES, value);
        }

        public Builder requestTimeoutMs(long value) {
            return set(Options.REQUEST_TIMEOUT_MS, value);
        }

        public Builder deliveryTimeoutMs(long value) {
            return set(Options.DELIVERY_TIMEOUT_MS, value);
        }

        public Builder retryBackoffMs(long value) {
            return set(Options.RETRY_BACKOFF_MS, value);
        }

        public Builder retryMaxBackoffMs(long value) {
            return set(Options.RETRY_MAX_BACKOFF_MS, value);
        }

        public Builder shutdownTimeoutMs(long value) {
            return set(Options.SHUTDOWN_TIMEOUT_MS, value);
        }

        public Builder jmx(boolean value) {
            return set(Options.JMX, value);
        }

        public Builder flushOnExit(boolean value) {
            return set(Options.FLUSH_ON_EXIT, value);
        }

        public Builder reportStackTraces(boolean value) {
            return set(Options.REPORT_STACK_TRACES, value);
        }

        /** Validates every option and builds; throws {@link KinlogConfigException} listing every problem. */
        public KinlogConfig build() {
            List<String> problems = new ArrayList<>(parseProblems);
            String streamName = get(Options.STREAM_NAME);
            if (streamName == null) {
                problems.add("streamName is required: the Kinesis stream to write to");
            } else if (!STREAM_NAME.matcher(streamName).matches()) {
                problems.add("streamName must be 1 to 128 letters, digits, '_', '.' or '-' (a name, not an ARN),"
                        + " but is '" + streamName + "'");
            }
            String region = get(Options.REGION);
            if (region != null && !REGION.matcher(region).matches()) {
                problems.add("region must be an AWS region such as us-east-1, but is '" + region + "'");
            }
            URI endpointUri = parseEndpoint(problems);
            PartitionKeyStrategy keys = null;
            try {
                String host = get(Options.HOST);
                keys = PartitionKeyStrategy.parse(
                        get(Options.PARTITION_KEY), host == null ? HostInfo.hostName() : host);
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage());
            }
            checkRanges(problems, Options.common());
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
            checkRanges(problems, Options.in(Option.Group.ENCODER));
            EncoderSettings encoder = encoderSettings(problems);
            if (!problems.isEmpty()) {
                throw new KinlogConfigException(problems);
            }
            return encoder;
        }

        private URI parseEndpoint(List<String> problems) {
            String endpoint = get(Options.ENDPOINT);
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

        private void checkRanges(List<String> problems, List<Option<?>> options) {
            for (Option<?> option : options) {
                if (option.ranged()) {
                    range(problems, option.name(), ((Number) get(option)).longValue(), option.min(), option.max());
                }
            }
        }

        /** The checks that span options; each runs only when its options are in their own ranges. */
        private void checkSender(List<String> problems) {
            long retryBackoffMs = get(Options.RETRY_BACKOFF_MS);
            int maxRecordBytes = get(Options.MAX_RECORD_BYTES);
            int maxRequestBytes = get(Options.MAX_REQUEST_BYTES);
            if (inRange(Options.RETRY_BACKOFF_MS, Options.RETRY_MAX_BACKOFF_MS)) {
                atLeast(problems, Options.RETRY_MAX_BACKOFF_MS, retryBackoffMs);
            }
            if (inRange(Options.REQUEST_TIMEOUT_MS, Options.LINGER_MS, Options.DELIVERY_TIMEOUT_MS)) {
                atLeast(
                        problems,
                        Options.DELIVERY_TIMEOUT_MS,
                        get(Options.REQUEST_TIMEOUT_MS) + get(Options.LINGER_MS));
            }
            if (inRange(Options.MAX_RECORD_BYTES, Options.BUFFER_BYTES)) {
                atLeast(problems, Options.BUFFER_BYTES, (long) maxRecordBytes + 1024);
            }
            if (get(Options.RECORD_FORMAT) == RecordFormat.PACKED
                    && inRange(Options.PACKED_RECORD_BYTES)
                    && get(Options.PACKED_RECORD_BYTES) > maxRecordBytes) {
                problems.add("packedRecordBytes (" + get(Options.PACKED_RECORD_BYTES) + ") must not exceed"
                        + " maxRecordBytes (" + maxRecordBytes + "): a packed record is a record");
            }
            if (maxRecordBytes > maxRequestBytes) {
                problems.add("maxRecordBytes (" + maxRecordBytes + ") must not exceed maxRequestBytes ("
                        + maxRequestBytes + "): a record must fit in a request");
            }
        }

        @SafeVarargs
        private final boolean inRange(Option<? extends Number>... options) {
            for (Option<? extends Number> option : options) {
                long value = get(option).longValue();
                if (value < option.min() || value > option.max()) {
                    return false;
                }
            }
            return true;
        }

        private void atLeast(List<String> problems, Option<? extends Number> option, long min) {
            range(problems, option.name(), get(option).longValue(), min, option.max());
        }

        private EncoderSettings encoderSettings(List<String> problems) {
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
            int maxRecordBytes = get(Options.MAX_RECORD_BYTES);
            EncoderSettings settings = new EncoderSettings(
                    get(Options.MAX_STRING_BYTES),
                    maxRecordBytes,
                    get(Options.MAX_STACK_FRAMES),
                    get(Options.SERVICE),
                    get(Options.ENV),
                    get(Options.HOST),
                    get(Options.STATIC_FIELDS));
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

        /** The name and every option of the appenders, as set or defaulted: equal descriptions behave the same. */
        private String describe() {
            Map<String, Object> options = new LinkedHashMap<>();
            options.put("name", name);
            for (Option<?> option : Options.common()) {
                Object value = get(option);
                options.put(option.name(), option.parsed() ? option.show(value) : value);
            }
            return "KinlogConfig" + options;
        }

        private static void range(List<String> problems, String option, long value, long min, long max) {
            if (value < min || value > max) {
                problems.add(option + " must be between " + min + " and " + max + ", but is " + value);
            }
        }
    }
}
