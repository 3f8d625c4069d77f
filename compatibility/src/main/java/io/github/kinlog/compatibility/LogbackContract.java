package io.github.kinlog.compatibility;

import java.lang.reflect.Method;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.slf4j.Marker;
import org.slf4j.MarkerFactory;

/**
 * The contract through SLF4J and Logback, using only what SLF4J 1.7 has; key-value pairs, which only SLF4J 2 has, are
 * reached by reflection.
 */
public final class LogbackContract {
    private LogbackContract() {}

    public static void main(String[] args) throws Exception {
        Logger log = LoggerFactory.getLogger(Contract.LOGGER);
        Marker marker = MarkerFactory.getDetachedMarker(Contract.MARKER);
        marker.add(MarkerFactory.getMarker(Contract.MARKER_REFERENCE));
        MDC.put(Contract.MDC_KEY, Contract.MDC_VALUE);
        log.info(marker, "order {} placed", 42);
        MDC.clear();
        if (!logWithKeyValuePair(log)) {
            log.info(Contract.PAID);
        }
        log.error(Contract.FAILED, Contract.failure());
        // LoggerContext.stop(): what a shutdown hook or a container does; Kinlog flushes there.
        Object context = LoggerFactory.getILoggerFactory();
        context.getClass().getMethod("stop").invoke(context);
        System.out.println(Contract.stopped());
    }

    private static boolean logWithKeyValuePair(Logger log) throws Exception {
        Method atInfo;
        try {
            atInfo = Logger.class.getMethod("atInfo");
        } catch (NoSuchMethodException slf4j17) {
            return false;
        }
        Class<?> builder = Class.forName("org.slf4j.spi.LoggingEventBuilder");
        Object event = atInfo.invoke(log);
        event = builder.getMethod("addKeyValue", String.class, Object.class).invoke(event, Contract.FIELD, 12);
        builder.getMethod("log", String.class).invoke(event, Contract.PAID);
        return true;
    }
}
