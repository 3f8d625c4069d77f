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
        StringBuilder sql = new StringBuilder();
        sql.append("-- Kinlog events in Amazon Redshift: streaming ingestion from the Kinesis stream ")
                .append(setup.streamName())
                .append(".\n-- Generated for event schema version ")
                .append(EventField.SCHEMA_VERSION_NUMBER)
                .append("; regenerate it (see the README) rather than edit it.\n")
                .append("-- Run the statements in order as a user who may create schemas and views.\n");
        for (Statement statement : statements()) {
            sql.append('\n').append(statement.comment()).append(statement.sql()).append(";\n");
        }
        return sql.toString();
    }

    /** The same statements, without comments, as the Sqls of {@code aws redshift-data batch-execute-statement}. */
    String dataApiStatements() {
        return Json.object(List.of(Json.entry(
                        "Sqls",
                        Json.array(statements().stream()
                                .map(s -> Json.string(s.sql()))
                                .toList()))))
                .document();
    }

    private record Statement(String comment, String sql) {}

    private List<Statement> statements() {
        List<Statement> statements = new ArrayList<>();
        if (needsCaseSensitiveIdentifiers()) {
            statements.add(new Statement(
                    comment(
                            "Some names have upper-case letters (the stream, a static field or a promoted key), which",
                            "Redshift folds to lower case unless this is on. Queries on the views need it as well.",
                            "r_enable_case_sensitive_identifier.html",
                            "super-configurations.html"),
                    "SET enable_case_sensitive_identifier TO true"));
        }
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
                        "2. The streaming materialized view: one row per record, the event kept whole as SUPER."
                                + " CAN_JSON_PARSE skips a record\n--    that is not JSON instead of failing every"
                                + " refresh. Typed columns live in the next view: navigating SUPER inside a\n--   "
                                + " streaming view is refused. Sorted by arrival time, which suits time-range queries.",
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
        statements.add(new Statement(
                comment(
                        "3. The typed view: a column per event field. ts is ISO-8601 UTC with microseconds"
                                + " (2026-11-24T04:11:51.555123Z), a form\n--    Redshift converts to TIMESTAMP"
                                + " itself. A cast from SUPER that fails gives NULL, never an error; mdc, fields\n"
                                + "--    and the other objects stay SUPER.",
                        null,
                        "automatic-recognition.html",
                        "limitations-super.html",
                        "query-super.html"),
                "CREATE OR REPLACE VIEW " + setup.eventsView() + " AS\nSELECT\n"
                        + setup.columns().stream()
                                .map(c -> "    " + expression(c) + (c.path().isEmpty() ? "" : " AS " + c.name()))
                                .collect(Collectors.joining(",\n"))
                        + "\nFROM " + setup.streamingView()));
        statements.add(new Statement(
                comment(
                        "4. One row per event. Delivery is at least once, so a retried request can land an event"
                                + " twice; this keeps its earliest arrival.",
                        null,
                        "r_WF_ROW_NUMBER.html"),
                "CREATE OR REPLACE VIEW " + setup.uniqueView() + " AS\nSELECT\n"
                        + setup.columns().stream().map(c -> "    " + c.name()).collect(Collectors.joining(",\n"))
                        + "\nFROM (\n    SELECT\n        *,\n        ROW_NUMBER() OVER (\n"
                        + "            PARTITION BY event_id\n"
                        + "            ORDER BY approximate_arrival_timestamp, shard_id, sequence_number) AS copy_number\n"
                        + "    FROM " + setup.eventsView() + "\n) AS numbered\nWHERE copy_number = 1"));
        return statements;
    }

    private boolean needsCaseSensitiveIdentifiers() {
        return !setup.streamName().equals(setup.streamName().toLowerCase(java.util.Locale.ROOT))
                || setup.columns().stream().anyMatch(ViewColumn::caseSensitive);
    }

    /** How the typed view computes a column from the streaming view's row. */
    private static String expression(ViewColumn column) {
        if (column.path().isEmpty()) {
            return column.name();
        }
        String navigation =
                "payload" + column.path().stream().map(m -> "." + quoted(m)).collect(Collectors.joining());
        return column.type().base() == ColumnType.Base.SUPER
                ? navigation
                : "CAST(" + navigation + " AS " + column.type().sql() + ")";
    }

    String monitoring() {
        String mv =
                literal(setup.streamingView().substring(setup.streamingView().indexOf('.') + 1));
        return "-- Is ingestion healthy? Queries on Redshift's system views for the streaming view "
                + setup.streamingView() + ".\n"
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
                        "How far behind the stream the view is: the newest record ingested and its age.",
                        null,
                        "materialized-view-streaming-ingestion.html")
                + "SELECT\n    MAX(approximate_arrival_timestamp) AS newest_arrival,\n"
                + "    DATEDIFF(second, MAX(approximate_arrival_timestamp), GETDATE()) AS seconds_behind,\n"
                + "    MAX(refresh_time) AS last_refresh\n"
                + "FROM " + setup.streamingView() + ";\n";
    }

    String dashboards() {
        String events = setup.uniqueView();
        return "-- Dashboard queries over " + events + " (one row per event). Times are UTC.\n"
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
                + "-- The last 20 errors with their stack traces.\n"
                + "SELECT ts, service, host, logger, message, error_type, error_message, error_stack\n"
                + "FROM " + events + "\nWHERE error_type IS NOT NULL\nORDER BY ts DESC\nLIMIT 20;\n"
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
