package io.github.kinlog.redshift;

/**
 * What differs between Amazon Redshift and a local stand-in (DuckDB, PostgreSQL) in the statements of the warehouse
 * design, so that both are built from the same definitions by {@link WarehouseDesign}.
 */
public interface Dialect {
    /** The database's name for a column type. */
    String type(ColumnType type);

    /** The type of the landing table's column that holds the whole event: SUPER, JSON, JSONB. */
    String payloadType();

    /**
     * A column's value in a row of the landing table, which has the Kinesis columns and {@code payload}: a Kinesis
     * column as it is, an event field read out of the payload and converted to its type, NULL when it does not
     * convert (never an error, which would stop every load).
     */
    String read(ViewColumn column);

    /** What follows the events table's column list (distribution, sort key, encoding); empty for none. */
    String eventsTableOptions();

    /** A statement that makes concurrent loads wait for this one, or null when the database serializes them itself. */
    String lock(String table);

    /** The moment {@code days} days before {@code timestamp}. */
    String daysBefore(int days, String timestamp);

    /** Milliseconds from one timestamp to the next. */
    String millisBetween(String from, String to);
}
