package io.github.kinlog.log4j2;

import io.github.kinlog.common.status.StatusListener;
import org.apache.logging.log4j.status.StatusLogger;

/** Kinlog's own problems go to Log4j2's StatusLogger, never to a logger that could feed back into the appender. */
final class StatusLoggerListener implements StatusListener {
    static final StatusLoggerListener INSTANCE = new StatusLoggerListener();

    private static final StatusLogger LOGGER = StatusLogger.getLogger();

    private StatusLoggerListener() {}

    @Override
    public void info(String message) {
        LOGGER.info(message);
    }

    @Override
    public void warn(String message, Throwable cause) {
        LOGGER.warn(message, cause);
    }

    @Override
    public void error(String message, Throwable cause) {
        LOGGER.error(message, cause);
    }
}
