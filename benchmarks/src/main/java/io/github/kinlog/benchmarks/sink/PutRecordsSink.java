package io.github.kinlog.benchmarks.sink;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * A fast stand-in for Kinesis' PutRecords, for benchmarks only: it speaks the AWS SDK's CBOR protocol and the JSON
 * one, answers every record with success (or with ProvisionedThroughputExceededException for a configured share),
 * optionally after a delay that emulates a network round trip, and counts what it got. It stores nothing. Any other
 * API call gets 400. {@code GET /stats} returns its counters and its own CPU time, so a harness can show the sink
 * costs far less than the clients it serves.
 */
public final class PutRecordsSink implements AutoCloseable {
    private static final String CBOR = "application/x-amz-cbor-1.1";
    private static final String JSON = "application/x-amz-json-1.1";

    private final HttpServer server;
    private final ExecutorService threads;
    private final long delayMillis;
    private final double throttleShare;
    private final JsonFactory json = new JsonFactory();
    private final CBORFactory cbor = new CBORFactory();
    private final LongAdder requests = new LongAdder();
    private final LongAdder records = new LongAdder();
    private final LongAdder throttled = new LongAdder();
    /** Bytes of record data decoded; counted only while a listener is set. */
    private final LongAdder dataBytes = new LongAdder();

    private final AtomicLong sequence = new AtomicLong();
    private volatile RecordListener listener;

    /** Told about each accepted record's data, as it arrives. */
    @FunctionalInterface
    public interface RecordListener {
        void accept(byte[] data, long arrivalNanos);
    }

