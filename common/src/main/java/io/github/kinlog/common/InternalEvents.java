package io.github.kinlog.common;

import io.github.kinlog.common.send.KinlogThreads;

/**
 * Recognises events that must never be sent: those logged on Kinlog's own threads, and those of the AWS SDK and the
 * HTTP clients it uses, whichever thread logs them. Sending them would make every request log more events, each
 * needing another request: a loop. Appenders check this before doing anything else with an event.
 */
public final class InternalEvents {
    private static final String[] LOGGER_PREFIXES = {
        "software.amazon.awssdk", "software.amazon.eventstream", "org.apache.http", "org.apache.hc", "io.netty"
    };

    private InternalEvents() {}

    public static boolean isInternal(String loggerName) {
        if (KinlogThreads.isCurrentThreadOurs()) {
            return true;
        }
        if (loggerName == null) {
            return false;
        }
        for (String prefix : LOGGER_PREFIXES) {
            if (loggerName.startsWith(prefix)
                    && (loggerName.length() == prefix.length() || loggerName.charAt(prefix.length()) == '.')) {
                return true;
            }
        }
        return false;
    }
}
