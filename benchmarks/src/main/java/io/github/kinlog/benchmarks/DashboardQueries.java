package io.github.kinlog.benchmarks;

import java.util.List;

/**
 * The dashboard queries Kinlog generates for Redshift ({@code 04-dashboards.sql}), in DuckDB's dialect: the same
 * columns, filters, groups and orders (with a tie-breaker where a LIMIT would otherwise choose among equals), with a
 * fixed "now" so every run asks about the same events.
 */
final class DashboardQueries {
    /** One query; {@code {events}} is the relation it reads, {@code {now}} the moment it runs at. */
    record Query(String name, String sql) {
        String on(String events, String now) {
            return sql.replace("{events}", events).replace("{now}", now);
        }
    }

    static final List<Query> ALL = List.of(
            new Query(
                    "Events per minute by level, last hour",
                    "SELECT date_trunc('minute', ts) AS minute, level, COUNT(*) AS events FROM {events}"
                            + " WHERE ts > {now} - INTERVAL 1 HOUR GROUP BY 1, 2 ORDER BY 1, 2"),
            new Query(
                    "Error rate by service, last hour",
                    "SELECT COALESCE(service, '(none)') AS service, COUNT(*) AS events,"
                            + " SUM(CASE WHEN level IN ('ERROR', 'FATAL') THEN 1 ELSE 0 END) AS errors,"
                            + " ROUND(100.0 * SUM(CASE WHEN level IN ('ERROR', 'FATAL') THEN 1 ELSE 0 END)"
                            + " / COUNT(*), 2) AS error_percent FROM {events} WHERE ts > {now} - INTERVAL 1 HOUR"
                            + " GROUP BY 1 ORDER BY error_percent DESC, events DESC"),
            new Query(
                    "Loggers with the most errors, last 24 hours",
                    "SELECT logger, COUNT(*) AS errors, COUNT(DISTINCT error_type) AS error_types, MAX(ts) AS last_error"
                            + " FROM {events} WHERE level IN ('ERROR', 'FATAL') AND ts > {now} - INTERVAL 24 HOUR"
                            + " GROUP BY logger ORDER BY errors DESC, logger LIMIT 20"),
            new Query(
                    "Delivery latency by host, last hour",
                    "SELECT host, COUNT(*) AS events,"
                            + " PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY"
                            + " date_diff('millisecond', ts, approximate_arrival_timestamp)) AS to_kinesis_p50_ms,"
                            + " PERCENTILE_CONT(0.99) WITHIN GROUP (ORDER BY"
                            + " date_diff('millisecond', ts, approximate_arrival_timestamp)) AS to_kinesis_p99_ms,"
                            + " MAX(date_diff('millisecond', approximate_arrival_timestamp, refresh_time))"
                            + " AS to_redshift_max_ms FROM {events} WHERE ts > {now} - INTERVAL 1 HOUR"
                            + " GROUP BY host ORDER BY to_kinesis_p99_ms DESC"),
            new Query(
                    "Slowest-arriving events, last hour",
                    "SELECT ts, approximate_arrival_timestamp,"
                            + " date_diff('millisecond', ts, approximate_arrival_timestamp) AS arrival_delay_ms,"
                            + " service, host, logger, LEFT(message, 200) AS message FROM {events}"
                            + " WHERE ts > {now} - INTERVAL 1 HOUR ORDER BY arrival_delay_ms DESC, ts DESC LIMIT 20"),
            new Query(
                    "Last 20 errors with stack traces, last 24 hours",
                    "SELECT ts, service, host, logger, message, error_type, error_message, error_stack FROM {events}"
                            + " WHERE error_type IS NOT NULL AND ts > {now} - INTERVAL 24 HOUR ORDER BY ts DESC LIMIT 20"),
            new Query(
                    "Truncated events, last 24 hours",
                    "SELECT ts, service, logger, truncated, LEFT(message, 200) AS message FROM {events}"
                            + " WHERE truncated IS NOT NULL AND ts > {now} - INTERVAL 24 HOUR ORDER BY ts DESC LIMIT 50"));

    private DashboardQueries() {}
}
