package io.github.kinlog.log4j2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.kinlog.common.KinlogPipeline;
import io.github.kinlog.testsupport.KinesisEndpoint;
import io.github.kinlog.testsupport.KinesisExtension;
import io.github.kinlog.testsupport.KinesisMockServer;
import io.github.kinlog.testsupport.Shards;
import io.github.kinlog.testsupport.StreamRecord;
import io.github.kinlog.testsupport.TestStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.Marker;
import org.apache.logging.log4j.MarkerManager;
import org.apache.logging.log4j.ThreadContext;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.message.StringMapMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The appender as an application uses it: configured from a log4j2.xml, against a real Kinesis API. */
@ExtendWith(KinesisExtension.class)
class KinesisAppenderIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Marker AUDIT = MarkerManager.getMarker("AUDIT");
    private static final Marker PAYMENT = MarkerManager.getMarker("PAYMENT").setParents(AUDIT);

    private final List<AutoCloseable> cleanup = new ArrayList<>();
    private final String run = "run-" + UUID.randomUUID();

    @TempDir
    Path directory;

    @AfterEach
    void cleanUp() throws Exception {
        for (AutoCloseable closeable : cleanup) {
            closeable.close();
        }
        ThreadContext.clearAll();
        System.clearProperty("kinlog.it.stream");
        System.clearProperty("kinlog.it.region");
        System.clearProperty("kinlog.it.endpoint");
    }

    /** Starts a context from a configuration file, pointed at the stream through system properties. */
    private LoggerContext start(String resource, KinesisEndpoint kinesis, String stream) {
        System.setProperty("kinlog.it.stream", stream);
        System.setProperty("kinlog.it.region", kinesis.region().id());
        kinesis.endpointOverride().ifPresent(uri -> System.setProperty("kinlog.it.endpoint", uri.toString()));
        cleanup.add(kinesis.exportCredentials());
        LoggerContext context = Log4jContexts.start(resource);
        cleanup.add(0, context::stop);
        return context;
    }

    /** This run's records, parsed, keyed by message. */
    private Map<String, JsonNode> byMessage(List<StreamRecord> records) {
        Map<String, JsonNode> events = new HashMap<>();
        for (StreamRecord record : records) {
            JsonNode json = parse(record.data());
            String message = json.path("message").asText();
            if (message.startsWith(run)) {
                assertThat(events.put(message, json))
                        .as("duplicate of %s", message)
                        .isNull();
            }
        }
        return events;
    }

    private static JsonNode parse(byte[] data) {
        try {
            return JSON.readTree(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<StreamRecord> awaitMatching(TestStream stream, int count, Predicate<JsonNode> matches) {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (true) {
            List<StreamRecord> records = stream.readAll().stream()
                    .filter(record -> matches.test(parse(record.data())))
                    .toList();
            if (records.size() >= count || System.nanoTime() > deadline) {
                return records;
            }
            sleep(200);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void tenThousandEventsFromFourThreadsArriveWithEveryPartMapped(
            KinesisEndpoint kinesis, @Shards(4) TestStream stream) throws Exception {
        LoggerContext context = start("kinesis-it.xml", kinesis, stream.name());
        List<Thread> writers = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int writer = t;
            writers.add(new Thread(
                    () -> {
                        Logger logger = context.getLogger("com.example.Shop" + writer);
                        ThreadContext.put("user_id", "user-" + writer);
                        for (int i = 0; i < 2_500; i++) {
                            ThreadContext.put("seq", Integer.toString(i));
                            String message = run + " " + writer + " " + i;
                            switch (i % 4) {
                                case 0 -> logger.info("{} {} {}", run, writer, i);
                                case 1 -> logger.warn(PAYMENT, message);
                                case 2 ->
                                    logger.info(new StringMapMessage()
                                            .with("message", message)
                                            .with("order_id", Integer.toString(i)));
                                default -> logger.error(message, new IllegalStateException("boom " + i));
                            }
                        }
                        ThreadContext.clearMap();
                    },
                    "writer-" + t));
        }
        KinlogPipeline pipeline = Log4jContexts.kinesis(context, "kinesis").pipeline();
        writers.forEach(Thread::start);
        for (Thread writer : writers) {
            writer.join();
        }
        assertThat(context.stop(150, TimeUnit.SECONDS)).isTrue();
        assertThat(pipeline.metrics().sent())
                .as("acknowledged before the stop returned")
                .isEqualTo(10_000);

        Map<String, JsonNode> events = byMessage(stream.awaitRecords(10_000, Duration.ofMinutes(3)));

        assertThat(events).hasSize(10_000);
        for (int t = 0; t < 4; t++) {
            for (int i = 0; i < 2_500; i++) {
                JsonNode json = events.get(run + " " + t + " " + i);
                assertThat(json).as("event %d of writer %d", i, t).isNotNull();
                assertThat(json.get("logger").asText()).isEqualTo("com.example.Shop" + t);
                assertThat(json.get("thread").asText()).isEqualTo("writer-" + t);
                assertThat(json.get("mdc").get("user_id").asText()).isEqualTo("user-" + t);
                assertThat(json.get("mdc").get("seq").asText()).isEqualTo(Integer.toString(i));
                assertThat(json.get("service").asText()).isEqualTo("shop");
                assertThat(json.get("suite").asText()).isEqualTo("log4j2");
                switch (i % 4) {
                    case 0 -> assertThat(json.get("level").asText()).isEqualTo("INFO");
                    case 1 -> {
                        assertThat(json.get("level").asText()).isEqualTo("WARN");
                        assertThat(JSON.convertValue(json.get("markers"), List.class))
                                .containsExactly("PAYMENT", "AUDIT");
                    }
                    case 2 ->
                        assertThat(json.get("fields").get("order_id").asText()).isEqualTo(Integer.toString(i));
                    default -> {
                        assertThat(json.get("level").asText()).isEqualTo("ERROR");
                        assertThat(json.get("error").get("type").asText()).isEqualTo("java.lang.IllegalStateException");
                        assertThat(json.get("error").get("message").asText()).isEqualTo("boom " + i);
                        assertThat(json.get("error").get("stack").asText())
                                .contains("\tat io.github.kinlog.log4j2.KinesisAppenderIT");
                    }
                }
            }
        }
    }

    @Test
    void reconfiguringUnderLoadLosesAndRepeatsNothing(KinesisEndpoint kinesis, TestStream stream) throws Exception {
        // A copy outside the class path, so that a changed file triggers Log4j2's monitor (monitorInterval="1").
        Path config = directory.resolve("kinesis-monitored.xml");
        try (var in = KinesisAppenderIT.class.getResourceAsStream("/kinesis-monitored-it.xml")) {
            Files.copy(in, config);
        }
        System.setProperty("kinlog.it.stream", stream.name());
        System.setProperty("kinlog.it.region", kinesis.region().id());
        kinesis.endpointOverride().ifPresent(uri -> System.setProperty("kinlog.it.endpoint", uri.toString()));
        cleanup.add(kinesis.exportCredentials());
        LoggerContext context = new LoggerContext("monitored", null, config.toUri());
        context.start();
        cleanup.add(0, context::stop);
        int total = 6_000;
        AtomicInteger logged = new AtomicInteger();
        Thread writer = new Thread(() -> {
            Logger logger = context.getLogger("com.example.Load");
            for (int i = 0; i < total; i++) {
                logger.info("{} {}", run, i);
                logged.incrementAndGet();
                if (i % 50 == 0) {
                    sleep(5);
                }
            }
        });
        writer.start();

        int reconfigurations = 0;
        for (int threshold : new int[] {1_000, 2_500, 4_000}) {
            while (logged.get() < threshold && writer.isAlive()) {
                sleep(5);
            }
            Configuration before = context.getConfiguration();
            switch (reconfigurations++) {
                case 0 -> context.reconfigure();
                case 1 -> context.setConfigLocation(config.toUri());
                default -> {
                    // As a deployment would: touch the file and let the monitor notice.
                    Files.setLastModifiedTime(
                            config, FileTime.from(Instant.now().plusSeconds(2)));
                    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                    while (context.getConfiguration() == before && System.nanoTime() < deadline) {
                        sleep(20);
                    }
                }
            }
            assertThat(context.getConfiguration())
                    .as("reconfiguration %d", reconfigurations)
                    .isNotSameAs(before);
        }
        writer.join();
        assertThat(context.stop(150, TimeUnit.SECONDS)).isTrue();

        Map<String, JsonNode> events = byMessage(stream.awaitRecords(total, Duration.ofMinutes(3)));
        assertThat(events).hasSize(total);
        for (int i = 0; i < total; i++) {
            assertThat(events).containsKey(run + " " + i);
        }
    }

    @Test
    void aStoppedContextHasDeliveredEverythingItAccepted(KinesisEndpoint kinesis, TestStream stream) {
        LoggerContext context = start("kinesis-it.xml", kinesis, stream.name());
        Logger logger = context.getLogger("com.example.Exit");
        for (int i = 0; i < 500; i++) {
            logger.info("{} {}", run, i);
        }

        assertThat(context.stop(150, TimeUnit.SECONDS)).isTrue();

        // Read at once: stopping must have flushed, not merely started to.
        assertThat(byMessage(stream.readAll())).hasSize(500);
    }

    @Test
    void withTheEndpointDownTheApplicationStartsAtOnceAndEventsArriveWhenItComesBack(KinesisEndpoint kinesis)
            throws Exception {
        assumeTrue(kinesis.isKinesisMock(), "starts a second kinesis-mock of its own");
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        String stream = "late-" + UUID.randomUUID();
        System.setProperty("kinlog.it.stream", stream);
        System.setProperty("kinlog.it.region", "us-east-1");
        System.setProperty("kinlog.it.endpoint", "http://127.0.0.1:" + port);
        cleanup.add(kinesis.exportCredentials());

        long start = System.nanoTime();
        LoggerContext context = Log4jContexts.start("kinesis-it.xml");
        cleanup.add(0, context::stop);
        Logger logger = context.getLogger("com.example.Early");
        for (int i = 0; i < 200; i++) {
            logger.info("{} {}", run, i);
        }
        assertThat((System.nanoTime() - start) / 1_000_000)
                .as("start and 200 log calls with the endpoint down")
                .isLessThan(5_000);

        KinesisEndpoint late = KinesisEndpoint.of(KinesisMockServer.start(port));
        cleanup.add(late);
        TestStream created = late.createStream(stream, 1);

        assertThat(byMessage(created.awaitRecords(200, Duration.ofMinutes(2)))).hasSize(200);
    }

    @Test
    void asyncLoggersAndTheAsyncAppenderKeepTheCallersThreadAndContext(KinesisEndpoint kinesis, TestStream stream) {
        LoggerContext context = start("kinesis-async-it.xml", kinesis, stream.name());
        ThreadContext.put("request_id", "req-1");
        for (int i = 0; i < 50; i++) {
            context.getLogger("com.example.async.Worker").info("{} async-logger {}", run, i);
            context.getLogger("com.example.Sync").info("{} async-appender {}", run, i);
        }
        String caller = Thread.currentThread().getName();
        assertThat(context.stop(150, TimeUnit.SECONDS)).isTrue();

        Map<String, JsonNode> events = byMessage(stream.awaitRecords(100, Duration.ofMinutes(2)));
        assertThat(events).hasSize(100);
        assertThat(events.values()).allSatisfy(json -> {
            assertThat(json.get("thread").asText()).isEqualTo(caller);
            assertThat(json.get("mdc").get("request_id").asText()).isEqualTo("req-1");
        });
        assertThat(events.keySet().stream().filter(message -> message.contains("async-logger")))
                .hasSize(50);
    }

    @Test
    void anotherLayoutsBytesAreSentAsTheyAre(KinesisEndpoint kinesis, TestStream stream) {
        LoggerContext context = start("kinesis-template-it.xml", kinesis, stream.name());
        context.getLogger("com.example.Ecs").info("{} ecs", run);
        assertThat(context.stop(150, TimeUnit.SECONDS)).isTrue();

        List<StreamRecord> records =
                awaitMatching(stream, 1, json -> json.path("message").asText().startsWith(run));
        assertThat(records).hasSize(1);
        JsonNode ecs = parse(records.get(0).data());
        assertThat(ecs.has("@timestamp")).isTrue();
        assertThat(ecs.get("log.level").asText()).isEqualTo("INFO");
        assertThat(ecs.has("schema_version")).as("not Kinlog's schema").isFalse();
    }
}
