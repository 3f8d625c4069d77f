package io.github.kinlog.testsupport;

import org.junit.jupiter.api.extension.ParameterResolutionException;

/**
 * The Kinesis endpoint for tests could not be provided: Node.js is missing, a port is taken, a stream does not exist,
 * a setting is wrong. The message says what happened and what to do.
 *
 * <p>It is a {@link ParameterResolutionException} so that JUnit reports it as it is, instead of wrapping it in a
 * generic "Failed to resolve parameter" error whose stack trace buries the message.
 */
public final class KinesisSetupException extends ParameterResolutionException {
    private static final long serialVersionUID = 1L;

    /** A setup problem fully described by its message; it carries no stack trace, which would only bury it. */
    public KinesisSetupException(String message) {
        super(message);
        setStackTrace(new StackTraceElement[0]);
    }

    /** A setup problem caused by an unexpected failure, whose trace is kept. */
    public KinesisSetupException(String message, Throwable cause) {
        super(message, cause);
    }
}
