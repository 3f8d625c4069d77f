package io.github.kinlog.compatibility;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.Marker;
import org.apache.logging.log4j.MarkerManager;
import org.apache.logging.log4j.ThreadContext;
import org.apache.logging.log4j.message.StringMapMessage;

/** The contract through the Log4j2 API, using only what Log4j2 2.17 has. */
public final class Log4j2Contract {
    private Log4j2Contract() {}

    public static void main(String[] args) {
        Logger log = LogManager.getLogger(Contract.LOGGER);
        Marker marker =
                MarkerManager.getMarker(Contract.MARKER).addParents(MarkerManager.getMarker(Contract.MARKER_REFERENCE));
        ThreadContext.put(Contract.MDC_KEY, Contract.MDC_VALUE);
        log.info(marker, "order {} placed", 42);
        ThreadContext.clearMap();
        log.info(new StringMapMessage().with("message", Contract.PAID).with(Contract.FIELD, "12"));
        log.error(Contract.FAILED, Contract.failure());
        LogManager.shutdown();
        System.out.println(Contract.stopped());
    }
}
