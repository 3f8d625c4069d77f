package io.github.kinlog.logback;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.status.Status;
import ch.qos.logback.core.status.StatusListener;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Logback prints nothing from its status manager once configuration is over unless a status listener is configured:
 * then Kinlog's reports also go to standard error, so a failure never goes unseen.
 */
class StatusToStderrTest {
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    private PrintStream original;
    private LoggerContext context;

    @BeforeEach
    void captureStandardError() {
        original = System.err;
        System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
        // Any key will do: nothing listens at the endpoint.
        System.setProperty("aws.accessKeyId", "test");
        System.setProperty("aws.secretAccessKey", "test");
    }

    @AfterEach
    void restore() {
        if (context != null) {
            context.stop();
        }
        System.setErr(original);
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
    }

    /** An appender whose endpoint refuses connections: every request fails at once. */
    private KinesisAppender start(Consumer<KinesisAppender> options) {
        context = LogbackContexts.newContext();
        KinesisAppender appender = new KinesisAppender();
        appender.setContext(context);
        appender.setName("KINESIS");
        appender.setStreamName("app-logs");
        appender.setRegion("us-east-1");
        appender.setEndpoint("http://127.0.0.1:9");
        appender.setShutdownTimeoutMs(200);
        appender.setJmx(false);
        appender.setFlushOnExit(false);
        options.accept(appender);
        appender.start();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.addAppender(appender);
        return appender;
    }

    private String printed() {
        return stderr.toString(StandardCharsets.UTF_8);
    }

    private void awaitPrinted(String text) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!printed().contains(text) && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(printed()).contains(text);
    }

    @Test
    void withNobodyListeningFailuresArePrintedOneLineEach() {
        start(appender -> {});
        context.getLogger("com.example.Shop").info("lost");

        awaitPrinted("PutRecords to stream app-logs at http://127.0.0.1:9 failed");
        context.stop();
        context = null;

        List<String> lines = printed().lines().toList();
        assertThat(lines)
                .first()
                .asString()
                .matches(
                        "\\d\\d:\\d\\d:\\d\\d\\.\\d{3} kinlog WARN \\[KINESIS] PutRecords to stream app-logs at http://127\\.0\\.0\\.1:9 failed"
                                + " \\(ConnectException: Connection refused\\).*");
        assertThat(lines)
                .anySatisfy(
                        line -> assertThat(line)
                                .contains(
                                        "kinlog ERROR [KINESIS] Kinlog stopped with 1 events for stream app-logs at http://127.0.0.1:9 unsent"));
        assertThat(lines).noneSatisfy(line -> assertThat(line).startsWith("\tat "));
    }

    @Test
    void stackTracesOnRequest() {
        start(appender -> appender.setReportStackTraces(true));
        context.getLogger("com.example.Shop").info("lost");

        awaitPrinted("Caused by: java.net.ConnectException: Connection refused");
        assertThat(printed()).contains("\tat ");
    }

    @Test
    void nothingIsPrintedWhenAStatusListenerShowsTheReportsOrWhenTurnedOff() throws InterruptedException {
        List<Status> heard = new CopyOnWriteArrayList<>();
        StatusListener listener = heard::add;
        KinesisAppender listened = start(appender -> {});
        context.getStatusManager().add(listener);
        context.getLogger("com.example.Shop").info("lost");
        awaitHeard(heard, "PutRecords to stream app-logs at http://127.0.0.1:9 failed");
        context.stop();

        start(appender -> appender.setReportToStderr(false));
        context.getLogger("com.example.Shop").info("lost");
        Thread.sleep(500);
        context.stop();
        context = null;

        assertThat(listened.pipeline().metrics().failedRequests()).isPositive();
        assertThat(printed()).isEmpty();
    }

    @Test
    void whatStartingReportsIsLeftToLogbackWhichPrintsConfigurationProblemsItself() {
        start(appender -> appender.setEndpoint("http://kinesis.example.com"));

        assertThat(LogbackContexts.status(context))
                .anySatisfy(message -> assertThat(message)
                        .startsWith("WARN Kinesis stream app-logs: endpoint http://kinesis.example.com is plain HTTP"));
        assertThat(printed()).doesNotContain("plain HTTP");
    }

    private static void awaitHeard(List<Status> heard, String text) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (heard.stream().noneMatch(status -> status.getMessage().contains(text)) && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(heard).anySatisfy(status -> assertThat(status.getMessage()).contains(text));
    }
}
