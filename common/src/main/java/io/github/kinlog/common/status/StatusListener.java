package io.github.kinlog.common.status;

/**
 * Where the core reports its own problems: each appender passes its framework's status channel (Log4j2's
 * StatusLogger, Logback's status manager). The core never reports through a logger, which could loop back into it.
 * Implementations must be thread-safe and must not throw.
 */
public interface StatusListener {
    void info(String message);

    void warn(String message, Throwable cause);

    void error(String message, Throwable cause);

    /** Prints to standard error; for programs without a logging framework. */
    StatusListener STDERR = new StatusListener() {
        @Override
        public void info(String message) {
            System.err.println("kinlog INFO " + message);
        }

        @Override
        public void warn(String message, Throwable cause) {
            System.err.println("kinlog WARN " + message + (cause == null ? "" : ": " + cause));
        }

        @Override
        public void error(String message, Throwable cause) {
            System.err.println("kinlog ERROR " + message + (cause == null ? "" : ": " + cause));
        }
    };
}
