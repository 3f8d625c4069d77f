package io.github.kinlog.common.encode;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;

/**
 * The members of the event's fixed-shape objects ({@code error} and {@code source}), in the order the encoder writes
 * them. Like {@link EventField}, the one definition both the encoder and the Redshift views use.
 */
public enum NestedField {
    ERROR_TYPE(EventField.ERROR, "type", EventField.Kind.STRING, "Class name of the throwable"),
    ERROR_MESSAGE(EventField.ERROR, "message", EventField.Kind.STRING, "Its message; omitted when it has none"),
    ERROR_STACK(
            EventField.ERROR,
            "stack",
            EventField.Kind.STRING,
            "Stack trace with causes and suppressed throwables, as printStackTrace writes it"),
    SOURCE_CLASS(EventField.SOURCE, "class", EventField.Kind.STRING, "Class that logged"),
    SOURCE_METHOD(EventField.SOURCE, "method", EventField.Kind.STRING, "Method that logged"),
    SOURCE_FILE(EventField.SOURCE, "file", EventField.Kind.STRING, "Source file name"),
    SOURCE_LINE(EventField.SOURCE, "line", EventField.Kind.INTEGER, "Line number");

    private final EventField parent;
    private final String jsonName;
    private final SerializableString encodedName;
    private final EventField.Kind kind;
    private final String description;

    NestedField(EventField parent, String jsonName, EventField.Kind kind, String description) {
        this.parent = parent;
        this.jsonName = jsonName;
        this.encodedName = new SerializedString(jsonName);
        this.kind = kind;
        this.description = description;
    }

    public EventField parent() {
        return parent;
    }

    public String jsonName() {
        return jsonName;
    }

    /** The name pre-encoded, for the encoder's generator. */
    SerializableString encodedName() {
        return encodedName;
    }

    public EventField.Kind kind() {
        return kind;
    }

    public String description() {
        return description;
    }

    /** The flat name used for this member in views and in the {@code truncated} object, such as error_stack. */
    public String flatName() {
        return parent.jsonName() + "_" + jsonName;
    }
}
