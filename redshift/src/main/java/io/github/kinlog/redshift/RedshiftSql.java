package io.github.kinlog.redshift;

import static io.github.kinlog.redshift.SqlNames.literal;
import static io.github.kinlog.redshift.SqlNames.quoted;

import io.github.kinlog.common.encode.EventField;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Renders the SQL of a {@link RedshiftSetup}: the streaming-ingestion objects, the monitoring queries and the
 * dashboard queries. Every statement names the AWS documentation it relies on.
 */
final class RedshiftSql {
    private static final String DOCS = "https://docs.aws.amazon.com/redshift/latest/dg/";

    private final RedshiftSetup setup;

    RedshiftSql(RedshiftSetup setup) {
        this.setup = setup;
    }

    String streamingIngestion() {
        return script(
                "Kinlog events in Amazon Redshift: streaming ingestion from the Kinesis stream " + setup.streamName()
                        + ".",
                streamingStatements());
    }

    String eventsTable() {
        return script(
                "Kinlog events in Amazon Redshift: the typed table, its load from the streaming view, and the live view.",
                tableStatements());
    }

    private String script(String title, List<Statement> statements) {
        StringBuilder sql = new StringBuilder();
        sql.append("-- ")
                .append(title)
                .append("\n-- Generated for event schema version ")
                .append(EventField.SCHEMA_VERSION_NUMBER)
                .append("; regenerate it (see the README) rather than edit it.\n")
                .append(
                        "-- Run the statements in order as a user who may create schemas, tables, views and procedures.\n");
        for (Statement statement : statements) {
            sql.append('\n').append(statement.comment()).append(statement.sql()).append(";\n");
        }
        return sql.toString();
    }

    /** Every statement of both scripts, without comments, as the Sqls of {@code aws redshift-data batch-execute-statement}. */
    String dataApiStatements() {
        List<Statement> all = new ArrayList<>(streamingStatements());
        all.addAll(tableStatements());
        return Json.object(List.of(Json.entry(
                        "Sqls",
                        Json.array(all.stream().map(s -> Json.string(s.sql())).toList()))))
                .document();
    }

    private record Statement(String comment, String sql) {}

    private List<Statement> streamingStatements() {
        List<Statement> statements = new ArrayList<>();
        caseSensitivity(statements);
        statements.add(new Statement(
                comment(
                        "1. The external schema through which Redshift reads Kinesis streams, with the role it assumes"
                                + " to read them.",
                        null,
                        "r_CREATE_EXTERNAL_SCHEMA.html",
                        "materialized-view-streaming-ingestion-getting-started.html"),
                "CREATE EXTERNAL SCHEMA IF NOT EXISTS " + setup.externalSchema() + "\nFROM KINESIS\n"
                        + (setup.region() == null ? "" : "REGION " + literal(setup.region()) + "\n")
                        + "IAM_ROLE " + (setup.iamRole().equals("default") ? "default" : literal(setup.iamRole()))));
        statements.add(new Statement(
                comment(
                        "2. The streaming materialized view, where records land: one row per record, the event kept whole"
                                + " as SUPER.\n--    CAN_JSON_PARSE skips a record that is not JSON instead of failing"
                                + " every refresh. Sorted by arrival time.\n--    A packed record (a JSON array of"
                                + " events) stays one row here; the load and the live view unnest it.\n--    The load"
                                + " (02-events-table.sql) moves what arrives into the table and deletes it here, which"
                                + " keeps this view small.",
                        null,
                        "materialized-view-streaming-ingestion-getting-started.html",
                        "materialized-view-streaming-ingestion-example-station-data.html",
                        "CAN_JSON_PARSE.html"),
                "CREATE MATERIALIZED VIEW " + setup.streamingView() + "\nSORTKEY (approximate_arrival_timestamp)\n"
                        + "AUTO REFRESH YES\nAS\nSELECT\n"
                        + EventColumns.KINESIS.stream()
                                .map(c -> "    " + c.name() + ",\n")
                                .collect(Collectors.joining())
                        + "    JSON_PARSE(kinesis_data) AS payload\n"
                        + "FROM " + setup.externalSchema() + "." + quoted(setup.streamName()) + "\n"
                        + "WHERE CAN_JSON_PARSE(kinesis_data)"));
        return statements;
    }

