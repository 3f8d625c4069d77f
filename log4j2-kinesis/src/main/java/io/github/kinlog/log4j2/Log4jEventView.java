package io.github.kinlog.log4j2;

import io.github.kinlog.common.event.LogEventView;
import io.github.kinlog.common.event.SourceLocation;
import io.github.kinlog.common.event.ThrowableView;
import org.apache.logging.log4j.Marker;
import org.apache.logging.log4j.ThreadContext;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.message.MapMessage;
import org.apache.logging.log4j.message.Message;
import org.apache.logging.log4j.message.StructuredDataMessage;

/**
 * A Log4j2 event as the Kinlog encoder reads it. A thin view, read on the logging thread during append, so it works
 * with the reusable events of garbage-free logging and all-asynchronous loggers.
 *
 * <ul>
 *   <li>{@code mdc}: the ThreadContext map (context data); {@code ndc}: the ThreadContext stack.
 *   <li>{@code fields}: the entries of a MapMessage or StructuredDataMessage. The message of a StructuredDataMessage
 *       is its free text; of another MapMessage, its {@code message} entry if it has one, else its usual text.
 *   <li>{@code markers}: the marker, each followed by its parents.
 * </ul>
 */
final class Log4jEventView implements LogEventView {
    private final LogEvent event;
    private final boolean includeLocation;

    Log4jEventView(LogEvent event, boolean includeLocation) {
        this.event = event;
        this.includeLocation = includeLocation;
    }

    @Override
    public long epochSecond() {
        return event.getInstant().getEpochSecond();
    }

    @Override
    public int nanoOfSecond() {
        return event.getInstant().getNanoOfSecond();
    }

    @Override
    public String level() {
        return event.getLevel().name();
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
        Message message = event.getMessage();
        if (message == null) {
            return null;
        }
        if (message instanceof StructuredDataMessage) {
            return ((StructuredDataMessage) message).getFormat();
        }
        if (message instanceof MapMessage<?, ?> && ((MapMessage<?, ?>) message).containsKey("message")) {
            return ((MapMessage<?, ?>) message).get("message");
        }
        return message.getFormattedMessage();
    }

    @Override
    public void forEachMdc(KeyValueVisitor<String> visitor) {
        event.getContextData().forEach((key, value) -> visitor.accept(key, value == null ? null : value.toString()));
    }

    @Override
    public void forEachField(KeyValueVisitor<Object> visitor) {
        Message message = event.getMessage();
        if (message instanceof MapMessage<?, ?>) {
            ((MapMessage<?, ?>) message).forEach((key, value) -> {
                if (!(key.equals("message") && !(message instanceof StructuredDataMessage))) {
                    visitor.accept(key, value);
                }
            });
        }
    }

    @Override
    public void forEachMarker(MarkerVisitor visitor) {
        visitMarker(event.getMarker(), visitor);
    }

    private static void visitMarker(Marker marker, MarkerVisitor visitor) {
        if (marker == null || !visitor.visit(marker, marker.getName())) {
            return;
        }
        Marker[] parents = marker.getParents();
        if (parents != null) {
            for (Marker parent : parents) {
                visitMarker(parent, visitor);
            }
        }
    }

    @Override
    public void forEachNdc(ValueVisitor visitor) {
        ThreadContext.ContextStack stack = event.getContextStack();
        if (stack != null && stack.getDepth() > 0) {
            stack.asList().forEach(visitor::accept);
        }
    }

    @Override
    public ThrowableView error() {
        return ThrowableView.of(event.getThrown());
    }

    @Override
    public SourceLocation source() {
        if (!includeLocation) {
            return null;
        }
        StackTraceElement source = event.getSource();
        return source == null
                ? null
                : new SourceLocation(
                        source.getClassName(), source.getMethodName(), source.getFileName(), source.getLineNumber());
    }
}
