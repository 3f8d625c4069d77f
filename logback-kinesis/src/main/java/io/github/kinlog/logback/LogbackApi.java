package io.github.kinlog.logback;

import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * What the Logback on the class path offers events. Logback 1.2 (SLF4J 1.7) has millisecond time, one marker and no
 * key-value pairs; 1.3 and newer have all three. Checked once, so the appender reads each event without reflection.
 */
final class LogbackApi {
    static final boolean INSTANT = has("getInstant");
    static final boolean MARKER_LIST = has("getMarkerList");
    static final boolean KEY_VALUE_PAIRS = has("getKeyValuePairs");

    private LogbackApi() {}

    private static boolean has(String method) {
        try {
            ILoggingEvent.class.getMethod(method);
            return true;
        } catch (NoSuchMethodException | LinkageError older) {
            return false;
        }
    }
}
