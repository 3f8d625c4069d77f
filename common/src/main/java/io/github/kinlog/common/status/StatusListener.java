package io.github.kinlog.common.status;

/**
 * Where the core reports its own problems: each appender passes its framework's status channel (Log4j2's
 * StatusLogger, Logback's status manager). The core never reports through a logger, which could loop back into it.
 * Every message is one line that names its cause; the cause itself is passed along for whoever wants its stack trace.
 * Implementations must be thread-safe and must not throw.
 */
public interface StatusListener {
    void info(String message);

    void warn(String message, Throwable cause);

    void error(String message, Throwable cause);

    /**
     * This listener without the causes, so the framework shows the one-line messages alone: stack traces only when the
     * {@code reportStackTraces} option asks for them.
     */
    default StatusListener withoutStackTraces() {
        StatusListener target = this;
        return new StatusListener() {
            @Override
            public void info(String message) {
                target.info(message);
            }

            @Override
            public void warn(String message, Throwable cause) {
                target.warn(message, null);
            }

            @Override
            public void error(String message, Throwable cause) {
                target.error(message, null);
            }
        };
    }
}
