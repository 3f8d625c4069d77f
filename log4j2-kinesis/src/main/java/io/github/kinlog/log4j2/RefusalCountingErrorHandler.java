package io.github.kinlog.log4j2;

import io.github.kinlog.common.KinlogPipeline;
import io.github.kinlog.common.metrics.DropReason;
import org.apache.logging.log4j.core.ErrorHandler;
import org.apache.logging.log4j.core.LogEvent;

/**
 * Log4j2 refuses an event without calling the appender when this thread is already inside it (an argument's
 * {@code toString()} that logs) or when the appender has stopped, and tells only the appender's error handler, in
 * words. This handler counts each such event as dropped ({@code recursive} or {@code closed}), so it shows in Kinlog's
 * metrics and drop reports, and passes everything on to Log4j2's own handler.
 */
final class RefusalCountingErrorHandler implements ErrorHandler {
    /** How Log4j2's AppenderControl words them: the only signal it gives. */
    private static final String RECURSION = "Recursive call to appender";

    private static final String NOT_STARTED = "Attempted to append to non-started appender";

    private final ErrorHandler log4j2s;
    private final KinlogPipeline pipeline;

    RefusalCountingErrorHandler(ErrorHandler log4j2s, KinlogPipeline pipeline) {
        this.log4j2s = log4j2s;
        this.pipeline = pipeline;
    }

    @Override
    public void error(String message) {
        if (message != null) {
            if (message.startsWith(RECURSION)) {
                pipeline.refused(DropReason.RECURSIVE);
            } else if (message.startsWith(NOT_STARTED)) {
                pipeline.refused(DropReason.CLOSED);
            }
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
