package io.github.kinlog.common.status;

import java.io.PrintStream;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;

/**
 * Prints reports to standard error, one line each, followed by the cause's stack trace when one is given: for
 * programs without a logging framework, and for Logback contexts where nobody would see the status manager.
 */
public final class StderrStatus implements StatusListener {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");

    private final String source;

    /** @param source what reports, such as the appender's name; null for none */
    public StderrStatus(String source) {
        this.source = source == null ? "" : " [" + source + "]";
    }

    @Override
    public void info(String message) {
        print("INFO", message, null);
    }

    @Override
    public void warn(String message, Throwable cause) {
        print("WARN", message, cause);
    }

    @Override
    public void error(String message, Throwable cause) {
        print("ERROR", message, cause);
    }

    private void print(String level, String message, Throwable cause) {
        PrintStream err = System.err;
        // One block per report, even when several threads report at once.
        synchronized (err) {
            err.println(LocalTime.now().format(TIME) + " kinlog " + level + source + " " + message);
            if (cause != null) {
                cause.printStackTrace(err);
            }
        }
    }
}
