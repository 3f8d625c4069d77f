package io.github.kinlog.common.encode;

import io.github.kinlog.common.event.ThrowableView;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Renders a throwable the way {@link Throwable#printStackTrace()} does (causes, suppressed throwables, "... n more"
 * for frames shared with the enclosing trace, circular references), within a UTF-8 byte budget and a per-throwable
 * frame limit. It never calls {@code toString()} on the throwable, and any call into it that fails is shown instead of
 * breaking the rendering.
 */
final class StackTraceRenderer {
    /** Beyond this much rendered text, what is cut is no longer measured exactly: the marker says "at least". */
    static final long MEASURE_LIMIT = 8L * 1024 * 1024;

    private static final int MAX_SUPPRESSED_NESTING = 16;
    private static final String EXHAUSTED_MARKER = "\u2026[truncated more than " + MEASURE_LIMIT + " bytes]";
    /** Room kept for a newline and the longest marker, so the result never exceeds the budget. */
    private static final int MARKER_RESERVE = 1 + Utf8Text.utf8Length(EXHAUSTED_MARKER);

    private StackTraceRenderer() {}

    /** The rendered trace and the number of UTF-8 bytes cut from it. */
    static Utf8Text.Fitted render(ThrowableView throwable, int maxFrames, int maxBytes) {
        Output out = new Output(maxBytes);
        Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        render(throwable, new StackTraceElement[0], "", "", maxFrames, out, seen, 0);
        return out.finish();
    }

    private static void render(
            ThrowableView first,
            StackTraceElement[] enclosingTrace,
            String caption,
            String prefix,
            int maxFrames,
            Output out,
            Set<Object> seen,
            int nesting) {
        ThrowableView current = first;
        StackTraceElement[] enclosing = enclosingTrace;
        String currentCaption = caption;
        // Causes in a loop rather than recursion: a cause chain can be thousands deep.
        while (current != null && !out.exhausted()) {
            ThrowableView throwable = current;
            Object identity = guard(throwable::identity, throwable);
            if (!seen.add(identity)) {
                out.begin()
                        .append(prefix)
                        .append(currentCaption)
                        .append("[CIRCULAR REFERENCE: ")
                        .append(describe(throwable))
                        .append(']');
                out.end();
                return;
            }
            out.begin().append(prefix).append(currentCaption).append(describe(throwable));
            out.end();
            StackTraceElement[] trace = guard(throwable::stackTrace, new StackTraceElement[0]);
            if (trace == null) {
                trace = new StackTraceElement[0];
            }
            int inCommon = framesInCommon(trace, enclosing);
            int own = trace.length - inCommon;
            int shown = Math.min(own, maxFrames);
            for (int i = 0; i < shown && !out.exhausted(); i++) {
                appendFrame(out.begin().append(prefix).append("\tat "), trace[i]);
                out.end();
            }
            if (own > shown) {
                out.begin().append(prefix).append("\t... ").append(own - shown).append(" frames omitted");
                out.end();
            }
            if (inCommon > 0) {
                out.begin().append(prefix).append("\t... ").append(inCommon).append(" more");
                out.end();
            }
            List<ThrowableView> suppressed = guard(throwable::suppressed, Collections.<ThrowableView>emptyList());
            if (suppressed != null && !suppressed.isEmpty()) {
                if (nesting >= MAX_SUPPRESSED_NESTING) {
                    out.begin()
                            .append(prefix)
                            .append("\t[")
                            .append(suppressed.size())
                            .append(" suppressed, nested too deep to show]");
                    out.end();
                } else {
                    for (ThrowableView each : suppressed) {
                        render(each, trace, "Suppressed: ", prefix + "\t", maxFrames, out, seen, nesting + 1);
                    }
                }
            }
            enclosing = trace;
            currentCaption = "Caused by: ";
            current = guard(throwable::cause, null);
        }
    }

    /** {@code type: message}, as Throwable.toString() shows it. */
    static String describe(ThrowableView throwable) {
        String type = guardText(throwable::className, "type");
        String message = guardText(throwable::message, "message");
        return message == null ? String.valueOf(type) : type + ": " + message;
    }

    /** Appends {@code com.example.Type.method(Type.java:12)}: the frame without its module, as logs usually show it. */
    private static void appendFrame(StringBuilder line, StackTraceElement frame) {
        if (frame == null) {
            line.append("[null frame]");
            return;
        }
        line.append(frame.getClassName())
                .append('.')
                .append(frame.getMethodName())
                .append('(');
        if (frame.isNativeMethod()) {
            line.append("Native Method");
        } else if (frame.getFileName() == null) {
            line.append("Unknown Source");
        } else {
            line.append(frame.getFileName());
            if (frame.getLineNumber() >= 0) {
                line.append(':').append(frame.getLineNumber());
            }
        }
        line.append(')');
    }

    private static int framesInCommon(StackTraceElement[] trace, StackTraceElement[] enclosing) {
        int m = trace.length - 1;
        int n = enclosing.length - 1;
        while (m >= 0 && n >= 0 && trace[m] != null && trace[m].equals(enclosing[n])) {
            m--;
            n--;
        }
        return trace.length - 1 - m;
    }

    /** Calls into a throwable that may misbehave; a failing call gives {@code fallback}. */
    static <T> T guard(Supplier<T> call, T fallback) {
        try {
            return call.get();
        } catch (RuntimeException | LinkageError | StackOverflowError e) {
            return fallback;
        }
    }

    /** Reads text from a throwable that may misbehave; a failing call gives a note naming the failure. */
    static String guardText(Supplier<String> call, String what) {
        try {
            return call.get();
        } catch (RuntimeException | LinkageError | StackOverflowError e) {
            return "[" + e.getClass().getName() + " while reading the " + what + "]";
        }
    }

    /**
     * Collects lines up to the byte budget, then only measures what no longer fits. A line is written between
     * {@link #begin()} and {@link #end()}, straight into the text, and taken back if it does not fit.
     */
    private static final class Output {
        private final int maxBytes;
        private final StringBuilder text = new StringBuilder(1024);
        private final StringBuilder measured = new StringBuilder(256);
        private int lineStart;
        private int keptBytes;
        private long cutBytes;
        private boolean cutting;

        Output(int maxBytes) {
            this.maxBytes = maxBytes;
        }

        StringBuilder begin() {
            if (cutting) {
                measured.setLength(0);
                return measured;
            }
            lineStart = text.length();
            if (lineStart > 0) {
                text.append('\n');
            }
            return text;
        }

        void end() {
            if (cutting) {
                cutBytes += Utf8Text.utf8Length(measured, 0, measured.length()) + 1;
                return;
            }
            int bytes = Utf8Text.utf8Length(text, lineStart, text.length());
            if (keptBytes + bytes + MARKER_RESERVE <= maxBytes) {
                keptBytes += bytes;
            } else {
                cutting = true;
                cutBytes += bytes;
                text.setLength(lineStart);
            }
        }

        boolean exhausted() {
            return cutBytes > MEASURE_LIMIT;
        }

        Utf8Text.Fitted finish() {
            if (cutBytes == 0) {
                return new Utf8Text.Fitted(text.toString(), 0);
            }
            if (maxBytes < MARKER_RESERVE) {
                return new Utf8Text.Fitted("", keptBytes + cutBytes);
            }
            String marker = exhausted() ? EXHAUSTED_MARKER : Utf8Text.marker(cutBytes);
            if (text.length() > 0) {
                text.append('\n');
            }
            return new Utf8Text.Fitted(text.append(marker).toString(), cutBytes);
        }
    }
}
