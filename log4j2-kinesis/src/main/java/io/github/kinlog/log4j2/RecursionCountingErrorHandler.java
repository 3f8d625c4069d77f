package io.github.kinlog.log4j2;

import io.github.kinlog.common.KinlogPipeline;
import io.github.kinlog.common.metrics.DropReason;
import org.apache.logging.log4j.core.ErrorHandler;
import org.apache.logging.log4j.core.LogEvent;

/**
 * Log4j2 refuses an event without calling the appender when this thread is already inside it (a structured field's
 * {@code toString()} that logs), and tells only the appender's error handler, in words. This handler counts each such
 * event as dropped ({@code recursive}), so it shows in Kinlog's metrics and drop reports, and passes everything on to
 * Log4j2's own handler. (An event for a stopped appender needs nothing here: Log4j2 reports it, then still calls the
 * appender, whose sender counts it as {@code closed}.)
 */
final class RecursionCountingErrorHandler implements ErrorHandler {
    /** How Log4j2's AppenderControl words it: the only signal it gives. */
    private static final String RECURSION = "Recursive call to appender";

    private final ErrorHandler log4j2s;
    private final KinlogPipeline pipeline;

    RecursionCountingErrorHandler(ErrorHandler log4j2s, KinlogPipeline pipeline) {
        this.log4j2s = log4j2s;
        this.pipeline = pipeline;
    }

    @Override
    public void error(String message) {
        if (message != null && message.startsWith(RECURSION)) {
            pipeline.refused(DropReason.RECURSIVE);
        }
        log4j2s.error(message);
    }

    @Override
    public void error(String message, Throwable failure) {
        log4j2s.error(message, failure);
    }

    @Override
    public void error(String message, LogEvent event, Throwable failure) {
        log4j2s.error(message, event, failure);
    }
}
