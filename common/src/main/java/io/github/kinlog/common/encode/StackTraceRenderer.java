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
    record Rendered(String text, long bytesCut) {}

    static Rendered render(ThrowableView throwable, int maxFrames, int maxBytes) {
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
                out.line(prefix + currentCaption + "[CIRCULAR REFERENCE: " + describe(throwable) + "]");
                return;
            }
            out.line(prefix + currentCaption + describe(throwable));
            StackTraceElement[] trace = guard(throwable::stackTrace, new StackTraceElement[0]);
            if (trace == null) {
                trace = new StackTraceElement[0];
            }
            int inCommon = framesInCommon(trace, enclosing);
            int own = trace.length - inCommon;
            int shown = Math.min(own, maxFrames);
            for (int i = 0; i < shown && !out.exhausted(); i++) {
                out.line(prefix + "\tat " + frame(trace[i]));
            }
            if (own > shown) {
                out.line(prefix + "\t... " + (own - shown) + " frames omitted");
            }
            if (inCommon > 0) {
                out.line(prefix + "\t... " + inCommon + " more");
            }
            List<ThrowableView> suppressed = guard(throwable::suppressed, List.of());
            if (suppressed != null && !suppressed.isEmpty()) {
                if (nesting >= MAX_SUPPRESSED_NESTING) {
                    out.line(prefix + "\t[" + suppressed.size() + " suppressed, nested too deep to show]");
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

    private static String frame(StackTraceElement element) {
        return element == null ? "[null frame]" : guardText(element::toString, "frame");
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

    /** Collects lines up to the byte budget, then only measures what no longer fits. */
    private static final class Output {
        private final int maxBytes;
        private final StringBuilder text = new StringBuilder();
        private int keptBytes;
        private long cutBytes;
        private boolean cutting;

        Output(int maxBytes) {
            this.maxBytes = maxBytes;
        }

        void line(String line) {
            int separator = text.length() == 0 && !cutting ? 0 : 1;
            int bytes = Utf8Text.utf8Length(line) + separator;
            if (!cutting && keptBytes + bytes + MARKER_RESERVE <= maxBytes) {
                if (separator == 1) {
                    text.append('\n');
                }
                text.append(line);
                keptBytes += bytes;
            } else {
                cutting = true;
                cutBytes += bytes;
            }
        }

        boolean exhausted() {
            return cutBytes > MEASURE_LIMIT;
        }

        Rendered finish() {
            if (cutBytes == 0) {
                return new Rendered(text.toString(), 0);
            }
            if (maxBytes < MARKER_RESERVE) {
                return new Rendered("", keptBytes + cutBytes);
            }
            String marker = exhausted() ? EXHAUSTED_MARKER : Utf8Text.marker(cutBytes);
            if (text.length() > 0) {
                text.append('\n');
            }
            return new Rendered(text.append(marker).toString(), cutBytes);
        }
    }
}
