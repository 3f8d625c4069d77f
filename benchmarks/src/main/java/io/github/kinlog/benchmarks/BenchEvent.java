package io.github.kinlog.benchmarks;

import io.github.kinlog.common.event.LogEventView;
import io.github.kinlog.common.event.ThrowableView;
import java.util.LinkedHashMap;
import java.util.Map;

/** The event shapes every benchmark uses. Mutable time, so repeated use looks like a stream of events. */
public final class BenchEvent implements LogEventView {
    private long epochSecond = 1_795_000_000L;
    private int nanos;
    private final String message;
    private final Map<String, String> mdc;
    private final Throwable throwable;
    private final ThrowableView error;

    private BenchEvent(String message, Map<String, String> mdc, Throwable error) {
        this.message = message;
        this.mdc = mdc;
        this.throwable = error;
        this.error = ThrowableView.of(error);
    }

    /** The exception of {@link #withException()}, for benchmarks that log through a framework. */
    public RuntimeException errorForLoggers() {
        return (RuntimeException) throwable;
    }

    /** A message formatted from two parameters, and three MDC entries. */
    public static BenchEvent typical() {
        Map<String, String> mdc = new LinkedHashMap<>();
        mdc.put("user_id", "42");
        mdc.put("session_id", "5f1c9a7e-3a0b-4a53-9d35-1c2b7a1f9e21");
        mdc.put("request_id", "req-8c1d2e");
        return new BenchEvent("Order 1234 placed by user 42 for 99.95 EUR", mdc, null);
    }

    /** The typical event with a three-level exception chain. */
    public static BenchEvent withException() {
        BenchEvent typical = typical();
        return new BenchEvent("Payment failed for order 1234", typical.mdc, threeLevels());
    }

    /** Moves the event's time forward, as consecutive events would. */
    public BenchEvent tick() {
        nanos += 1_000;
        if (nanos >= 1_000_000_000) {
            nanos = 0;
            epochSecond++;
        }
        return this;
    }

    private static Throwable threeLevels() {
        try {
            try {
                try {
                    throw new java.io.IOException("Connection reset by peer");
                } catch (java.io.IOException e) {
                    throw new IllegalStateException("Payment gateway unavailable", e);
                }
            } catch (IllegalStateException e) {
                throw new RuntimeException("Could not charge card for order 1234", e);
            }
        } catch (RuntimeException e) {
            return e;
        }
    }

    @Override
    public long epochSecond() {
        return epochSecond;
    }

    @Override
    public int nanoOfSecond() {
        return nanos;
    }

    @Override
    public String level() {
        return error == null ? "INFO" : "ERROR";
    }

    @Override
    public String loggerName() {
        return "com.example.shop.OrderService";
    }

    @Override
    public String threadName() {
        return "http-nio-8080-exec-7";
    }

    @Override
    public String message() {
        return message;
    }

    @Override
    public void forEachMdc(KeyValueVisitor<String> visitor) {
        mdc.forEach(visitor::accept);
    }

    @Override
    public ThrowableView error() {
        return error;
    }
}
