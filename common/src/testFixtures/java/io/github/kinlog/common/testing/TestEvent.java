package io.github.kinlog.common.testing;

import io.github.kinlog.common.event.LogEventView;
import io.github.kinlog.common.event.SourceLocation;
import io.github.kinlog.common.event.ThrowableView;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A plain event for tests: every part settable. */
public class TestEvent implements LogEventView {
    public Instant time = Instant.parse("2026-11-24T04:11:51.555123456Z");
    public String level = "INFO";
    public String logger = "com.example.Shop";
    public String thread = "main";
    public String message = "hello";
    public final Map<String, String> mdc = new LinkedHashMap<>();
    public final Map<String, Object> fields = new LinkedHashMap<>();
    public final List<String> markers = new ArrayList<>();
    public final List<String> ndc = new ArrayList<>();
    public Throwable error;
    public SourceLocation source;

    public TestEvent message(String value) {
        this.message = value;
        return this;
    }

    public TestEvent mdc(String key, String value) {
        mdc.put(key, value);
        return this;
    }

    public TestEvent field(String key, Object value) {
        fields.put(key, value);
        return this;
    }

    public TestEvent error(Throwable value) {
        this.error = value;
        return this;
    }

    /** A typical event: a message with two parameters, three MDC entries. */
    public static TestEvent typical() {
        return new TestEvent()
                .message("Order 1234 placed by user 42 for 99.95 EUR")
                .mdc("user_id", "42")
                .mdc("session_id", "5f1c9a7e-3a0b-4a53-9d35-1c2b7a1f9e21")
                .mdc("request_id", "req-8c1d2e");
    }

    @Override
    public long epochSecond() {
        return time.getEpochSecond();
    }

    @Override
    public int nanoOfSecond() {
        return time.getNano();
    }

    @Override
    public String level() {
        return level;
    }

    @Override
    public String loggerName() {
        return logger;
    }

    @Override
    public String threadName() {
        return thread;
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
    public void forEachField(KeyValueVisitor<Object> visitor) {
        fields.forEach(visitor::accept);
    }

    @Override
    public void forEachMarker(MarkerVisitor visitor) {
        for (String marker : markers) {
            visitor.visit(marker, marker);
        }
    }

    @Override
    public void forEachNdc(ValueVisitor visitor) {
        ndc.forEach(visitor::accept);
    }

    @Override
    public ThrowableView error() {
        return ThrowableView.of(error);
    }

    @Override
    public SourceLocation source() {
        return source;
    }
}
