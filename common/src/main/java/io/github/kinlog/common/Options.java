package io.github.kinlog.common;

import io.github.kinlog.common.Option.Group;
import io.github.kinlog.common.send.BufferFullPolicy;
import io.github.kinlog.common.send.HttpClientChoice;
import io.github.kinlog.common.send.RecordFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every Kinlog option, declared once, in the order of the README's reference table. Adding an option here makes
 * the build fail until both appenders, the standalone layout and encoder (for encoder options) and the README
 * offer it.
 */
public final class Options {
    public static final Option<String> STREAM_NAME = Option.of("streamName", String.class, Group.CLIENT)
            .documentedDefault("(required)")
            .means("The Kinesis stream name (not its ARN)");
    public static final Option<String> REGION = Option.of("region", String.class, Group.CLIENT)
            .documentedDefault("SDK default chain")
            .means("AWS region, for example `us-east-1`; otherwise `AWS_REGION`, the profile, or instance metadata");
    public static final Option<String> ENDPOINT = Option.of("endpoint", String.class, Group.CLIENT)
            .documentedDefault("the region's")
            .means("Endpoint URI to use instead, for example `http://localhost:4567` for a local emulator");
    public static final Option<String> PROFILE = Option.of("profile", String.class, Group.CLIENT)
            .documentedDefault("SDK default chain")
            .means("Named profile (`~/.aws/config`) to take credentials from");
    public static final Option<String> ROLE_ARN = Option.of("roleArn", String.class, Group.CLIENT)
            .documentedDefault("none")
            .means("Role to assume for writing; needs `software.amazon.awssdk:sts` on the classpath");
    public static final Option<String> ROLE_SESSION_NAME = Option.of("roleSessionName", String.class, Group.CLIENT)
            .defaultValue("kinlog")
            .means("Session name when assuming `roleArn`");
    public static final Option<HttpClientChoice> HTTP_CLIENT = Option.of(
                    "httpClient", HttpClientChoice.class, Group.CLIENT)
            .defaultValue(HttpClientChoice.URL_CONNECTION)
            .parsedBy(HttpClientChoice::parse, HttpClientChoice::configName)
            .means("`url-connection` (ships with Kinlog), or `apache`, `apache5`, `crt`, `netty` after adding that SDK"
                    + " HTTP client artifact");
    public static final Option<String> CLIENT_FACTORY = Option.of("clientFactory", String.class, Group.CLIENT)
            .documentedDefault("none")
            .means("Class implementing `io.github.kinlog.common.send.KinesisClientFactory` that makes the Kinesis"
                    + " client itself");
    public static final Option<String> PARTITION_KEY = Option.of("partitionKey", String.class, Group.SENDER)
            .defaultValue("random")
            .means("`random`, `constant:VALUE`, `host`, `thread`, `mdc:KEY` or `field:KEY`, the last two with an"
                    + " optional fallback: `mdc:tenant\\|host`");
    public static final Option<String> SERVICE = Option.of("service", String.class, Group.ENCODER)
            .documentedDefault("none")
            .means("Written as `service` in every event");
    public static final Option<String> ENV = Option.of("env", String.class, Group.ENCODER)
            .documentedDefault("none")
            .means("Written as `env` in every event");
    public static final Option<String> HOST = Option.of("host", String.class, Group.ENCODER)
            .documentedDefault("this host's name")
            .means("Written as `host` in every event");

    @SuppressWarnings({"unchecked", "rawtypes"})
    public static final Option<Map<String, String>> STATIC_FIELDS = Option.of(
                    "staticFields", (Class<Map<String, String>>) (Class) Map.class, Group.ENCODER)
            .defaultValue(Collections.<String, String>emptyMap())
            .documentedDefault("none")
            .label("static fields")
            .means("Extra top-level fields with fixed values; names may not repeat an event field");

