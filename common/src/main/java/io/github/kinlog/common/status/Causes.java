package io.github.kinlog.common.status;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** A failure as one short line for a status report; the stack trace stays with the throwable. */
public final class Causes {
    /** Long enough for any message worth reading whole, short enough to stay a line or two on a terminal. */
    static final int MOST_CHARS = 400;

    private Causes() {}

    /** What was thrown under the wrappers a future adds ({@link CompletionException}, {@link ExecutionException}). */
    public static Throwable unwrap(Throwable failure) {
        Throwable error = failure;
        while ((error instanceof CompletionException || error instanceof ExecutionException)
                && error.getCause() != null) {
            error = error.getCause();
        }
        return error;
    }

    /** {@code Type: message}, on one line, cut to a readable length. */
    public static String oneLine(Throwable cause) {
        String message = cause.getMessage();
        String text = cause.getClass().getSimpleName()
                + (message == null || message.trim().isEmpty() ? "" : ": " + message);
        return shorten(text);
    }

    /**
     * The text on one line, cut to {@value #MOST_CHARS} characters, without a closing full stop: reports go on after
     * it.
     */
    public static String shorten(String text) {
        String line = text.replaceAll("\\s*[\\r\\n]+\\s*", " ").trim().replaceAll("\\.+$", "");
        return line.length() <= MOST_CHARS ? line : line.substring(0, MOST_CHARS - 1) + "…";
    }
}
