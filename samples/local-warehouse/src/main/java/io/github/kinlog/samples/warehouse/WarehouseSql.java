package io.github.kinlog.samples.warehouse;

import io.github.kinlog.redshift.EventColumns;
import io.github.kinlog.redshift.RedshiftSetup;
import io.github.kinlog.redshift.WarehouseDesign;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The warehouse's tables and views: the landing table standing in for the streaming view (the Kinesis columns and the
 * JSON), the shard positions, and the design Redshift gets (the events table, the load log, the live view), built from
 * the same definitions with the database's JSON functions in place of SUPER navigation.
 */
public final class WarehouseSql {
    static final String POSITIONS = "kinlog_shard_positions";

    private final RedshiftSetup setup;
    private final Dialect dialect;
    private final WarehouseDesign design;

    public WarehouseSql(RedshiftSetup setup, Dialect dialect) {
        this.setup = setup;
        this.dialect = dialect;
        this.design = new WarehouseDesign(setup, dialect);
    }

    public WarehouseDesign design() {
        return design;
    }

    /** Every table and view, created where missing; the live view is replaced, as its definition may change. */
    public List<String> schema() {
        return List.of(
                createLanding(),
                // Written in the same transaction as the rows: a restart resumes after the last row stored.
                "CREATE TABLE IF NOT EXISTS " + POSITIONS
                        + " (shard_id VARCHAR(128) PRIMARY KEY, sequence_number VARCHAR(128) NOT NULL)",
                design.createEventsTable(),
                design.createLoadLog(),
                design.createLiveView());
    }

    /** The landing table: the streaming view's columns, the Kinesis ones and the JSON. */
    public String createLanding() {
        return "CREATE TABLE IF NOT EXISTS " + setup.streamingView() + " (\n"
                + EventColumns.KINESIS.stream()
                        .map(c -> "    " + c.name() + " " + dialect.type(c.type()) + ",\n")
                        .collect(Collectors.joining())
                + "    payload " + dialect.payloadType() + ")";
    }

    /**
     * The names of the warehouse's views and tables, dropped for a fresh start; with the unique view of the demo's
     * earlier layout, in which {@code kinlog_events} was a view too.
     */
    List<String> names() {
        return List.of(
                setup.liveView(),
                "kinlog_events_unique",
                setup.table(),
                setup.loadLog(),
                setup.streamingView(),
                POSITIONS);
    }

    /** Stores one record; the parameters are the Kinesis columns in order, then the JSON. */
    public String insertRecord() {
        return "INSERT INTO " + setup.streamingView() + " VALUES (?, ?, ?, ?, ?, "
                + (dialect == Dialect.POSTGRESQL ? "CAST(? AS JSONB)" : "?") + ")";
    }

    /** Moves a shard's position: shard id, sequence number. */
    String movePosition() {
        return "INSERT INTO " + POSITIONS + " VALUES (?, ?) ON CONFLICT (shard_id)"
                + " DO UPDATE SET sequence_number = EXCLUDED.sequence_number";
    }
}
