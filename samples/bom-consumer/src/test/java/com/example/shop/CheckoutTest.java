package com.example.shop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import io.github.kinlog.common.KinlogPipeline;
import io.github.kinlog.common.metrics.MetricsSnapshot;
import io.github.kinlog.logback.KinesisAppender;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Logs one order and checks Kinlog delivered it. Needs a stream: run with -DKINLOG_STREAM=... (and -DKINLOG_ENDPOINT=...
 * for a local endpoint); skipped otherwise.
 */
class CheckoutTest {
    @Test
    void theOrderEventIsDelivered() {
        assumeTrue(
                System.getProperty("KINLOG_STREAM") != null || System.getenv("KINLOG_STREAM") != null,
                "no KINLOG_STREAM to send to");
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        KinesisAppender appender =
                (KinesisAppender) context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("KINESIS");
        assertNotNull(appender, "logback.xml configures the KINESIS appender");

        Checkout.placeOrder(System.getProperty("order.id", "o-test"), 1299);
        KinlogPipeline pipeline = appender.pipeline();
        assertNotNull(pipeline, "the appender started");
        // Stopping Logback stops the appender, which sends what it holds.
        context.stop();

        MetricsSnapshot metrics = pipeline.metrics();
        assertEquals(1, metrics.sent(), () -> "sent; metrics: " + metrics);
        assertEquals(0, metrics.droppedTotal(), () -> "dropped; metrics: " + metrics);
    }
}
