package io.github.kinlog.redshift;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The warehouse around the landing table (in Redshift, the streaming view): the typed events table, one row per
 * event; the load that moves what has arrived into it; the load log; and the live view of both. Built from one
 * {@link RedshiftSetup} and a {@link Dialect}, so Redshift and the local warehouse run the same design.
 *
 * <p>A record holds one event (a JSON object) or a pack of them (a JSON array of such objects); a stream may carry
 * both. Every read of the landing table first unnests records into events ({@link #events}), so the rest of the
 * design sees one row per event either way.
 *
 * <p>The load, in one transaction: take the records the landing table holds now, by their place in the stream;
 * find and type the events in them, numbering the copies of each; insert the earliest copy of each event the table
 * does not have yet (copies of one event share {@code ts}, so only the batch's time range of the table is read);
 * remove exactly those records from the landing table; drop expired events; log the run. Killed at any point, it
 * leaves nothing behind, and a second load waits for the first, or (where the database aborts one of two conflicting
 * writers) fails and runs again.
 */
public final class WarehouseDesign {
    static final String BATCH = "kinlog_batch";
    static final String BATCH_EVENTS = "kinlog_batch_events";

    /** A row of typed events that is a Kinlog event. */
    private static final String IS_EVENT = "event_id IS NOT NULL AND ts IS NOT NULL";

    private static final Map<String, ColumnType> VARIABLES = declareVariables();

    private final RedshiftSetup setup;
    private final Dialect dialect;

    public WarehouseDesign(RedshiftSetup setup, Dialect dialect) {
        this.setup = setup;
        this.dialect = dialect;
    }

    /** The load's variables, which its statements name as {@code :name}, and their types. */
    public static Map<String, ColumnType> variables() {
        return VARIABLES;
    }

    private static Map<String, ColumnType> declareVariables() {
        Map<String, ColumnType> variables = new LinkedHashMap<>();
        for (String name : List.of("started", "finished", "min_ts", "max_ts", "oldest_arrival", "newest_arrival")) {
            variables.put(name, ColumnType.TIMESTAMP);
        }
        for (String name : List.of("records", "skipped", "events", "loaded", "removed", "expired")) {
            variables.put(name, ColumnType.BIGINT);
        }
        return Collections.unmodifiableMap(variables);
    }

    /** The typed table, one row per event: the columns of {@link RedshiftSetup#columns()}. */
    public String createEventsTable() {
        return "CREATE TABLE IF NOT EXISTS " + setup.table() + " (\n"
                + setup.columns().stream()
                        .map(column -> "    " + column.name() + " " + dialect.type(column.type()))
                        .collect(Collectors.joining(",\n"))
                + "\n)" + dialect.eventsTableOptions();
    }

    /**
     * One row per load, for monitoring: the Kinesis records it took, the events found in them, the records that held
     * none, the events loaded and the copies skipped, the events expired, and how long it took.
     */
    public String createLoadLog() {
        String timestamp = dialect.type(ColumnType.TIMESTAMP);
        String count = dialect.type(ColumnType.BIGINT);
        return "CREATE TABLE IF NOT EXISTS " + setup.loadLog() + " (\n"
                + "    load_started " + timestamp + ",\n"
                + "    load_finished " + timestamp + ",\n"
                + "    records " + count + ",\n"
                + "    events_found " + count + ",\n"
                + "    records_skipped " + count + ",\n"
                + "    events_loaded " + count + ",\n"
                + "    duplicates_skipped " + count + ",\n"
                + "    events_expired " + count + ",\n"
                + "    oldest_arrival " + timestamp + ",\n"
                + "    newest_arrival " + timestamp + ",\n"
                + "    duration_ms " + count + "\n)";
    }

    /**
     * The table and what has arrived since the last load, typed on the fly, one row per event: dashboards see events
     * seconds old while reading only the small landing table besides the table itself.
     */
    public String createLiveView() {
        return "CREATE OR REPLACE VIEW " + setup.liveView() + " AS\nSELECT\n" + columnList("    ") + "\nFROM "
                + setup.table() + "\nUNION ALL\n"
                + typedEvents(setup.streamingView(), columnList("    "), "copy_number = 1 AND " + IS_EVENT);
    }

    /** The load's steps, in order. */
    public List<LoadStep> loadSteps() {
        String table = setup.table();
        String landing = setup.streamingView();
        List<LoadStep> steps = new ArrayList<>();
        steps.add(new LoadStep.Clock("When the load began.", "started"));
        String lock = dialect.lock(setup.loadLog());
        if (lock != null) {
            steps.add(new LoadStep.Run("One load at a time: a second one waits here until this one ends.", lock));
        }
        steps.add(
                new LoadStep.Run("Left over by a load of this session that failed.", "DROP TABLE IF EXISTS " + BATCH));
        steps.add(new LoadStep.Run("Likewise.", "DROP TABLE IF EXISTS " + BATCH_EVENTS));
        steps.add(new LoadStep.Run(
                "The records that have arrived, known by their place in the stream: exactly these leave the landing"
                        + " table below, whatever arrives meanwhile.",
                "CREATE TEMP TABLE " + BATCH + " AS\nSELECT "
                        + EventColumns.KINESIS.stream().map(ViewColumn::name).collect(Collectors.joining(", "))
                        + ", payload\nFROM " + landing));
        steps.add(new LoadStep.Run(
                "The events in those records, typed, one row per copy, numbered from the earliest (delivery is at"
                        + " least once); what is not a Kinlog event (no event_id or ts) stays out.",
                "CREATE TEMP TABLE " + BATCH_EVENTS + " AS\n"
                        + typedEvents(BATCH, columnList("    ") + ",\n    copy_number", IS_EVENT)));
        steps.add(new LoadStep.Read("Records in the batch.", "COUNT(*)", "FROM " + BATCH, "records"));
        steps.add(new LoadStep.Read(
                "The batch's oldest arrival.",
                "MIN(approximate_arrival_timestamp)",
                "FROM " + BATCH,
                "oldest_arrival"));
        steps.add(new LoadStep.Read(
                "The batch's newest arrival.",
                "MAX(approximate_arrival_timestamp)",
                "FROM " + BATCH,
                "newest_arrival"));
        steps.add(new LoadStep.Read(
                "Events found in the batch, every copy: loaded below, or skipped as a copy.",
                "COUNT(*)",
                "FROM " + BATCH_EVENTS,
                "events"));
        steps.add(new LoadStep.Read(
                "Records in which no Kinlog event was found.",
                "COUNT(*)",
                "FROM " + BATCH + "\nWHERE NOT EXISTS (\n    SELECT 1\n    FROM " + BATCH_EVENTS + " AS found\n"
                        + "    WHERE found.shard_id = " + BATCH + ".shard_id\n"
                        + "      AND found.sequence_number = " + BATCH + ".sequence_number)",
                "skipped"));
        steps.add(new LoadStep.Read("The batch's earliest event time.", "MIN(ts)", "FROM " + BATCH_EVENTS, "min_ts"));
        steps.add(new LoadStep.Read("The batch's latest event time.", "MAX(ts)", "FROM " + BATCH_EVENTS, "max_ts"));
        steps.add(new LoadStep.Count(
                "Into the table, the earliest copy of each event, unless an earlier load has the event: copies of one"
                        + " event share ts, so the check reads only the batch's time range of the table, which the"
                        + " sort key finds.",
                "INSERT INTO " + table + " (\n" + columnList("    ") + "\n)\nSELECT\n" + columnList("    ") + "\nFROM "
                        + BATCH_EVENTS + " AS arrived\nWHERE arrived.copy_number = 1\n  AND NOT EXISTS (\n"
                        + "    SELECT 1\n    FROM " + table
                        + " AS loaded\n    WHERE loaded.ts BETWEEN :min_ts AND :max_ts\n"
                        + "      AND loaded.ts = arrived.ts\n      AND loaded.event_id = arrived.event_id)",
                "loaded"));
        steps.add(new LoadStep.Count(
                "The batch leaves the landing table, record by record: what a refresh added meanwhile stays.",
                "DELETE FROM " + landing + "\nUSING " + BATCH + "\nWHERE " + landing + ".shard_id = " + BATCH
                        + ".shard_id\n  AND " + landing + ".sequence_number = " + BATCH + ".sequence_number",
                "removed"));
        if (setup.retentionDays() != null) {
            steps.add(new LoadStep.Count(
                    "Events older than the retention of " + setup.retentionDays() + " days leave the table.",
                    "DELETE FROM " + table + "\nWHERE ts < " + dialect.daysBefore(setup.retentionDays(), ":started"),
                    "expired"));
        }
        steps.add(new LoadStep.Clock("When the load ended.", "finished"));
        steps.add(new LoadStep.Run(
                "The load's row in the log.",
                "INSERT INTO " + setup.loadLog() + " (load_started, load_finished, records, events_found,"
                        + " records_skipped, events_loaded, duplicates_skipped, events_expired, oldest_arrival,"
                        + " newest_arrival, duration_ms)\nVALUES (:started, :finished, :records, :events, :skipped,"
                        + " :loaded, :events - :loaded, " + (setup.retentionDays() == null ? "0" : ":expired")
                        + ", :oldest_arrival, :newest_arrival, " + dialect.millisBetween(":started", ":finished")
                        + ")"));
        steps.add(new LoadStep.Run("The batch's temporary tables.", "DROP TABLE " + BATCH_EVENTS));
        steps.add(new LoadStep.Run("Likewise.", "DROP TABLE " + BATCH));
        return steps;
    }

    /** Every column of the table, in order, one a line. */
    private String columnList(String indent) {
        return setup.columns().stream().map(c -> indent + c.name()).collect(Collectors.joining(",\n"));
    }

    /**
     * The events in the records of a table shaped like the landing table, typed, each numbered among the copies of
     * its event_id from the earliest ({@code copy_number}), as {@code columns} where {@code condition} holds.
     */
    private String typedEvents(String from, String columns, String condition) {
        return "SELECT\n" + columns + "\nFROM (\n    SELECT\n"
                + setup.columns().stream()
                        .map(c -> "        " + read(c) + ",\n")
                        .collect(Collectors.joining())
                + "        ROW_NUMBER() OVER (\n            PARTITION BY " + readField("event_id")
                // Shard and sequence number tell records apart, the index the events of one record.
                + "\n            ORDER BY approximate_arrival_timestamp, shard_id, sequence_number, "
                + Dialect.EVENT_INDEX + ") AS copy_number\n"
                + "    FROM (\n" + events(from).indent(8) + "    ) AS found\n) AS arrived\nWHERE " + condition;
    }

    /**
     * One row per event in the records of a table shaped like the landing table: the Kinesis columns, the event and
     * its index. A record that is an object is one event; a record that is an array (a packed record) holds one
     * event per element. Each form is read only where it is that form, as unnesting anything but an array is not
     * defined everywhere; a record of neither form, or an element that is not an event, gives no Kinlog event (its
     * event_id reads as NULL).
     */
    private String events(String from) {
        String kinesis = EventColumns.KINESIS.stream().map(ViewColumn::name).collect(Collectors.joining(", "));
        return "SELECT " + kinesis + ",\n    payload AS " + Dialect.EVENT + ", 0 AS " + Dialect.EVENT_INDEX
                + "\nFROM " + from + "\nWHERE " + dialect.isObject("payload")
                + "\nUNION ALL\nSELECT " + kinesis + ",\n    " + Dialect.EVENT + ", " + Dialect.EVENT_INDEX
                + "\nFROM " + from + " AS packed, " + dialect.elements("packed.payload")
                + "\nWHERE " + dialect.isArray("packed.payload");
    }

    /** A column read from a row of the landing table, named as the column. */
    private String read(ViewColumn column) {
        String value = dialect.read(column);
        return value.equals(column.name()) ? value : value + " AS " + column.name();
    }

    private String readField(String name) {
        return setup.columns().stream()
                .filter(c -> c.name().equals(name))
                .findFirst()
                .map(dialect::read)
                .orElseThrow();
    }
}
