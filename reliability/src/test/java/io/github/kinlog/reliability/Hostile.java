package io.github.kinlog.reliability;

import java.util.concurrent.atomic.AtomicReference;

/** Objects that misbehave when logged. */
final class Hostile {
    private Hostile() {}

    static final class ThrowingToString {
        @Override
        public String toString() {
            throw new IllegalStateException("toString() is broken");
        }
    }

    static final class NullToString {
        @Override
        public String toString() {
            return null;
        }
    }

    static final class HugeToString {
        private final int length;

        HugeToString(int length) {
            this.length = length;
        }

        @Override
        public String toString() {
            return "h".repeat(length);
        }
    }

    /** Logs through the same application while its message is being formatted. */
    static final class LoggingToString {
        private final LoggingApp app;
        private final String logger;

        LoggingToString(LoggingApp app, String logger) {
            this.app = app;
            this.logger = logger;
        }

        @Override
        public String toString() {
            app.info(logger, "logged from inside toString()");
            return "logged while formatted";
        }
    }

    static final class ThrowingToStringException extends RuntimeException {
        ThrowingToStringException() {
            super("the message is fine");
        }

        @Override
        public String toString() {
            throw new IllegalStateException("toString() of an exception is broken");
        }
    }

    static final class BrokenException extends RuntimeException {
        @Override
        public String getMessage() {
            throw new IllegalStateException("getMessage() is broken");
        }

        @Override
        public String getLocalizedMessage() {
            throw new IllegalStateException("getLocalizedMessage() is broken");
        }

        @Override
        public StackTraceElement[] getStackTrace() {
            throw new IllegalStateException("getStackTrace() is broken");
        }
    }

    static Throwable causeChain(int depth) {
        Throwable error = new IllegalStateException("root cause");
        for (int i = 1; i < depth; i++) {
            error = new RuntimeException("level " + i, error);
        }
        return error;
    }

    static Throwable cyclicCauses() {
        RuntimeException first = new RuntimeException("first");
        RuntimeException second = new RuntimeException("second");
        first.initCause(second);
        second.initCause(first);
        return first;
    }

    static Throwable suppressed(int count) {
        RuntimeException error = new RuntimeException("with suppressed");
        for (int i = 0; i < count; i++) {
            error.addSuppressed(new IllegalArgumentException("suppressed " + i));
        }
        RuntimeException cyclic = new RuntimeException("suppresses its suppressor");
        cyclic.addSuppressed(error);
        error.addSuppressed(cyclic);
        return error;
    }

    static Throwable stackOverflow() {
        try {
            recurse(0);
            throw new AssertionError("the stack did not overflow");
        } catch (StackOverflowError e) {
            return e;
        }
    }

    private static int recurse(int depth) {
        return recurse(depth + 1) + 1;
    }

    /** Runs {@code action} on a new thread with this name, and waits for it; rethrows what it threw. */
    static void onThread(String name, Runnable action) {
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread thread = new Thread(
                () -> {
                    try {
                        action.run();
                    } catch (Throwable t) {
                        thrown.set(t);
                    }
                },
                name);
        thread.start();
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thrown.get() instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (thrown.get() instanceof Error error) {
            throw error;
        }
    }
}
