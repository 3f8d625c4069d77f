package io.github.kinlog.log4j2;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.kinlog.common.KinlogConfig;
import io.github.kinlog.common.KinlogPipeline;
import io.github.kinlog.common.metrics.DropReason;
import io.github.kinlog.common.send.BufferFullPolicy;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.apache.logging.log4j.core.LifeCycle;
import org.apache.logging.log4j.core.LoggerContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Configuration handling, with no Kinesis endpoint at all. */
class KinesisAppenderConfigTest {
    @TempDir
    Path directory;

    @Test
    void everyConfigurationProblemIsReportedAndTheApplicationKeepsLogging() throws Exception {
        Path file = directory.resolve("app.jsonl");
        System.setProperty("kinlog.test.file", file.toString());
        LoggerContext context;
        List<String> status;
        try (StatusMessages messages = new StatusMessages()) {
            context = Log4jContexts.start("invalid-kinesis.xml");
            status = messages.messages();
        } finally {
            System.clearProperty("kinlog.test.file");
        }
        try {
            assertThat(context.getState()).isEqualTo(LifeCycle.State.STARTED);
            assertThat(context.getConfiguration().<KinesisAppender>getAppender("broken"))
                    .isNull();
            assertThat(status)
                    .anySatisfy(message -> assertThat(message)
                            .startsWith("ERROR Kinesis appender 'broken' is not started. Invalid Kinlog configuration:")
                            .contains("streamName is required")
                            .contains("region must be an AWS region such as us-east-1, but is 'Europe'")
                            .contains("endpoint must be an http or https URI")
                            .contains("lingerMs must be between 0 and 60000, but is -5")
                            .contains("bufferFullPolicy must be drop-newest, drop-oldest or block, but is 'wait'")
                            .contains("static field 'level' collides"));

            context.getLogger("com.example.Shop").info("still logging");
        } finally {
            context.stop();
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(1);
        JsonNode json = new ObjectMapper().readTree(lines.get(0));
        assertThat(json.get("message").asText()).isEqualTo("still logging");
        assertThat(json.get("service").asText()).isEqualTo("shop");
    }

    @Test
    void attributesReachTheSenderAndStartingNeverWaitsForTheNetwork() {
        long start = System.nanoTime();
        LoggerContext context = Log4jContexts.start("offline-kinesis.xml");
        long startMillis = (System.nanoTime() - start) / 1_000_000;
        try {
            KinlogConfig config =
                    Log4jContexts.kinesis(context, "kinesis").pipeline().config();
            assertThat(config.senderSettings().maxInFlight()).isEqualTo(2);
            assertThat(config.senderSettings().linger().toMillis()).isEqualTo(10);
            assertThat(config.senderSettings().bufferFullPolicy()).isEqualTo(BufferFullPolicy.DROP_OLDEST);
            assertThat(config.partitionKey()).isEqualTo("mdc:user|host");
            assertThat(config.encoderSettings().service()).isEqualTo("shop");
            assertThat(config.encoderSettings().staticFields()).containsEntry("team", "payments");
            assertThat(startMillis).as("context start").isLessThan(5_000);

            long logStart = System.nanoTime();
            for (int i = 0; i < 1_000; i++) {
                context.getLogger("com.example.Shop").info("event {}", i);
            }
            assertThat((System.nanoTime() - logStart) / 1_000_000)
                    .as("1,000 log calls")
                    .isLessThan(5_000);
        } finally {
            long stopStart = System.nanoTime();
            context.stop(10, TimeUnit.SECONDS);
            // shutdownTimeoutMs=500 bounds the wait for the unreachable endpoint.
            assertThat((System.nanoTime() - stopStart) / 1_000_000).as("stop").isLessThan(3_000);
        }
    }

    @ParameterizedTest
    @CsvSource({
        // LogManager.shutdown() gives every appender 50 ms: not the user's choice, so shutdownTimeoutMs holds.
        "offline-kinesis.xml, 500",
        // A shutdownTimeout in the configuration is the user's: the shorter one holds.
        "offline-kinesis-short-shutdown.xml, 100"
    })
    void stoppingWaitsForTheShutdownTimeoutTheUserSet(String configuration, long expectedMillis) {
        // Any key: the endpoint refuses connections, a passing failure that is retried until the timeout.
        System.setProperty("aws.accessKeyId", "test");
        System.setProperty("aws.secretAccessKey", "test");
        try (StatusMessages messages = new StatusMessages()) {
            LoggerContext context = Log4jContexts.start(configuration);
            KinlogPipeline pipeline = Log4jContexts.kinesis(context, "kinesis").pipeline();
            context.getLogger("com.example.Shop").info("never delivered");
            // The report names the last failure: stop only once there is one (the first request may be slow to
            // build on a loaded machine, and would then not have failed yet within the timeout).
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (pipeline.metrics().failedRequests() == 0 && System.nanoTime() < deadline) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
            }

            context.stop(50, TimeUnit.MILLISECONDS);

            assertThat(messages.messages())
                    .anySatisfy(message -> assertThat(message)
                            .contains(
                                    "Kinlog stopped with 1 events for stream app-logs at http://127.0.0.1:9 unsent within the shutdown"
                                            + " timeout of " + expectedMillis + " ms; last failure: ConnectException"));
        } finally {
            System.clearProperty("aws.accessKeyId");
            System.clearProperty("aws.secretAccessKey");
        }
    }