    private List<Statement> tableStatements() {
        WarehouseDesign design = new WarehouseDesign(setup, RedshiftDialect.INSTANCE);
        List<Statement> statements = new ArrayList<>();
        caseSensitivity(statements);
        statements.add(new Statement(
                comment(
                        "1. The events, one row per event_id, a column per event field; mdc, fields and the other objects"
                                + " stay SUPER.\n--    Sorted by ts: a query over a time range reads only that range's"
                                + " blocks (SUPER has no zone maps,\n--    so filters go on the typed columns)."
                                + " Redshift chooses the distribution, as no join argues for a key, and\n--    the"
                                + " encodings. Strings keep VARCHAR(65535), Kinlog's own limit: a narrower column would"
                                + " fail a load\n--    on a longer value.",
                        null,
                        "r_CREATE_TABLE_NEW.html",
                        "c_best-practices-sort-key.html",
                        "c_best-practices-best-dist-key.html",
                        "limitations-super.html"),
                design.createEventsTable()));
        statements.add(new Statement(
                comment(
                        "2. One row per load: the records it took, the events found in them and loaded, the copies"
                                + " and the records\n--    with no event it skipped, and how long it took.",
                        null,
                        "r_CREATE_TABLE_NEW.html"),
                design.createLoadLog()));
        statements.add(new Statement(
                comment(
                        "3. The load: CALL " + setup.loadProcedure() + "(); every minute (eventbridge-schedule.sh or"
                                + " airflow_kinlog_load.py). It runs in one\n--    transaction (the default, atomic mode):"
                                + " killed anywhere, it changes nothing, and a second load waits on the\n--    lock of"
                                + " the load log. It deletes from the streaming view exactly the records it read; a"
                                + " refresh that\n--    commits meanwhile may make Redshift cancel one of the two"
                                + " (serializable isolation): both are safe to run again.\n--    A record is one event"
                                + " (a JSON object) or a packed array of events: the load reads both, one row per"
                                + " event,\n--    and unnests only arrays."
                                + (setup.retentionDays() == null
                                        ? ""
                                        : "\n--    Retention: events older than " + setup.retentionDays()
                                                + " days are deleted as part of each load, a minute's worth at a time;"
                                                + "\n--    automatic VACUUM DELETE reclaims the space."),
                        null,
                        "r_CREATE_PROCEDURE.html",
                        "stored-procedure-transaction-management.html",
                        "c_PLpgSQL-statements.html",
                        "r_LOCK.html",
                        "r_DELETE.html",
                        "query-super.html",
                        "r_is_array.html",
                        "r_is_object.html",
                        "materialized-view-streaming-ingestion.html",
                        "c_serial_isolation.html",
                        "t_Reclaiming_storage_space202.html"),
                LoadProcedure.render(setup, design.loadSteps(), needsCaseSensitiveIdentifiers())));
        statements.add(new Statement(
                comment(
                        "4. The live view: the table, and what has arrived since the last load typed on the fly, one row"
                                + " per event.\n--    Dashboards read it: events seconds old, while only the small"
                                + " streaming view is read besides the table.\n--    A copy of an event resent after"
                                + " the event was loaded shows here until the next load skips it.\n--    Packed"
                                + " records are unnested as in the load.",
                        null,
                        "r_CREATE_VIEW.html",
                        "query-super.html",
                        "r_is_array.html",
                        "r_is_object.html",
                        "r_WF_ROW_NUMBER.html"),
                design.createLiveView()));
        return statements;
    }

    private void caseSensitivity(List<Statement> statements) {
        if (needsCaseSensitiveIdentifiers()) {
            statements.add(new Statement(
                    comment(
                            "Some names have upper-case letters (the stream, a static field or a promoted key), which",
                            "Redshift folds to lower case unless this is on. Queries on the views need it as well.",
                            "r_enable_case_sensitive_identifier.html",
                            "super-configurations.html"),
                    "SET enable_case_sensitive_identifier TO true"));
        }
    }

    private boolean needsCaseSensitiveIdentifiers() {
        return !setup.streamName().equals(setup.streamName().toLowerCase(java.util.Locale.ROOT))
                || setup.columns().stream().anyMatch(ViewColumn::caseSensitive);
    }