    /**
     * @param port 0 for any free port
     * @param delayMillis how long to hold each answer, emulating a round trip
     * @param throttleShare the share of records (0 to 1) to refuse as throttled
     */
    public PutRecordsSink(int port, long delayMillis, double throttleShare) throws IOException {
        // Without TCP_NODELAY, headers and body leave in separate packets and wait out the client's delayed ACK:
        // every answer would take 40 ms, and the sink, not the client, would set the pace.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        this.delayMillis = delayMillis;
        this.throttleShare = throttleShare;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1024);
        this.threads = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "sink");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public void onRecord(RecordListener listener) {
        this.listener = listener;
    }

    public long records() {
        return records.sum();
    }

    public long requests() {
        return requests.sum();
    }

    public long throttledRecords() {
        return throttled.sum();
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (exchange.getRequestMethod().equals("GET")
                    && exchange.getRequestURI().getPath().equals("/stats")) {
                reply(exchange, 200, "application/json", stats().getBytes(StandardCharsets.UTF_8));
                return;
            }
            String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            String type = exchange.getRequestHeaders().getFirst("Content-Type");
            boolean useCbor = type != null && type.startsWith(CBOR);
            if (target != null && (target.endsWith(".DescribeStream") || target.endsWith(".DescribeStreamSummary"))) {
                // Peers check the stream before writing: it is always there, active, with one shard.
                reply(exchange, 200, useCbor ? CBOR : JSON, describe(exchange.getRequestBody(), useCbor, target));
                return;
            }
            if (target != null && target.endsWith(".PutRecord")) {
                // One record per request, as guardian's appender sends: throttling refuses the whole request.
                long arrival = System.nanoTime();
                byte[] answer = answerOne(exchange.getRequestBody(), useCbor ? cbor : json, arrival);
                if (delayMillis > 0) {
                    Thread.sleep(delayMillis);
                }
                reply(exchange, answer == null ? 400 : 200, useCbor ? CBOR : JSON, answer == null ? THROTTLED : answer);
                return;
            }
            if (target == null || !target.endsWith(".PutRecords")) {
                exchange.getRequestBody().transferTo(OutputStream.nullOutputStream());
                reply(
                        exchange,
                        400,
                        JSON,
                        "{\"__type\":\"UnknownOperationException\"}".getBytes(StandardCharsets.UTF_8));
                return;
            }
            long arrival = System.nanoTime();
            // Parsed straight from the connection: copying bodies into arrays first cost more than all the rest.
            byte[] answer = answer(exchange.getRequestBody(), useCbor ? cbor : json, arrival);
            if (delayMillis > 0) {
                Thread.sleep(delayMillis);
            }
            reply(exchange, 200, useCbor ? CBOR : JSON, answer);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private byte[] answer(InputStream body, JsonFactory format, long arrival) throws IOException {
        requests.increment();
        ByteArrayOutputStream out = new ByteArrayOutputStream(32 * 1024);
        int count = 0;
        int failed = 0;
        try (JsonParser parser = format.createParser(body);
                JsonGenerator results = format.createGenerator(out)) {
            results.writeStartObject();
            results.writeFieldName("Records");
            results.writeStartArray();
            expect(parser.nextToken(), JsonToken.START_OBJECT);
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if (!field.equals("Records")) {
                    parser.skipChildren();
                    continue;
                }
                expect(value, JsonToken.START_ARRAY);
                while (parser.nextToken() == JsonToken.START_OBJECT) {
                    byte[] data = readRecord(parser);
                    count++;
                    results.writeStartObject();
                    if (throttleShare > 0 && ThreadLocalRandom.current().nextDouble() < throttleShare) {
                        failed++;
                        results.writeStringField("ErrorCode", "ProvisionedThroughputExceededException");
                        results.writeStringField("ErrorMessage", "Rate exceeded for shard shardId-000000000000");
                    } else {
                        results.writeStringField("SequenceNumber", Long.toString(sequence.incrementAndGet()));
                        results.writeStringField("ShardId", "shardId-000000000000");
                        if (data != null) {
                            dataBytes.add(data.length);
                            listener.accept(data, arrival);
                        }
                    }
                    results.writeEndObject();
                }
            }
            results.writeEndArray();
            results.writeNumberField("FailedRecordCount", failed);
            results.writeEndObject();
        }
        records.add(count - failed);
        throttled.add(failed);
        return out.toByteArray();
    }

    private static final byte[] THROTTLED = ("{\"__type\":\"ProvisionedThroughputExceededException\","
                    + "\"message\":\"Rate exceeded for shard shardId-000000000000\"}")
            .getBytes(StandardCharsets.UTF_8);

    /** Answers a PutRecord, or returns null when it is throttled. */
    private byte[] answerOne(InputStream body, JsonFactory format, long arrival) throws IOException {
        requests.increment();
        byte[] data;
        try (JsonParser parser = format.createParser(body)) {
            expect(parser.nextToken(), JsonToken.START_OBJECT);
            data = readRecord(parser);
        }
        if (throttleShare > 0 && ThreadLocalRandom.current().nextDouble() < throttleShare) {
            throttled.increment();
            return null;
        }
        records.increment();
        if (data != null) {
            dataBytes.add(data.length);
            listener.accept(data, arrival);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(128);
        try (JsonGenerator gen = format.createGenerator(out)) {
            gen.writeStartObject();
            gen.writeStringField("SequenceNumber", Long.toString(sequence.incrementAndGet()));
            gen.writeStringField("ShardId", "shardId-000000000000");
            gen.writeEndObject();
        }
        return out.toByteArray();
    }

    private byte[] describe(InputStream body, boolean useCbor, String target) throws IOException {
        JsonFactory format = useCbor ? cbor : json;
        String stream = "stream";
        try (JsonParser parser = format.createParser(body)) {
            while (parser.nextToken() != null) {
                if (parser.currentToken() == JsonToken.FIELD_NAME
                        && parser.currentName().equals("StreamName")) {
                    parser.nextToken();
                    stream = parser.getText();
                }
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        boolean summary = target.endsWith("Summary");
        try (JsonGenerator gen = format.createGenerator(out)) {
            gen.writeStartObject();
            gen.writeFieldName(summary ? "StreamDescriptionSummary" : "StreamDescription");
            gen.writeStartObject();
            gen.writeStringField("StreamName", stream);
            gen.writeStringField("StreamARN", "arn:aws:kinesis:us-east-1:000000000000:stream/" + stream);
            gen.writeStringField("StreamStatus", "ACTIVE");
            gen.writeNumberField("RetentionPeriodHours", 24);
            gen.writeStringField("EncryptionType", "NONE");
            if (summary) {
                gen.writeNumberField("OpenShardCount", 1);
            } else {
                gen.writeArrayFieldStart("Shards");
                gen.writeStartObject();
                gen.writeStringField("ShardId", "shardId-000000000000");
                gen.writeObjectFieldStart("HashKeyRange");
                gen.writeStringField("StartingHashKey", "0");
                gen.writeStringField("EndingHashKey", "340282366920938463463374607431768211455");
                gen.writeEndObject();
                gen.writeObjectFieldStart("SequenceNumberRange");
                gen.writeStringField("StartingSequenceNumber", "1");
                gen.writeEndObject();
                gen.writeEndObject();
                gen.writeEndArray();
                gen.writeBooleanField("HasMoreShards", false);
            }
            gen.writeEndObject();
            gen.writeEndObject();
        }
        return out.toByteArray();
    }

    /** Reads one record object, its START_OBJECT just read; returns its data when a listener wants it. */
    private byte[] readRecord(JsonParser parser) throws IOException {
        byte[] data = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            parser.nextToken();
            if (name.equals("Data") && listener != null) {
                data = parser.getBinaryValue();
            } else {
                // Not decoding what nobody reads keeps the sink far cheaper than the clients it serves.
                parser.skipChildren();
            }
        }
        return data;
    }

    private static void expect(JsonToken actual, JsonToken expected) throws IOException {
        if (actual != expected) {
            throw new IOException("Expected " + expected + " but found " + actual);
        }
    }

    private String stats() {
        long cpuNanos = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
        return "{\"requests\":" + requests.sum() + ",\"records\":" + records.sum() + ",\"throttled\":" + throttled.sum()
                + ",\"dataBytes\":" + dataBytes.sum() + ",\"cpuNanos\":" + cpuNanos + "}";
    }

    private static void reply(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.getResponseHeaders().set("x-amzn-RequestId", "sink");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** Runs a sink until killed: {@code PutRecordsSink [port] [delayMillis] [throttleShare]}. */
    public static void main(String[] args) throws Exception {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 0;
        long delay = args.length > 1 ? Long.parseLong(args[1]) : 0;
        double throttle = args.length > 2 ? Double.parseDouble(args[2]) : 0;
        PutRecordsSink sink = new PutRecordsSink(port, delay, throttle);
        System.out.println("sink listening on " + sink.port());
        System.out.flush();
        Thread.currentThread().join();
    }
}
