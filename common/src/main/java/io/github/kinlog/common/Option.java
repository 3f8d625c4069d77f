package io.github.kinlog.common;

import java.util.Map;

/**
 * One Kinlog option, declared once in {@link Options}: its name (the same in both appenders, the standalone layout
 * and encoder, and the README), its type, default, allowed range, group and documentation. Validation, the
 * configuration's description (the Log4j2 manager's key), the appenders' defaults and the README's reference table
 * derive from it.
 *
 * @param <T> the value's type: {@code String}, {@code Integer}, {@code Long}, {@code Boolean}, an enum read from its
 *     configuration name, or the static fields' map
 */
public final class Option<T> {
    /** Which part of Kinlog an option configures; the standalone layout and encoder take the encoder's. */
    public enum Group {
        /** The Kinesis client: where and as whom to send. */
        CLIENT,
        /** The JSON of each event. */
        ENCODER,
        /** Buffering, batching, retrying and stopping. */
        SENDER,
        /** The appender itself, in one framework only. */
        LOGBACK_APPENDER
    }

    /** Reads an option's value from its configuration text; throws IllegalArgumentException naming what it takes. */
    public interface Parser<T> {
        T parse(String text);
    }

    /** How an option's value is written in the description and the README. */
    public interface Shower<T> {
        String show(T value);
    }

    private final String name;
    private final String label;
    private final Group group;
    private final Class<T> type;
    private final T defaultValue;
    private final String documentedDefault;
    private final long min;
    private final long max;
    private final Parser<T> parser;
    private final Shower<T> shower;
    private final String meaning;

    private Option(Builder<T> b) {
        this.name = b.name;
        this.label = b.label == null ? "`" + b.name + "`" : b.label;
        this.group = b.group;
        this.type = b.type;
        this.defaultValue = b.defaultValue;
        this.documentedDefault = b.documentedDefault;
        this.min = b.min;
        this.max = b.max;
        this.parser = b.parser;
        this.shower = b.shower;
        this.meaning = b.meaning;
    }

    static <T> Builder<T> of(String name, Class<T> type, Group group) {
        return new Builder<>(name, type, group);
    }

    /** The option's name: the appenders' attribute or property, and its key in the description. */
    public String name() {
        return name;
    }

    public Group group() {
        return group;
    }

    public Class<T> type() {
        return type;
    }

    /** Null where the default is decided elsewhere (the SDK's chain, the host's name) or there is none. */
    public T defaultValue() {
        return defaultValue;
    }

    /** Smallest value allowed, for numbers; other options may raise it (see KinlogConfig). */
    public long min() {
        return min;
    }

    public long max() {
        return max;
    }

    /** Whether the value is numeric and range-checked. */
    public boolean ranged() {
        return type == Integer.class || type == Long.class;
    }

    /** Whether the value is read from text by a parser (an enum given by its configuration name). */
    public boolean parsed() {
        return parser != null;
    }

    /** Whether the frameworks set it as one attribute or property (static fields are elements of their own). */
    public boolean attribute() {
        return !Map.class.isAssignableFrom(type);
    }

    T parse(String text) {
        if (parser == null) {
            throw new IllegalStateException(name + " is not read from text");
        }
        return parser.parse(text);
    }

    /** The value as the description and the README write it. */
    public String show(Object value) {
        return value == null ? "null" : shower.show(type.cast(value));
    }

    /** The README's first column. */
    public String label() {
        return label;
    }

    /** The README's default column. */
    public String documentedDefault() {
        if (documentedDefault != null) {
            return documentedDefault;
        }
        String shown = show(defaultValue);
        return type == String.class || parsed() ? "`" + shown + "`" : shown;
    }

    /** The README's meaning column. */
    public String meaning() {
        return meaning;
    }

    @Override
    public String toString() {
        return name;
    }

    static final class Builder<T> {
        private final String name;
        private final Class<T> type;
        private final Group group;
        private String label;
        private T defaultValue;
        private String documentedDefault;
        private long min = Long.MIN_VALUE;
        private long max = Long.MAX_VALUE;
        private Parser<T> parser;
        private Shower<T> shower = String::valueOf;
        private String meaning;

        private Builder(String name, Class<T> type, Group group) {
            this.name = name;
            this.type = type;
            this.group = group;
        }

        Builder<T> defaultValue(T value) {
            this.defaultValue = value;
            return this;
        }

        /** What the README says when the default is not a value Kinlog holds. */
        Builder<T> documentedDefault(String text) {
            this.documentedDefault = text;
            return this;
        }

        Builder<T> range(long smallest, long largest) {
            this.min = smallest;
            this.max = largest;
            return this;
        }

        Builder<T> parsedBy(Parser<T> read, Shower<T> write) {
            this.parser = read;
            this.shower = write;
            return this;
        }

        Builder<T> label(String text) {
            this.label = text;
            return this;
        }

        Option<T> means(String text) {
            this.meaning = text;
            return new Option<>(this);
        }
    }
}