    String monitoring() {
        String mv =
                literal(setup.streamingView().substring(setup.streamingView().indexOf('.') + 1));
        String log = setup.loadLog();
        return "-- Are ingestion and the load healthy? Queries on Redshift's system views for the streaming view "
                + setup.streamingView() + ",\n-- and on the load log " + log + ".\n"
                + "\n"
                + comment(
                        "Recent refreshes of the streaming view, newest first, with their outcome.",
                        null,
                        "SYS_MV_REFRESH_HISTORY.html")
                + "SELECT start_time, end_time, duration, TRIM(status) AS status, TRIM(refresh_type) AS refresh_type\n"
                + "FROM sys_mv_refresh_history\nWHERE TRIM(mv_name) = " + mv + "\nORDER BY start_time DESC\nLIMIT 20;\n"
                + "\n"
                + comment(
                        "The same on a provisioned cluster, which also keeps this older view.",
                        null,
                        "r_SVL_MV_REFRESH_STATUS.html")
                + "SELECT starttime, endtime, TRIM(status) AS status, TRIM(refresh_type) AS refresh_type\n"
                + "FROM svl_mv_refresh_status\nWHERE TRIM(name) = " + mv + "\nORDER BY starttime DESC\nLIMIT 20;\n"
                + "\n"
                + comment(
                        "Per shard over the last hour: records read and skipped, and the newest arrival read.",
                        null,
                        "r_SYS_STREAM_SCAN_STATES.html")
                + "SELECT\n    TRIM(partition_id) AS shard_id,\n    MAX(record_time) AS last_scan,\n"
                + "    SUM(scanned_rows) AS scanned_rows,\n    SUM(skipped_rows) AS skipped_rows,\n"
                + "    SUM(scanned_bytes) AS scanned_bytes,\n    MAX(stream_record_time_max) AS newest_arrival_read\n"
                + "FROM sys_stream_scan_states\nWHERE TRIM(mv_name) = " + mv
                + "\n  AND record_time > GETDATE() - INTERVAL '1 hour'\nGROUP BY 1\nORDER BY 1;\n"
                + "\n"
                + comment("Records the refresh could not read, newest first.", null, "r_SYS_STREAM_SCAN_ERRORS.html")
                + "SELECT record_time, TRIM(partition_id) AS shard_id, TRIM(position) AS sequence_number, error_code,"
                + " TRIM(error_reason) AS error_reason\n"
                + "FROM sys_stream_scan_errors\nWHERE TRIM(mv_name) = " + mv
                + "\nORDER BY record_time DESC\nLIMIT 50;\n"
                + "\n"
                + comment(
                        "The load's health: when it last ran, how long ago, and how much is waiting in the streaming"
                                + " view (a growing\n-- count or age means loads fail or fall behind).",
                        null,
                        "r_SELECT_synopsis.html")
                + "SELECT\n    (SELECT MAX(load_finished) FROM " + log + ") AS last_load,\n"
                + "    DATEDIFF(second, (SELECT MAX(load_finished) FROM " + log
                + "), GETDATE()) AS seconds_since_last_load,\n"
                + "    COUNT(*) AS records_waiting,\n    MIN(approximate_arrival_timestamp) AS oldest_waiting,\n"
                + "    DATEDIFF(second, MIN(approximate_arrival_timestamp), GETDATE()) AS oldest_waiting_seconds\n"
                + "FROM " + setup.streamingView() + ";\n"
                + "\n"
                + comment(
                        "The loads of the last hour, newest first: records taken, events found in them, records"
                                + " with no event, events loaded,\n-- copies skipped, time taken, and how far behind"
                                + " the newest record it loaded was.",
                        null,
                        "r_SELECT_synopsis.html")
                + "SELECT load_started, records, events_found, records_skipped, events_loaded, duplicates_skipped,"
                + " events_expired,\n    duration_ms, DATEDIFF(second, newest_arrival, load_finished) AS"
                + " seconds_behind\n"
                + "FROM " + log + "\nWHERE load_started > GETDATE() - INTERVAL '1 hour'\nORDER BY load_started DESC;\n"
                + "\n"
                + comment(
                        "Per hour over the last day: loads, events loaded, and records skipped as not Kinlog events"
                                + " (another producer\n-- on the stream, or a record another encoder wrote).",
                        null,
                        "r_DATE_TRUNC.html")
                + "SELECT DATE_TRUNC('hour', load_started) AS hour, COUNT(*) AS loads, SUM(events_loaded) AS events_loaded,\n"
                + "    SUM(duplicates_skipped) AS duplicates_skipped, SUM(records_skipped) AS records_skipped,"
                + " MAX(duration_ms) AS slowest_load_ms\n"
                + "FROM " + log + "\nWHERE load_started > GETDATE() - INTERVAL '1 day'\nGROUP BY 1\nORDER BY 1 DESC;\n"
                + "\n"
                + comment(
                        "Loads that failed in the last day, with why (a failed load changes nothing and the next one"
                                + " takes its records).",
                        null,
                        "SYS_QUERY_HISTORY.html")
                + "SELECT start_time, TRIM(status) AS status, TRIM(error_message) AS error_message\n"
                + "FROM sys_query_history\nWHERE query_text ILIKE 'CALL " + setup.loadProcedure() + "(%'\n"
                + "  AND TRIM(status) IN ('failed', 'canceled')\n  AND start_time > GETDATE() - INTERVAL '1 day'\n"
                + "ORDER BY start_time DESC\nLIMIT 50;\n";
    }

