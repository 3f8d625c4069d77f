package io.github.kinlog.reliability;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import ch.qos.logback.core.status.Status;
import io.github.kinlog.common.metrics.MetricsSnapshot;
import io.github.kinlog.logback.KinesisAppender;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.MDC;
import org.slf4j.Marker;
import org.slf4j.MarkerFactory;
import org.slf4j.spi.LoggingEventBuilder;

/** A Logback LoggerContext of its own, configured from logback.xml text. */
final class LogbackApp implements LoggingApp {
    private final Map<String, String> options;
    private final LoggerContext context;
    private final Pipelines pipelines = new Pipelines();

    LogbackApp(String stream, Map<String, String> options) {
        this.options = new LinkedHashMap<>(options);
        context = new LoggerContext();
        // Logback 1.5 reads the MDC through the context's adapter, which must be the one org.slf4j.MDC writes to.
        context.setMDCAdapter(MDC.getMDCAdapter());
        context.setName("reliability-" + stream);
        configure();
        if (appender() == null || !appender().isStarted()) {
            stop();
            throw new IllegalStateException("The Kinesis appender did not start: " + status());
        }
    }

    private void configure() {
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        try {
            configurator.doConfigure(new ByteArrayInputStream(xml(options).getBytes(StandardCharsets.UTF_8)));
        } catch (JoranException e) {
            throw new IllegalStateException(e);
        }
        notePipeline();
    }

    /** A logback.xml with one Kinesis appender, named {@code KINESIS}, for every logger. */
    static String xml(Map<String, String> options) {
        StringBuilder appender = new StringBuilder();
        StringBuilder extra = new StringBuilder();
        for (Map.Entry<String, String> option : options.entrySet()) {
            switch (option.getKey()) {
                case Options.SDK_DEBUG -> {
                    extra.append("<logger name=\"software.amazon.awssdk\" level=\"DEBUG\"/>");
                    extra.append("<logger name=\"io.github.kinlog\" level=\"DEBUG\"/>");
                }
                case Options.CONSOLE_STATUS ->
                    extra.append("<statusListener class=\"ch.qos.logback.core.status.OnConsoleStatusListener\"/>");
                case Options.NO_SHUTDOWN_HOOK -> {
                    // Logback registers no shutdown hook unless configured to
                }
                default ->
                    appender.append('<')
                            .append(option.getKey())
                            .append('>')
                            .append(Framework.xmlEscape(option.getValue()))
                            .append("</")
                            .append(option.getKey())
                            .append('>');
            }
        }
        return "<configuration>" + extra
                + "<appender name=\"KINESIS\" class=\"io.github.kinlog.logback.KinesisAppender\">" + appender
                + "</appender><root level=\"INFO\"><appender-ref ref=\"KINESIS\"/></root></configuration>";
    }

    @Override
    public void reconfigure(Map<String, String> changes) {
        // What Logback's scan does when the file changes: reset the context (stopping its appenders), then configure.
        notePipeline();
        options.putAll(changes);
        context.reset();
        configure();
    }

    KinesisAppender appender() {
        return (KinesisAppender)
                context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).getAppender("KINESIS");
    }

    private void notePipeline() {
        KinesisAppender appender = appender();
        if (appender != null && appender.pipeline() != null) {
            pipelines.note(appender.pipeline());
        }
    }

    private Logger logger(String name) {
        return context.getLogger(name);
    }

    @Override
    public Framework framework() {
        return Framework.LOGBACK;
    }

    @Override
    public void info(String logger, String message) {
        logger(logger).info(message);
    }

    @Override
    public void info(String logger, String format, Object... parameters) {
        logger(logger).info(format, parameters);
    }

    @Override
    public void error(String logger, String message, Throwable error) {
        logger(logger).error(message, error);
    }

    @Override
    public void withMdc(String logger, Map<String, String> mdc, String message) {
        mdc.forEach(MDC::put);
        try {
            logger(logger).info(message);
        } finally {
            MDC.clear();
        }
    }

    @Override
    public void withFields(String logger, Map<String, Object> fields, String message) {
        LoggingEventBuilder event = logger(logger).atInfo();
        for (Map.Entry<String, Object> field : fields.entrySet()) {
            event = event.addKeyValue(field.getKey(), field.getValue());
        }
        event.log(message);
    }

    @Override
    public void withCyclicMarker(String logger, String message) {
        logger(logger).info(new CyclicMarker("CYCLE"), message);
    }

    @Override
    public void withMarkerChain(String logger, int depth, String message) {
        Marker first = MarkerFactory.getDetachedMarker("chain-0");
        Marker marker = first;
        for (int i = 1; i < depth; i++) {
            Marker next = MarkerFactory.getDetachedMarker("chain-" + i);
            marker.add(next);
            marker = next;
        }
        logger(logger).info(first, message);
    }

    @Override
    public MetricsSnapshot metrics() {
        notePipeline();
        return pipelines.metrics();
    }

    @Override
    public List<String> status() {
        List<String> messages = new ArrayList<>();
        for (Status status : context.getStatusManager().getCopyOfStatusList()) {
            String level = switch (status.getLevel()) {
                case Status.ERROR -> "ERROR";
                case Status.WARN -> "WARN";
                default -> "INFO";
            };
            Throwable thrown = status.getThrowable();
            messages.add(
                    level + " " + status.getMessage() + (thrown == null ? "" : " " + LoggingApp.stackTrace(thrown)));
        }
        return messages;
    }

    @Override
    public void stop() {
        notePipeline();
        context.stop();
    }

    /** A marker that references itself: a careless Marker implementation in application code. */
    private record CyclicMarker(String name) implements Marker {
        @Override
        public String getName() {
            return name;
        }

        @Override
        public void add(Marker reference) {}

        @Override
        public boolean remove(Marker reference) {
            return false;
        }

        @Override
        @Deprecated
        public boolean hasChildren() {
            return true;
        }

        @Override
        public boolean hasReferences() {
            return true;
        }

        @Override
        public Iterator<Marker> iterator() {
            return List.<Marker>of(this).iterator();
        }

        @Override
        public boolean contains(Marker other) {
            return other == this;
        }

        @Override
        public boolean contains(String name) {
            return this.name.equals(name);
        }
    }
}
