package io.github.kinlog.logback;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.kinlog.common.KinlogConfig;
import io.github.kinlog.common.metrics.DropReason;
import io.github.kinlog.common.send.BufferFullPolicy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Configuration handling, with no Kinesis endpoint at all. */
class KinesisAppenderConfigTest {
    @TempDir
    Path directory;

    @Test
    void everyConfigurationProblemIsReportedAndTheApplicationKeepsLogging() throws Exception {
        Path file = directory.resolve("app.jsonl");
        System.setProperty("kinlog.test.file", file.toString());
        LoggerContext context;
        try {
            context = LogbackContexts.start("invalid-kinesis.xml");
        } finally {
            System.clearProperty("kinlog.test.file");
        }
        try {
            assertThat(LogbackContexts.kinesis(context, "BROKEN").isStarted()).isFalse();
            assertThat(LogbackContexts.status(context))
                    .anySatisfy(message -> assertThat(message)
                            .startsWith("ERROR Kinesis appender 'BROKEN' is not started. Invalid Kinlog configuration:")
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
    void propertiesReachTheSenderAndStartingNeverWaitsForTheNetwork() {
        long start = System.nanoTime();
        LoggerContext context = LogbackContexts.start("offline-kinesis.xml");
        long startMillis = (System.nanoTime() - start) / 1_000_000;
        try {
            KinesisAppender appender = LogbackContexts.kinesis(context, "KINESIS");
            assertThat(appender.isStarted()).isTrue();
            KinlogConfig config = appender.pipeline().config();
            assertThat(config.senderSettings().maxInFlight()).isEqualTo(2);
            assertThat(config.senderSettings().linger().toMillis()).isEqualTo(10);
            assertThat(config.senderSettings().bufferFullPolicy()).isEqualTo(BufferFullPolicy.DROP_OLDEST);
            assertThat(config.partitionKey()).isEqualTo("mdc:user|host");
            assertThat(config.encoderSettings().service()).isEqualTo("shop");
            assertThat(config.encoderSettings().staticFields()).containsEntry("team", "payments");
            assertThat(config.flushOnExit()).isFalse();
            assertThat(appender.getEncoder())
                    .as("Kinlog's own encoder is redundant here")
                    .isNull();
            assertThat(LogbackContexts.status(context))
                    .anySatisfy(message -> assertThat(message).contains("its KinlogJsonEncoder is ignored"));
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
            context.stop();
            // shutdownTimeoutMs=500 bounds the wait for the unreachable endpoint.
            assertThat((System.nanoTime() - stopStart) / 1_000_000).as("stop").isLessThan(3_000);
        }
    }

    @Test
    void anEventThatReachesTheStoppedAppenderIsCountedAsClosed() {
        LoggerContext context = LogbackContexts.start("offline-kinesis.xml");
        try {
            KinesisAppender appender = LogbackContexts.kinesis(context, "KINESIS");
            // A reset stops appenders before it detaches them; events logged meanwhile reach a stopped appender.
            appender.stop();
            context.getLogger("com.example.Shop").info("after stop");
            assertThat(appender.pipeline().metrics().dropped(DropReason.CLOSED)).isEqualTo(1);
        } finally {
            context.stop();
        }
    }
}