    String dashboards() {
        String events = setup.liveView();
        return "-- Dashboard queries over " + events + ": the table and what has arrived since the last load, one"
                + " row per event.\n-- Every query filters on ts, the table's sort key, so it reads only its time"
                + " range however long the history. Times are UTC.\n"
                + "\n"
                + "-- Events per minute by level, last hour.\n"
                + "SELECT DATE_TRUNC('minute', ts) AS minute, level, COUNT(*) AS events\n"
                + "FROM " + events + "\nWHERE ts > GETDATE() - INTERVAL '1 hour'\nGROUP BY 1, 2\nORDER BY 1, 2;\n"
                + "\n"
                + "-- Error rate by service, last hour: the share of events at ERROR or FATAL.\n"
                + "SELECT\n    COALESCE(service, '(none)') AS service,\n    COUNT(*) AS events,\n"
                + "    SUM(CASE WHEN level IN ('ERROR', 'FATAL') THEN 1 ELSE 0 END) AS errors,\n"
                + "    ROUND(100.0 * SUM(CASE WHEN level IN ('ERROR', 'FATAL') THEN 1 ELSE 0 END) / COUNT(*), 2)"
                + " AS error_percent\n"
                + "FROM " + events + "\nWHERE ts > GETDATE() - INTERVAL '1 hour'\nGROUP BY 1\n"
                + "ORDER BY error_percent DESC, events DESC;\n"
                + "\n"
                + "-- Loggers with the most errors, last 24 hours, and how many exception types they threw.\n"
                + "SELECT logger, COUNT(*) AS errors, COUNT(DISTINCT error_type) AS error_types, MAX(ts) AS last_error\n"
                + "FROM " + events + "\nWHERE level IN ('ERROR', 'FATAL')\n  AND ts > GETDATE() - INTERVAL '24 hours'\n"
                + "GROUP BY logger\nORDER BY errors DESC\nLIMIT 20;\n"
                + "\n"
                + "-- Delivery latency, last hour: from the log call to Kinesis, and from Kinesis to Redshift, by host.\n"
                + "SELECT\n    host,\n    COUNT(*) AS events,\n"
                + "    PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY DATEDIFF(millisecond, ts,"
                + " approximate_arrival_timestamp)) AS to_kinesis_p50_ms,\n"
                + "    PERCENTILE_CONT(0.99) WITHIN GROUP (ORDER BY DATEDIFF(millisecond, ts,"
                + " approximate_arrival_timestamp)) AS to_kinesis_p99_ms,\n"
                + "    MAX(DATEDIFF(millisecond, approximate_arrival_timestamp, refresh_time)) AS to_redshift_max_ms\n"
                + "FROM " + events + "\nWHERE ts > GETDATE() - INTERVAL '1 hour'\nGROUP BY host\n"
                + "ORDER BY to_kinesis_p99_ms DESC;\n"
                + "\n"
                + "-- The slowest-arriving events of the last hour: a host that buffered through an outage shows here.\n"
                + "SELECT ts, approximate_arrival_timestamp,"
                + " DATEDIFF(millisecond, ts, approximate_arrival_timestamp) AS arrival_delay_ms,\n"
                + "    service, host, logger, LEFT(message, 200) AS message\n"
                + "FROM " + events + "\nWHERE ts > GETDATE() - INTERVAL '1 hour'\nORDER BY arrival_delay_ms DESC\n"
                + "LIMIT 20;\n"
                + "\n"
                + "-- The last 20 errors of the last 24 hours, with their stack traces.\n"
                + "SELECT ts, service, host, logger, message, error_type, error_message, error_stack\n"
                + "FROM " + events + "\nWHERE error_type IS NOT NULL\n  AND ts > GETDATE() - INTERVAL '24 hours'\n"
                + "ORDER BY ts DESC\nLIMIT 20;\n"
                + "\n"
                + "-- Events that were cut to fit Redshift's limits, last 24 hours, and what was cut.\n"
                + "SELECT ts, service, logger, truncated, LEFT(message, 200) AS message\n"
                + "FROM " + events + "\nWHERE truncated IS NOT NULL\n  AND ts > GETDATE() - INTERVAL '24 hours'\n"
                + "ORDER BY ts DESC\nLIMIT 50;\n";
    }

    /** A comment block: the text, an optional second line, then the documentation pages. */
    private static String comment(String text, String more, String... pages) {
        StringBuilder comment = new StringBuilder("-- ").append(text).append('\n');
        if (more != null) {
            comment.append("-- ").append(more).append('\n');
        }
        for (int i = 0; i < pages.length; i++) {
            comment.append(i == 0 ? "-- Docs: " : "--       ")
                    .append(DOCS)
                    .append(pages[i])
                    .append('\n');
        }
        return comment.toString();
    }
}
