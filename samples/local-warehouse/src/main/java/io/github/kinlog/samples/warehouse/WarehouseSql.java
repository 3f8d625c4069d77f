package io.github.kinlog.samples.warehouse;

import io.github.kinlog.redshift.EventColumns;
import io.github.kinlog.redshift.RedshiftSetup;
import io.github.kinlog.redshift.ViewColumn;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The warehouse's tables and views. The views have the columns of the Redshift ones, built from the same definitions
 * ({@link RedshiftSetup#columns()}), with the database's JSON functions in place of SUPER navigation.
 */
final class WarehouseSql {
    static final String RAW = "kinlog_events_raw";
    static final String POSITIONS = "kinlog_shard_positions";

    private final RedshiftSetup setup;
    private final Dialect dialect;

    WarehouseSql(RedshiftSetup setup, Dialect dialect) {
        this.setup = setup;
        this.dialect = dialect;
    }

    /** The table standing in for the streaming view, the shard positions, and the two views. */
    List<String> schema() {
        return List.of(
                "CREATE TABLE IF NOT EXISTS " + RAW + " (\n"
                        + EventColumns.KINESIS.stream()
                                .map(c -> "    " + c.name() + " " + dialect.sqlType(c.type()) + ",\n")
                                .collect(Collectors.joining())
                        + "    payload " + dialect.jsonType() + ")",
                // Written in the same transaction as the rows: a restart resumes after the last row stored.
                "CREATE TABLE IF NOT EXISTS " + POSITIONS
                        + " (shard_id VARCHAR(128) PRIMARY KEY, sequence_number VARCHAR(128) NOT NULL)",
                "DROP VIEW IF EXISTS " + setup.uniqueView(),
                "DROP VIEW IF EXISTS " + setup.eventsView(),
                "CREATE VIEW " + setup.eventsView() + " AS\nSELECT\n"
                        + setup.columns().stream()
                                .map(c -> "    " + expression(c) + " AS " + c.name())
                                .collect(Collectors.joining(",\n"))
                        + "\nFROM " + RAW,
                "CREATE VIEW " + setup.uniqueView() + " AS\nSELECT\n"
                        + setup.columns().stream().map(c -> "    " + c.name()).collect(Collectors.joining(",\n"))
                        + "\nFROM (\n    SELECT *, ROW_NUMBER() OVER (PARTITION BY event_id"
                        + " ORDER BY approximate_arrival_timestamp, shard_id, sequence_number) AS copy_number\n"
                        + "    FROM " + setup.eventsView() + "\n) AS numbered\nWHERE copy_number = 1");
    }

    /** Stores one record; the parameters are the Kinesis columns in order, then the JSON. */
    String insertRecord() {
        return "INSERT INTO " + RAW + " VALUES (?, ?, ?, ?, ?, "
                + (dialect == Dialect.POSTGRESQL ? "CAST(? AS JSONB)" : "?") + ")";
    }

    /** Moves a shard's position: shard id, sequence number. */
    String movePosition() {
        return "INSERT INTO " + POSITIONS + " VALUES (?, ?) ON CONFLICT (shard_id)"
                + " DO UPDATE SET sequence_number = EXCLUDED.sequence_number";
    }

    private String expression(ViewColumn column) {
        if (column.path().isEmpty()) {
            return column.name();
        }
        return switch (column.type().base()) {
            case SUPER -> dialect.json(column.path());
            case VARCHAR -> dialect.text(column.path());
            default -> dialect.convert(dialect.text(column.path()), column.type());
        };
    }
}
