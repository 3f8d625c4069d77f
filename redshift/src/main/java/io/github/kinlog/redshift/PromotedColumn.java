package io.github.kinlog.redshift;

import io.github.kinlog.common.encode.EventField;
import java.util.List;
import java.util.Locale;

/**
 * An MDC entry or structured field given its own typed column, written {@code [column=]mdc.key:type} or
 * {@code [column=]fields.key:type}, for example {@code mdc.user_id:varchar(64)} or {@code amount=fields.total:decimal(12,2)}.
 * Without a column name, the key in lower case with other characters as {@code _} names the column.
 */
public record PromotedColumn(String column, EventField source, String key, ColumnType type) {
    public PromotedColumn {
        if (source != EventField.MDC && source != EventField.FIELDS) {
            throw new IllegalArgumentException("only mdc and fields entries can be promoted, not " + source);
        }
        if (key.isEmpty()) {
            throw new IllegalArgumentException("the key to promote is empty");
        }
        SqlNames.checkColumnName(column);
    }

    /** Parses the written form; throws IllegalArgumentException saying what is wrong. */
    public static PromotedColumn parse(String spec) {
        String text = spec.strip();
        String column = null;
        int equals = text.indexOf('=');
        int firstDot = text.indexOf('.');
        if (equals > 0 && (firstDot < 0 || equals < firstDot)) {
            column = text.substring(0, equals).strip();
            text = text.substring(equals + 1).strip();
        }
        int dot = text.indexOf('.');
        int colon = text.lastIndexOf(':');
        if (dot < 0 || colon < dot) {
            throw new IllegalArgumentException(
                    "promote '" + spec + "' must read [column=]mdc.key:type or [column=]fields.key:type,"
                            + " for example mdc.user_id:varchar(64)");
        }
        String sourceName = text.substring(0, dot);
        EventField source = switch (sourceName) {
            case "mdc" -> EventField.MDC;
            case "fields" -> EventField.FIELDS;
            default ->
                throw new IllegalArgumentException(
                        "promote '" + spec + "' must start with mdc. or fields., not " + sourceName + ".");
        };
        // Spaces around the key are taken as layout, not as part of it.
        String key = text.substring(dot + 1, colon).strip();
        ColumnType type = ColumnType.parse(text.substring(colon + 1));
        return new PromotedColumn(column == null ? SqlNames.columnNameFor(key) : column, source, key, type);
    }

    ViewColumn toViewColumn() {
        return new ViewColumn(
                column,
                List.of(source.jsonName(), key),
                type,
                ViewColumn.Origin.PROMOTED,
                source.jsonName() + " entry '" + key + "'");
    }

    /** The written form, which {@link #parse} reads back. */
    @Override
    public String toString() {
        return column + "=" + source.jsonName() + "." + key + ":" + type.sql().toLowerCase(Locale.ROOT);
    }
}
