package io.github.kinlog.common.event;

import java.util.List;

/**
 * A throwable as the encoder sees it. Logback hands appenders proxies rather than throwables, so the encoder reads
 * this interface; {@link #of(Throwable)} adapts a real throwable. Implementations may throw from any method (a
 * broken {@code getMessage()}); the encoder guards every call.
 */
public interface ThrowableView {
    String className();

    /** The message, or null. */
    String message();

    StackTraceElement[] stackTrace();

    /** The cause, or null. */
    ThrowableView cause();

    List<ThrowableView> suppressed();

    /** The object that identifies this throwable, for detecting cycles. */
    Object identity();

    static ThrowableView of(Throwable throwable) {
        return throwable == null ? null : new JavaThrowableView(throwable);
    }
}