    public static final Option<Integer> MAX_STRING_BYTES = Option.of("maxStringBytes", Integer.class, Group.ENCODER)
            .defaultValue(65_535)
            // Above the record limit it is harmless: records are shrunk to fit anyway. 16 MB is SUPER's largest string.
            .range(64, 16_000_000)
            .means("Most UTF-8 bytes in any string value (64 to 16,000,000)");
    public static final Option<Integer> MAX_RECORD_BYTES = Option.of("maxRecordBytes", Integer.class, Group.ENCODER)
            .defaultValue(1_048_576)
            .range(8 * 1024, KinlogConfig.MAX_KINESIS_BYTES)
            .means("Most bytes per record, partition key included (8 KiB to 10 MiB; above 1 MiB the stream's maximum"
                    + " record size must be raised)");
    public static final Option<Integer> MAX_STACK_FRAMES = Option.of("maxStackFrames", Integer.class, Group.ENCODER)
            .defaultValue(100)
            .range(0, 100_000)
            .means("Most frames shown per throwable");
    public static final Option<Boolean> INCLUDE_LOCATION = Option.of("includeLocation", Boolean.class, Group.ENCODER)
            .defaultValue(false)
            .means("Add `source` (class, method, file, line) to each event; costs a stack walk per event in Log4j2");
    public static final Option<Long> BUFFER_BYTES = Option.of("bufferBytes", Long.class, Group.SENDER)
            .defaultValue(32L * 1024 * 1024)
            .range(1, Long.MAX_VALUE / 2)
            .means("Most bytes held (buffered, in flight, or waiting to be resent), at least `maxRecordBytes` + 1 KiB");
    public static final Option<BufferFullPolicy> BUFFER_FULL_POLICY = Option.of(
                    "bufferFullPolicy", BufferFullPolicy.class, Group.SENDER)
            .defaultValue(BufferFullPolicy.DROP_NEWEST)
            .parsedBy(BufferFullPolicy::parse, BufferFullPolicy::configName)
            .means("`drop-newest`, `drop-oldest` or `block`");
    public static final Option<Long> MAX_BLOCK_MS = Option.of("maxBlockMs", Long.class, Group.SENDER)
            .defaultValue(1_000L)
            .range(0, 3_600_000)
            .means("With `block`: the longest a caller waits for room");
    public static final Option<Long> LINGER_MS = Option.of("lingerMs", Long.class, Group.SENDER)
            .defaultValue(100L)
            .range(0, 60_000)
            .means("Longest a record waits for others to fill its request (0 to 60,000)");
    public static final Option<Integer> MAX_BATCH_RECORDS = Option.of("maxBatchRecords", Integer.class, Group.SENDER)
            .defaultValue(500)
            .range(1, 500)
            .means("Most records per PutRecords request (1 to 500)");
    public static final Option<Integer> MAX_REQUEST_BYTES = Option.of("maxRequestBytes", Integer.class, Group.SENDER)
            .defaultValue(5 * 1024 * 1024)
            .range(1024, KinlogConfig.MAX_KINESIS_BYTES)
            .means("Most record bytes per request, partition keys included (up to 10 MiB)");
    public static final Option<Integer> MAX_IN_FLIGHT = Option.of("maxInFlight", Integer.class, Group.SENDER)
            .defaultValue(4)
            .range(1, 64)
            .means("Most requests open at once (1 to 64)");
    public static final Option<RecordFormat> RECORD_FORMAT = Option.of("recordFormat", RecordFormat.class, Group.SENDER)
            .defaultValue(RecordFormat.SINGLE)
            .parsedBy(RecordFormat::parse, RecordFormat::configName)
            .means("`single`: one event per Kinesis record; `packed`: a JSON array of events per record, so fewer"
                    + " records to pay for (see [Packed records](#packed-records))");
    public static final Option<Integer> PACKED_RECORD_BYTES = Option.of(
                    "packedRecordBytes", Integer.class, Group.SENDER)
            .defaultValue(25_000)
            .range(1024, KinlogConfig.MAX_KINESIS_BYTES)
            .means("With `packed`: most bytes per record of several events, partition key included (1,024 to"
                    + " `maxRecordBytes`); 25,000 fits one 25 KB PUT payload unit");
    public static final Option<Long> REQUEST_TIMEOUT_MS = Option.of("requestTimeoutMs", Long.class, Group.CLIENT)
            .defaultValue(10_000L)
            .range(100, 600_000)
            .means("Longest one request may take");
    public static final Option<Long> DELIVERY_TIMEOUT_MS = Option.of("deliveryTimeoutMs", Long.class, Group.SENDER)
            .defaultValue(300_000L)
            .range(1, Long.MAX_VALUE / 2)
            .means("Longest an event may take from logging to acknowledgement before it is dropped");
    public static final Option<Long> RETRY_BACKOFF_MS = Option.of("retryBackoffMs", Long.class, Group.SENDER)
            .defaultValue(100L)
            .range(1, 600_000)
            .means("First wait before resending");
    public static final Option<Long> RETRY_MAX_BACKOFF_MS = Option.of("retryMaxBackoffMs", Long.class, Group.SENDER)
            .defaultValue(10_000L)
            .range(1, 3_600_000)
            .means("Longest wait before resending, and between probes of a broken setup; failing this long with nothing"
                    + " delivered is reported as an error");
    public static final Option<Long> SHUTDOWN_TIMEOUT_MS = Option.of("shutdownTimeoutMs", Long.class, Group.SENDER)
            .defaultValue(5_000L)
            .range(0, 3_600_000)
            .means("Longest stopping waits for buffered events to be sent");
    public static final Option<Boolean> JMX = Option.of("jmx", Boolean.class, Group.SENDER)
            .defaultValue(true)
            .means("Register the metrics as a JMX bean");
    public static final Option<Boolean> FLUSH_ON_EXIT = Option.of("flushOnExit", Boolean.class, Group.SENDER)
            .defaultValue(true)
            .means("At JVM exit, send what is buffered (within `shutdownTimeoutMs`) even if the logging framework is"
                    + " never stopped");
    public static final Option<Boolean> REPORT_STACK_TRACES = Option.of(
                    "reportStackTraces", Boolean.class, Group.SENDER)
            .defaultValue(false)
            .means("Add the cause's stack trace to Kinlog's reports, which are otherwise one line each");
    public static final Option<Boolean> REPORT_TO_STDERR = Option.of(
                    "reportToStderr", Boolean.class, Group.LOGBACK_APPENDER)
            .defaultValue(true)
            .means("Logback only: while the logging context has no status listener, also print Kinlog's reports on"
                    + " standard error (see [Where Kinlog's reports go](#how-kinlog-behaves))");

