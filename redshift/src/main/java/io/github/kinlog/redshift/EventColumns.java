package io.github.kinlog.redshift;

import io.github.kinlog.common.encode.EventField;
import io.github.kinlog.common.encode.NestedField;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The columns of the typed events view, derived from the event schema ({@link EventField}, {@link NestedField}) plus
 * the configured static fields and the promoted entries. A schema change shows up here, and so in every view.
 */
public final class EventColumns {
    private EventColumns() {}

    /** The Kinesis source's columns that the streaming view keeps, with their types in Redshift. */
    public static final List<ViewColumn> KINESIS = List.of(
            kinesis("approximate_arrival_timestamp", ColumnType.TIMESTAMP, "When Kinesis accepted the record (UTC)"),
            kinesis("partition_key", ColumnType.varchar(256), "The record's partition key"),
            kinesis("shard_id", ColumnType.varchar(20), "The shard that held the record"),
            kinesis("sequence_number", ColumnType.varchar(128), "The record's sequence number in its shard"),
            kinesis("refresh_time", ColumnType.TIMESTAMP, "When the refresh that ingested the record ran (UTC)"));

    /** All columns, in view order: Kinesis metadata, event fields, static fields, promoted entries. */
    public static List<ViewColumn> of(Collection<String> staticFields, Collection<PromotedColumn> promoted) {
        List<ViewColumn> columns = new ArrayList<>(KINESIS);
        for (EventField field : EventField.values()) {
            if (field == EventField.ERROR) {
                for (NestedField member : NestedField.values()) {
                    if (member.parent() == EventField.ERROR) {
                        columns.add(new ViewColumn(
                                member.flatName(),
                                List.of(field.jsonName(), member.jsonName()),
                                typeOf(member.kind()),
                                ViewColumn.Origin.EVENT,
                                member.description()));
                    }
                }
            } else {
                columns.add(new ViewColumn(
                        field.jsonName(),
                        List.of(field.jsonName()),
                        typeOf(field),
                        ViewColumn.Origin.EVENT,
                        field.description()));
            }
        }
        for (String name : staticFields) {
            columns.add(new ViewColumn(
                    SqlNames.columnNameFor(name),
                    List.of(name),
                    ColumnType.TEXT,
                    ViewColumn.Origin.STATIC,
                    "Static field " + name));
        }
        for (PromotedColumn column : promoted) {
            columns.add(column.toViewColumn());
        }
        checkUnique(columns);
        return List.copyOf(columns);
    }

    private static ColumnType typeOf(EventField field) {
        return switch (field) {
            case TS -> ColumnType.TIMESTAMP;
            // UUID text, always 36 characters.
            case EVENT_ID -> ColumnType.varchar(36);
            case SCHEMA_VERSION -> ColumnType.INTEGER;
            default -> typeOf(field.kind());
        };
    }

    private static ColumnType typeOf(EventField.Kind kind) {
        return switch (kind) {
            case STRING -> ColumnType.TEXT;
            case INTEGER -> ColumnType.BIGINT;
            case OBJECT, ARRAY -> ColumnType.SUPER;
        };
    }

    /** Names the views use for themselves. */
    private static final List<String> TAKEN = List.of("payload", Dialect.EVENT, Dialect.EVENT_INDEX, "copy_number");

    private static void checkUnique(List<ViewColumn> columns) {
        Map<String, ViewColumn> byName = new HashMap<>();
        for (String name : TAKEN) {
            byName.put(
                    name,
                    new ViewColumn(
                            name,
                            List.of(),
                            ColumnType.SUPER,
                            ViewColumn.Origin.KINESIS,
                            "a name the generated views use themselves"));
        }
        for (ViewColumn column : columns) {
            ViewColumn earlier = byName.putIfAbsent(column.name().toLowerCase(Locale.ROOT), column);
            if (earlier != null) {
                throw new IllegalArgumentException("two columns would be named '" + column.name() + "': "
                        + earlier.description() + ", and " + column.description()
                        + "; name the promoted column yourself, as name=mdc.key:type");
            }
        }
    }

    private static ViewColumn kinesis(String name, ColumnType type, String description) {
        return new ViewColumn(name, List.of(), type, ViewColumn.Origin.KINESIS, description);
    }
}
