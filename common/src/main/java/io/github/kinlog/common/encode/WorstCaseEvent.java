package io.github.kinlog.common.encode;

import io.github.kinlog.common.event.LogEventView;
import io.github.kinlog.common.event.SourceLocation;
import io.github.kinlog.common.event.ThrowableView;
import java.util.Collections;
import java.util.List;

/**
 * An event with every part present and every string longer than any cut leaves: encoded with every budget exhausted,
 * it gives the largest size any event can be shrunk to, which the record limit must leave room for.
 */
final class WorstCaseEvent implements LogEventView {
    /** Longer than {@link EventEncoder#FALLBACK_STRING_BYTES}, in three-byte characters. */
    private static final String LONG =
            String.join("", Collections.nCopies(EventEncoder.FALLBACK_STRING_BYTES + 1, "\u20ac"));

    static final LogEventView INSTANCE = new WorstCaseEvent();

    private WorstCaseEvent() {}

    @Override
    public long epochSecond() {
        return 253_402_300_799L; // 9999-12-31T23:59:59Z
    }

    @Override
    public int nanoOfSecond() {
        return 999_999_999;
    }

    @Override
    public String level() {
        return LONG;
    }

    @Override
    public String loggerName() {
        return LONG;
    }

    @Override
    public String threadName() {
        return LONG;
    }

    @Override
    public String message() {
        return LONG;
    }

    @Override
    public void forEachMdc(KeyValueVisitor<String> visitor) {
        visitor.accept(LONG, LONG);
    }

    @Override
    public void forEachField(KeyValueVisitor<Object> visitor) {
        visitor.accept(LONG, LONG);
    }

    @Override
    public void forEachMarker(MarkerVisitor visitor) {
        visitor.visit(LONG, LONG);
    }

    @Override
    public void forEachNdc(ValueVisitor visitor) {
        visitor.accept(LONG);
    }

    @Override
    public ThrowableView error() {
        return LongError.INSTANCE;
    }

    @Override
    public SourceLocation source() {
        return new SourceLocation(LONG, LONG, LONG, Integer.MAX_VALUE);
    }

    /** A throwable whose type, message and frames are all long. */
    private static final class LongError implements ThrowableView {
        static final LongError INSTANCE = new LongError();

        @Override
        public String className() {
            return LONG;
        }

        @Override
        public String message() {
            return LONG;
        }

        @Override
        public StackTraceElement[] stackTrace() {
            return new StackTraceElement[] {new StackTraceElement(LONG, LONG, LONG, 1)};
        }

        @Override
        public ThrowableView cause() {
            return null;
        }

        @Override
        public List<ThrowableView> suppressed() {
            return Collections.emptyList();
        }

        @Override
        public Object identity() {
            return this;
        }
    }
}
