package io.github.kinlog.reliability;

import io.github.kinlog.common.metrics.MetricsSnapshot;
import io.github.kinlog.log4j2.KinesisAppender;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.Marker;
import org.apache.logging.log4j.MarkerManager;
import org.apache.logging.log4j.ThreadContext;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.config.ConfigurationSource;
import org.apache.logging.log4j.core.config.xml.XmlConfiguration;
import org.apache.logging.log4j.message.MapMessage;
import org.apache.logging.log4j.status.StatusData;
import org.apache.logging.log4j.status.StatusListener;
import org.apache.logging.log4j.status.StatusLogger;

/** A Log4j2 LoggerContext of its own, configured from log4j2.xml text. */
final class Log4j2App implements LoggingApp {
    private static final AtomicInteger CONTEXTS = new AtomicInteger();

    private final String stream;
    private final Map<String, String> options;
    private final LoggerContext context;
    private final StatusListener listener = new StreamStatus();
    private final List<String> status = new CopyOnWriteArrayList<>();
    private final Pipelines pipelines = new Pipelines();
    private volatile boolean listening;

    Log4j2App(String stream, Map<String, String> options) {
        this.stream = stream;
        this.options = new LinkedHashMap<>(options);
        StatusLogger.getLogger().registerListener(listener);
        listening = true;
        context = new LoggerContext("reliability-" + CONTEXTS.incrementAndGet() + "-" + stream);
        context.start(configuration(options));
        notePipeline();
        if (appender() == null) {
            stop();
            throw new IllegalStateException("The Kinesis appender did not start: " + status);
        }
    }

    @Override
    public void reconfigure(Map<String, String> changes) {
        // What Log4j2 does when monitorInterval sees a changed file: a new configuration replaces the running one.
        options.putAll(changes);
        context.setConfiguration(configuration(options));
        notePipeline();
    }

    private XmlConfiguration configuration(Map<String, String> options) {
        try {
            return new XmlConfiguration(
                    context,
                    new ConfigurationSource(
                            new ByteArrayInputStream(xml(options).getBytes(StandardCharsets.UTF_8))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A log4j2.xml with one Kinesis appender, named {@code kinesis}, for every logger. */
    static String xml(Map<String, String> options) {
        StringBuilder attributes = new StringBuilder();
        StringBuilder loggers = new StringBuilder();
        String configurationAttributes = "";
        for (Map.Entry<String, String> option : options.entrySet()) {
            switch (option.getKey()) {
                case Options.SDK_DEBUG -> {
                    loggers.append("<Logger name=\"software.amazon.awssdk\" level=\"debug\"/>");
                    loggers.append("<Logger name=\"io.github.kinlog\" level=\"debug\"/>");
                }
                case Options.NO_SHUTDOWN_HOOK -> configurationAttributes = " shutdownHook=\"disable\"";
                case Options.CONSOLE_STATUS -> {
                    // Log4j2's status logger prints errors on the console by default
                }
                default ->
                    attributes
                            .append(' ')
                            .append(option.getKey())
                            .append("=\"")
                            .append(Framework.xmlEscape(option.getValue()))
                            .append('"');
            }
        }
        return "<Configuration status=\"WARN\"" + configurationAttributes
                + "><Appenders><Kinesis name=\"kinesis\"" + attributes + "/></Appenders><Loggers>" + loggers
                + "<Root level=\"info\"><AppenderRef ref=\"kinesis\"/></Root></Loggers></Configuration>";
    }

    KinesisAppender appender() {
        return context.getConfiguration().getAppender("kinesis");
    }

    private void notePipeline() {
        KinesisAppender appender = appender();
        if (appender != null) {
            pipelines.note(appender.pipeline());
        }
    }

    @Override
    public Framework framework() {
        return Framework.LOG4J2;
    }

    @Override
    public void info(String logger, String message) {
        context.getLogger(logger).info(message);
    }

    @Override
    public void info(String logger, String format, Object... parameters) {
        context.getLogger(logger).info(format, parameters);
    }

    @Override
    public void error(String logger, String message, Throwable error) {
        context.getLogger(logger).error(message, error);
    }

    @Override
    public void withMdc(String logger, Map<String, String> mdc, String message) {
        ThreadContext.putAll(mdc);
        try {
            context.getLogger(logger).info(message);
        } finally {
            ThreadContext.clearMap();
        }
    }

    @Override
    public void withFields(String logger, Map<String, Object> fields, String message) {
        MapMessage<?, Object> map = new MapMessage<>(new LinkedHashMap<>(fields));
        map.with("message", message);
        context.getLogger(logger).info(map);
    }

    @Override
    public void withCyclicMarker(String logger, String message) {
        context.getLogger(logger).info(new CyclicMarker("CYCLE"), message);
    }

    @Override
    public void withMarkerChain(String logger, int depth, String message) {
        Marker marker = MarkerManager.getMarker("chain-0");
        for (int i = 1; i < depth; i++) {
            Marker next = MarkerManager.getMarker("chain-" + i);
            marker.setParents(next);
            marker = next;
        }
        context.getLogger(logger).info(MarkerManager.getMarker("chain-0"), message);
    }

    @Override
    public MetricsSnapshot metrics() {
        notePipeline();
        return pipelines.metrics();
    }

    @Override
    public List<String> status() {
        return List.copyOf(status);
    }

    @Override
    public void stop() {
        notePipeline();
        context.stop();
        if (listening) {
            listening = false;
            StatusLogger.getLogger().removeListener(listener);
        }
    }

    /** Log4j2's StatusLogger is one per JVM, so this keeps only what concerns this app's stream. */
    private final class StreamStatus implements StatusListener {
        @Override
        public void log(StatusData data) {
            String message = data.getMessage().getFormattedMessage();
            Throwable thrown = data.getThrowable();
            if (message.contains(stream)
                    || (thrown != null && String.valueOf(thrown).contains(stream))) {
                status.add(
                        data.getLevel() + " " + message + (thrown == null ? "" : " " + LoggingApp.stackTrace(thrown)));
            }
        }

        @Override
        public Level getStatusLevel() {
            return Level.INFO;
        }

        @Override
        public void close() {
            // removed by stop()
        }
    }

    /** A marker that is its own parent: a careless equals/parents implementation in application code. */
    private record CyclicMarker(String name) implements Marker {
        @Override
        public Marker addParents(Marker... markers) {
            return this;
        }

        @Override
        public String getName() {
            return name;
        }

        @Override
        public Marker[] getParents() {
            return new Marker[] {this};
        }

        @Override
        public boolean hasParents() {
            return true;
        }

        @Override
        public boolean isInstanceOf(Marker m) {
            return m == this;
        }

        @Override
        public boolean isInstanceOf(String name) {
            return this.name.equals(name);
        }

        @Override
        public boolean remove(Marker marker) {
            return false;
        }

        @Override
        public Marker setParents(Marker... markers) {
            return this;
        }
    }
}
