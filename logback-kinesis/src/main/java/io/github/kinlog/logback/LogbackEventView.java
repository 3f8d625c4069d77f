package io.github.kinlog.logback;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxy;
import io.github.kinlog.common.event.LogEventView;
import io.github.kinlog.common.event.SourceLocation;
import io.github.kinlog.common.event.ThrowableView;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.slf4j.Marker;

/**
 * A Logback event as the Kinlog encoder reads it: the MDC becomes {@code mdc}, SLF4J key-value pairs become
 * {@code fields}, markers are listed with their references, and the throwable is read from its proxy. What an older
 * Logback lacks ({@link LogbackApi}) is left out.
 */
final class LogbackEventView implements LogEventView {
    private final ILoggingEvent event;
    private final boolean includeLocation;
    private Instant instant;

    LogbackEventView(ILoggingEvent event, boolean includeLocation) {
        this.event = event;
        this.includeLocation = includeLocation;
    }

    private Instant instant() {
        if (instant == null) {
            instant = LogbackApi.INSTANT ? event.getInstant() : Instant.ofEpochMilli(event.getTimeStamp());
        }
        return instant;
    }

    @Override
    public long epochSecond() {
        return instant().getEpochSecond();
    }

    @Override
    public int nanoOfSecond() {
        return instant().getNano();
    }

    @Override
    public String level() {
        return event.getLevel().toString();
    }

    @Override
    public String loggerName() {
        return event.getLoggerName();
    }

    @Override
    public String threadName() {
        return event.getThreadName();
    }

    @Override
    public String message() {
        return event.getFormattedMessage();
    }

    @Override
    public void forEachMdc(KeyValueVisitor<String> visitor) {
        Map<String, String> mdc = event.getMDCPropertyMap();
        if (mdc != null) {
            mdc.forEach(visitor::accept);
        }
    }

    @Override
    public void forEachField(KeyValueVisitor<Object> visitor) {
        if (LogbackApi.KEY_VALUE_PAIRS) {
            LogbackKeyValuePairs.forEach(event, visitor);
        }
    }

    @Override
    @SuppressWarnings("deprecation") // getMarker(): Logback 1.2's only way to the marker
    public void forEachMarker(MarkerVisitor visitor) {
        if (!LogbackApi.MARKER_LIST) {
            visitMarker(event.getMarker(), visitor);
            return;
        }
        List<Marker> markers = event.getMarkerList();
        if (markers != null) {
            for (Marker marker : markers) {
                visitMarker(marker, visitor);
            }
        }
    }

    // Marker.iterator() is deprecated in SLF4J 2, yet it is still the only way to a marker's references.
    @SuppressWarnings("deprecation")
    private static void visitMarker(Marker marker, MarkerVisitor visitor) {
        if (marker == null || !visitor.visit(marker, marker.getName())) {
            return;
        }
        for (Iterator<Marker> references = marker.iterator(); references.hasNext(); ) {
            visitMarker(references.next(), visitor);
        }
    }

    @Override
    public ThrowableView error() {
        IThrowableProxy proxy = event.getThrowableProxy();
        if (proxy == null) {
            return null;
        }
        // The live throwable when there is one; a proxy made elsewhere (a remote event) is read as it is.
        return proxy instanceof ThrowableProxy && ((ThrowableProxy) proxy).getThrowable() != null
                ? ThrowableView.of(((ThrowableProxy) proxy).getThrowable())
                : new LogbackThrowableView(proxy);
    }

    @Override
    public SourceLocation source() {
        if (!includeLocation) {
            return null;
        }
        StackTraceElement[] callerData = event.getCallerData();
        if (callerData == null || callerData.length == 0) {
            return null;
        }
        StackTraceElement caller = callerData[0];
        return new SourceLocation(
                caller.getClassName(), caller.getMethodName(), caller.getFileName(), caller.getLineNumber());
    }
}