    @Test
    void reconfiguringWithTheSameSettingsKeepsTheSenderAndOtherSettingsReplaceIt() throws URISyntaxException {
        LoggerContext context = Log4jContexts.start("offline-kinesis.xml");
        try {
            KinlogPipeline first = Log4jContexts.kinesis(context, "kinesis").pipeline();

            context.reconfigure();
            KinesisAppender afterReload = Log4jContexts.kinesis(context, "kinesis");
            assertThat(afterReload.pipeline()).isSameAs(first);
            assertThat(first.isRunning()).isTrue();

            try (StatusMessages messages = new StatusMessages()) {
                context.setConfigLocation(KinesisAppenderConfigTest.class
                        .getClassLoader()
                        .getResource("offline-kinesis-changed.xml")
                        .toURI());
                KinlogPipeline changed =
                        Log4jContexts.kinesis(context, "kinesis").pipeline();
                assertThat(changed).isNotSameAs(first);
                assertThat(changed.config().senderSettings().maxInFlight()).isEqualTo(3);
                assertThat(first.isRunning())
                        .as("the replaced sender is stopped")
                        .isFalse();
                assertThat(messages.messages())
                        .anySatisfy(message -> assertThat(message).contains("its KinlogJsonLayout is ignored"));
            }
        } finally {
            context.stop();
        }
    }

    @Test
    void eventsLog4j2RefusesBeforeTheAppenderAreCounted() {
        LoggerContext context = Log4jContexts.start("offline-kinesis.xml");
        try {
            KinesisAppender appender = Log4jContexts.kinesis(context, "kinesis");
            KinlogPipeline pipeline = appender.pipeline();
            // A structured field's toString() that logs while the appender encodes: Log4j2's loop guard refuses it.
            java.util.concurrent.atomic.AtomicInteger nested = new java.util.concurrent.atomic.AtomicInteger();
            Object logsWhenFormatted = new Object() {
                @Override
                public String toString() {
                    nested.incrementAndGet();
                    context.getLogger("nested").info("logged from toString()");
                    return "value";
                }
            };
            context.getLogger("com.example.Shop")
                    .info(new org.apache.logging.log4j.message.MapMessage<>(
                            java.util.Map.of("field", logsWhenFormatted)));
            assertThat(nested.get()).isPositive();
            assertThat(pipeline.metrics().dropped(DropReason.RECURSIVE)).isEqualTo(nested.get());

            // An appender stopped while still attached (as during a reconfiguration): counted once, as closed.
            appender.stop();
            context.getLogger("com.example.Shop").info("after stop");
            assertThat(pipeline.metrics().dropped(DropReason.CLOSED)).isEqualTo(1);
        } finally {
            context.stop();
        }
    }
}
