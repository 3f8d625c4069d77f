package io.github.kinlog.logback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ch.qos.logback.classic.LoggerContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.kinlog.common.KinlogPipeline;
import io.github.kinlog.testsupport.KinesisEndpoint;
import io.github.kinlog.testsupport.KinesisExtension;
import io.github.kinlog.testsupport.KinesisMockServer;
import io.github.kinlog.testsupport.Shards;
import io.github.kinlog.testsupport.StreamRecord;
import io.github.kinlog.testsupport.TestStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.MDC;
import org.slf4j.Marker;
import org.slf4j.MarkerFactory;

/** The appender as an application uses it: configured from a logback.xml, against a real Kinesis API. */
@ExtendWith(KinesisExtension.class)
class KinesisAppenderIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<AutoCloseable> cleanup = new ArrayList<>();
    private final String run = "run-" + UUID.randomUUID();

    @AfterEach
    void cleanUp() throws Exception {
        for (AutoCloseable closeable : cleanup) {
            closeable.close();
        }
        MDC.clear();
        System.clearProperty("kinlog.it.stream");
        System.clearProperty("kinlog.it.region");
        System.clearProperty("kinlog.it.endpoint");
    }

    /** Points the configuration files at a stream through system properties, which Logback substitutes. */
    private void target(KinesisEndpoint kinesis, String stream) {
        System.setProperty("kinlog.it.stream", stream);
        System.setProperty("kinlog.it.region", kinesis.region().id());
        kinesis.endpointOverride().ifPresent(uri -> System.setProperty("kinlog.it.endpoint", uri.toString()));
        cleanup.add(kinesis.exportCredentials());
    }

    private LoggerContext start(String resource) {
        LoggerContext context = LogbackContexts.start(resource);
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

    @Test
    void tenThousandEventsFromFourThreadsArriveWithEveryPartMapped(
            KinesisEndpoint kinesis, @Shards(4) TestStream stream) throws Exception {
        target(kinesis, stream.name());
        LoggerContext context = start("kinesis-it.xml");
        KinlogPipeline pipeline = LogbackContexts.kinesis(context, "KINESIS").pipeline();
        Marker payment = MarkerFactory.getDetachedMarker("PAYMENT");
        payment.add(MarkerFactory.getDetachedMarker("AUDIT"));
        List<Thread> writers = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int writer = t;
            writers.add(new Thread(
                    () -> {
                        Logger logger = context.getLogger("com.example.Shop" + writer);
                        MDC.put("user_id", "user-" + writer);
                        for (int i = 0; i < 2_500; i++) {
                            MDC.put("seq", Integer.toString(i));
                            String message = run + " " + writer + " " + i;
                            switch (i % 4) {
                                case 0 -> logger.info("{} {} {}", run, writer, i);
                                case 1 -> logger.warn(payment, message);
                                case 2 ->
                                    logger.atInfo().addKeyValue("order_id", i).log(message);
                                default -> logger.error(message, new IllegalStateException("boom " + i));
                            }
                        }
                        MDC.clear();
                    },
                    "writer-" + t));
        }
        writers.forEach(Thread::start);
        for (Thread writer : writers) {
            writer.join();
        }
        context.stop();
        assertThat(pipeline.metrics().sent())
                .as("acknowledged before stop returned")
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
                assertThat(json.get("suite").asText()).isEqualTo("logback");
                switch (i % 4) {
                    case 0 -> assertThat(json.get("level").asText()).isEqualTo("INFO");
                    case 1 -> {
                        assertThat(json.get("level").asText()).isEqualTo("WARN");
                        assertThat(JSON.convertValue(json.get("markers"), List.class))
                                .containsExactly("PAYMENT", "AUDIT");
                    }
                    case 2 ->
                        assertThat(json.get("fields").get("order_id").asInt()).isEqualTo(i);
                    default -> {
                        assertThat(json.get("level").asText()).isEqualTo("ERROR");
                        assertThat(json.get("error").get("type").asText()).isEqualTo("java.lang.IllegalStateException");
                        assertThat(json.get("error").get("message").asText()).isEqualTo("boom " + i);
                    }
                }
            }
        }
    }

    @Test
    void stoppingTheContextDeliversEverythingAccepted(KinesisEndpoint kinesis, TestStream stream) {
        target(kinesis, stream.name());
        LoggerContext context = start("kinesis-it.xml");
        Logger logger = context.getLogger("com.example.Exit");
        for (int i = 0; i < 500; i++) {
            logger.info("{} {}", run, i);
        }

        context.stop();

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
        cleanup.add(kinesis.exportCredentials());
        System.setProperty("kinlog.it.stream", stream);
        System.setProperty("kinlog.it.region", "us-east-1");
        System.setProperty("kinlog.it.endpoint", "http://127.0.0.1:" + port);

        long start = System.nanoTime();
        LoggerContext context = start("kinesis-it.xml");
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
    void aPlainProgramThatNeverStopsLogbackStillDeliversEverything(KinesisEndpoint kinesis, TestStream stream)
            throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        var credentials = kinesis.credentials().resolveCredentials();
        List<String> command = new ArrayList<>(List.of(
                java.toString(),
                "-Dlogback.configurationFile=" + getClass().getResource("/plain-program.xml"),
                "-Dkinlog.it.stream=" + stream.name(),
                "-Dkinlog.it.region=" + kinesis.region().id(),
                "-Daws.accessKeyId=" + credentials.accessKeyId(),
                "-Daws.secretAccessKey=" + credentials.secretAccessKey()));
        kinesis.endpointOverride().ifPresent(uri -> command.add("-Dkinlog.it.endpoint=" + uri));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), PlainProgram.class.getName(), run));
        Process program = new ProcessBuilder(command).redirectErrorStream(true).start();
        StringBuilder output = new StringBuilder();
        try (BufferedReader lines =
                new BufferedReader(new InputStreamReader(program.getInputStream(), StandardCharsets.UTF_8))) {
            lines.lines().forEach(line -> output.append(line).append('\n'));
        }
        assertThat(program.waitFor(60, TimeUnit.SECONDS))
                .as("the program ends: output %s", output)
                .isTrue();

        assertThat(byMessage(stream.awaitRecords(100, Duration.ofMinutes(2)))).hasSize(100);
    }

    /** A program as people write them: log, and return from main. Nothing stops Logback. */
    public static final class PlainProgram {
        public static void main(String[] args) {
            Logger logger = org.slf4j.LoggerFactory.getLogger(PlainProgram.class);
            for (int i = 0; i < 100; i++) {
                logger.info("{} {}", args[0], i);
            }
        }
    }
}
