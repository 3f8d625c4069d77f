package io.github.kinlog.common.encode;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import java.util.Arrays;
import java.util.Collections;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The fields of the event schema, in the order the encoder writes them. This is the one definition of the schema:
 * the encoder writes these names, and the Redshift DDL is generated from them.
 */
public enum EventField {
    TS(
            "ts",
            Kind.STRING,
            true,
            "Event time, ISO-8601 UTC with exactly six fractional digits: 2026-11-24T04:11:51.555123Z"),
    LEVEL("level", Kind.STRING, true, "Level name: TRACE, DEBUG, INFO, WARN, ERROR, FATAL"),
    LOGGER("logger", Kind.STRING, true, "Logger name"),
    THREAD("thread", Kind.STRING, true, "Name of the thread that logged"),
    MESSAGE("message", Kind.STRING, true, "Formatted message; empty string when the event has none"),
    SERVICE("service", Kind.STRING, false, "Configured service name; omitted when unset"),
    ENV("env", Kind.STRING, false, "Configured environment name; omitted when unset"),
    HOST("host", Kind.STRING, true, "Host name"),
    PID("pid", Kind.INTEGER, true, "Process id"),
    SEQ("seq", Kind.INTEGER, true, "Per-sender counter, from 1; gaps show events that were not encoded"),
    EVENT_ID("event_id", Kind.STRING, true, "UUID (version 7 layout, time-ordered) unique across hosts and restarts"),
    SCHEMA_VERSION("schema_version", Kind.INTEGER, true, "Version of this schema"),
    MDC("mdc", Kind.OBJECT, false, "Mapped diagnostic context: object of strings"),
    FIELDS("fields", Kind.OBJECT, false, "Structured per-event fields (SLF4J key-value pairs, Log4j2 MapMessage)"),
    MARKERS("markers", Kind.ARRAY, false, "Marker names, each followed by its parents or references"),
    NDC("ndc", Kind.ARRAY, false, "Nested diagnostic context (Log4j2 ThreadContext stack), outermost first"),
    ERROR("error", Kind.OBJECT, false, "The throwable: {type, message, stack}"),
    SOURCE("source", Kind.OBJECT, false, "Where the event was logged: {class, method, file, line}; only when enabled"),
    TRUNCATED("truncated", Kind.OBJECT, false, "Present when content was cut: part name to number of UTF-8 bytes cut");

    /** Increased on any change that can break a Redshift view over the events (see the README). */
    public static final int SCHEMA_VERSION_NUMBER = 1;

    /** The one shape of {@code ts}, which Redshift converts to TIMESTAMP: ISO-8601 UTC with six fractional digits. */
    public static final Pattern TS_FORMAT =
            Pattern.compile("[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])T([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]"
                    + "\\.[0-9]{6}Z");

    /** JSON value types. */
    public enum Kind {
        STRING,
        INTEGER,
        OBJECT,
        ARRAY
    }

    private final String jsonName;
    /** The name as jackson-core writes it, encoded once. */
    private final SerializableString encodedName;

    private final Kind kind;
    private final boolean alwaysPresent;
    private final String description;

    EventField(String jsonName, Kind kind, boolean alwaysPresent, String description) {
        this.jsonName = jsonName;
        this.encodedName = new SerializedString(jsonName);
        this.kind = kind;
        this.alwaysPresent = alwaysPresent;
        this.description = description;
    }

    public String jsonName() {
        return jsonName;
    }

    /** The name pre-encoded, for the encoder's generator. */
    SerializableString encodedName() {
        return encodedName;
    }

    public Kind kind() {
        return kind;
    }

    public boolean alwaysPresent() {
        return alwaysPresent;
    }

    public String description() {
        return description;
    }

    /** Names a configured static field may not take. */
    public static Set<String> reservedNames() {
        return Arrays.stream(values())
                .map(EventField::jsonName)
                .collect(Collectors.collectingAndThen(Collectors.toSet(), Collections::unmodifiableSet));
    }
}