    /** Every option, in the README's order. */
    public static final List<Option<?>> ALL = Collections.unmodifiableList(Arrays.<Option<?>>asList(
            STREAM_NAME,
            REGION,
            ENDPOINT,
            PROFILE,
            ROLE_ARN,
            ROLE_SESSION_NAME,
            HTTP_CLIENT,
            CLIENT_FACTORY,
            PARTITION_KEY,
            SERVICE,
            ENV,
            HOST,
            STATIC_FIELDS,
            MAX_STRING_BYTES,
            MAX_RECORD_BYTES,
            MAX_STACK_FRAMES,
            INCLUDE_LOCATION,
            BUFFER_BYTES,
            BUFFER_FULL_POLICY,
            MAX_BLOCK_MS,
            LINGER_MS,
            MAX_BATCH_RECORDS,
            MAX_REQUEST_BYTES,
            MAX_IN_FLIGHT,
            RECORD_FORMAT,
            PACKED_RECORD_BYTES,
            REQUEST_TIMEOUT_MS,
            DELIVERY_TIMEOUT_MS,
            RETRY_BACKOFF_MS,
            RETRY_MAX_BACKOFF_MS,
            SHUTDOWN_TIMEOUT_MS,
            JMX,
            FLUSH_ON_EXIT,
            REPORT_STACK_TRACES,
            REPORT_TO_STDERR));

    private static final Map<String, Option<?>> BY_NAME = byName();

    private Options() {}

    /** The option of that name, or null. */
    public static Option<?> named(String name) {
        return BY_NAME.get(name);
    }

    /** The options of one group, in order. */
    public static List<Option<?>> in(Group group) {
        List<Option<?>> found = new ArrayList<>();
        for (Option<?> option : ALL) {
            if (option.group() == group) {
                found.add(option);
            }
        }
        return found;
    }

    /** The options every appender of either framework takes: all but those of one framework's appender. */
    public static List<Option<?>> common() {
        List<Option<?>> found = new ArrayList<>(ALL);
        found.removeAll(in(Group.LOGBACK_APPENDER));
        return found;
    }

    /** The README's reference table, rows as its Markdown writes them. */
    public static String referenceTable() {
        StringBuilder table = new StringBuilder("| Option | Default | Meaning |\n| --- | --- | --- |\n");
        for (Option<?> option : ALL) {
            table.append("| ")
                    .append(option.label())
                    .append(" | ")
                    .append(option.documentedDefault())
                    .append(" | ")
                    .append(option.meaning())
                    .append(" |\n");
        }
        return table.toString();
    }

    private static Map<String, Option<?>> byName() {
        Map<String, Option<?>> map = new LinkedHashMap<>();
        for (Option<?> option : ALL) {
            if (map.put(option.name(), option) != null) {
                throw new IllegalStateException("option " + option.name() + " is declared twice");
            }
        }
        return map;
    }
}
