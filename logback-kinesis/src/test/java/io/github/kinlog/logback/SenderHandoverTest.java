package io.github.kinlog.logback;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import io.github.kinlog.common.KinlogPipeline;
import io.github.kinlog.common.metrics.DropReason;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A reset hands the running sender to the next appender with the same settings, as a rescan of the file does. */
class SenderHandoverTest {
    private static final String CONFIG = "offline-kinesis.xml";

    @AfterEach
    void clearProperty() {
        System.clearProperty("kinlog.test.service");
        System.clearProperty("kinlog.test.stderr");
    }

    @Test
    void theSameSettingsKeepTheRunningSenderAndEventsBetweenReachIt() {
        LoggerContext context = LogbackContexts.start(CONFIG);
        try {
            KinesisAppender before = LogbackContexts.kinesis(context, "KINESIS");
            KinlogPipeline pipeline = before.pipeline();

            context.reset();
            assertThat(before.isStarted()).isFalse();
            assertThat(pipeline.isRunning()).as("parked, not closed").isTrue();
            // What a thread that took the appender list before the reset does: log to the stopped appender.
            before.doAppend(new LoggingEvent(
                    Logger.class.getName(), context.getLogger("com.example.Shop"), Level.INFO, "between", null, null));
            LogbackContexts.configure(context, CONFIG);

            KinesisAppender after = LogbackContexts.kinesis(context, "KINESIS");
            assertThat(after).isNotSameAs(before);
            assertThat(after.pipeline()).as("the same sender, handed over").isSameAs(pipeline);
            context.getLogger("com.example.Shop").info("after");
            assertThat(pipeline.metrics().accepted()).isEqualTo(2);
            assertThat(pipeline.metrics().dropped(DropReason.CLOSED)).isZero();
        } finally {
            context.stop();
        }
    }

    @Test
    void otherSettingsStartANewSenderAndCloseTheParkedOne() {
        LoggerContext context = LogbackContexts.start(CONFIG);
        try {
            KinlogPipeline first = LogbackContexts.kinesis(context, "KINESIS").pipeline();
            context.reset();
            System.setProperty("kinlog.test.service", "inventory");
            LogbackContexts.configure(context, CONFIG);

            KinlogPipeline second = LogbackContexts.kinesis(context, "KINESIS").pipeline();
            assertThat(second).isNotSameAs(first);
            assertThat(first.isRunning()).isFalse();
            assertThat(second.isRunning()).isTrue();
        } finally {
            context.stop();
        }
    }

    @Test
    void whereReportsGoIsASettingToo() {
        LoggerContext context = LogbackContexts.start(CONFIG);
        try {
            KinlogPipeline first = LogbackContexts.kinesis(context, "KINESIS").pipeline();
            context.reset();
            System.setProperty("kinlog.test.stderr", "false");
            LogbackContexts.configure(context, CONFIG);

            assertThat(LogbackContexts.kinesis(context, "KINESIS").pipeline())
                    .as("the running sender reports to standard error; the new settings say not to")
                    .isNotSameAs(first);
            assertThat(first.isRunning()).isFalse();
        } finally {
            context.stop();
        }
    }

    @Test
    void stoppingTheContextClosesTheSender() {
        LoggerContext context = LogbackContexts.start(CONFIG);
        KinlogPipeline pipeline = LogbackContexts.kinesis(context, "KINESIS").pipeline();
        context.stop();
        assertThat(pipeline.isRunning()).isFalse();
    }

    @Test
    void aResetThatDropsTheAppenderClosesItsSenderWhenTheContextStops() {
        LoggerContext context = LogbackContexts.start(CONFIG);
        KinlogPipeline pipeline = LogbackContexts.kinesis(context, "KINESIS").pipeline();
        context.reset();
        LogbackContexts.configure(context, "no-kinesis.xml");
        assertThat(pipeline.isRunning()).as("parked until the context stops").isTrue();
        context.stop();
        assertThat(pipeline.isRunning()).isFalse();
    }
}
