package io.github.kinlog.redshift;

/**
 * What differs between Amazon Redshift and a local stand-in (DuckDB, PostgreSQL) in the statements of the warehouse
 * design, so that both are built from the same definitions by {@link WarehouseDesign}.
 */
public interface Dialect {
    /** The column that holds one event's JSON in the rows {@link #read} reads: a whole record, or one of a pack. */
    String EVENT = "event";

    /** The column that holds an event's place in its record: 0 for a record of one event, from 0 in a pack. */
    String EVENT_INDEX = "event_index";

    /** The database's name for a column type. */
    String type(ColumnType type);

    /** The type of the landing table's column that holds the whole record: SUPER, JSON, JSONB. */
    String payloadType();

    /**
     * A column's value in a row of events, which has the Kinesis columns and {@link #EVENT}: a Kinesis column as it
     * is, an event field read out of the event and converted to its type, NULL when it does not convert (never an
     * error, which would stop every load).
     */
    String read(ViewColumn column);

    /** Whether the JSON value {@code json} is an object. */
    String isObject(String json);

    /** Whether the JSON value {@code json} is an array. */
    String isArray(String json);

    /**
     * A FROM item, after a table whose column {@code array} it names, that gives one row per element of that array:
     * the element as {@link #EVENT} and its index, from 0, as {@link #EVENT_INDEX}. Used only where {@link #isArray}
     * holds, but must not fail on any other value.
     */
    String elements(String array);

    /** What follows the events table's column list (distribution, sort key, encoding); empty for none. */
    String eventsTableOptions();

    /** A statement that makes concurrent loads wait for this one, or null when the database serializes them itself. */
    String lock(String table);

    /** The moment {@code days} days before {@code timestamp}. */
    String daysBefore(int days, String timestamp);

    /** Milliseconds from one timestamp to the next. */
    String millisBetween(String from, String to);
}
