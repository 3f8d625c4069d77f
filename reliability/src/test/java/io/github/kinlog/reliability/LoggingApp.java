package io.github.kinlog.reliability;

import io.github.kinlog.common.metrics.MetricsSnapshot;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;

/**
 * An application logging through one Kinlog appender, the same way whichever framework it uses: the tests drive
 * Log4j2 and Logback through this one surface, so every case runs against both.
 */
interface LoggingApp extends AutoCloseable {
    Framework framework();

    /** Logs at INFO. */
    void info(String logger, String message);

    /** Logs a parameterised message at INFO; the framework formats it. */
    void info(String logger, String format, Object... parameters);

    void error(String logger, String message, Throwable error);

    /** Logs at INFO with these entries in the MDC (Log4j2: ThreadContext map), which is cleared afterwards. */
    void withMdc(String logger, Map<String, String> mdc, String message);

    /** Logs at INFO with structured fields: SLF4J key-value pairs, or a Log4j2 MapMessage. */
    void withFields(String logger, Map<String, Object> fields, String message);

    /** Logs at INFO with a marker whose parents (references) lead back to itself. */
    void withCyclicMarker(String logger, String message);

    /** Logs at INFO with a chain of {@code depth} markers, each the parent of the previous one. */
    void withMarkerChain(String logger, int depth, String message);

    /**
     * Replaces the logging configuration while the application runs, as the framework does when its configuration file
     * changes (Log4j2's monitorInterval, Logback's scan: a reset, then the new file), with these options changed.
     */
    void reconfigure(Map<String, String> changes);

    /** The appender's counters (summed over every sender it ran, across reconfigurations). */
    MetricsSnapshot metrics();

    /** What the framework's status channel received from the appender so far, with exceptions written out. */
    List<String> status();

    /** Stops the logging system as the application would at exit, which flushes the appender. */
    void stop();

    /** A throwable as printStackTrace writes it, for status lines. */
    static String stackTrace(Throwable thrown) {
        StringWriter text = new StringWriter();
        thrown.printStackTrace(new PrintWriter(text));
        return text.toString();
    }

    @Override
    default void close() {
        stop();
    }
}
