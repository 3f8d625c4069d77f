package io.github.kinlog.benchmarks;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Kinlog events made inside DuckDB, as the streaming view would hold them: the Kinesis columns and the JSON the encoder
 * writes. Event {@code i} always gets the same id, time and content, so a slice made again is a resend of the same
 * events. The mix: 80% INFO, 10% DEBUG, 7% WARN, 3% ERROR with an exception and a 25-frame stack trace; five services
 * on eight hosts; ten loggers; an MDC with request, user and page; one event in 10,000 marked truncated.
 */
final class SyntheticHistory {
    private static final DateTimeFormatter SQL_TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS").withZone(ZoneOffset.UTC);

    private SyntheticHistory() {}

    /**
     * Which events, and when they arrive.
     *
     * @param first the first event's number
     * @param count how many consecutive events
     * @param start the time of event number 0 of this sequence ({@code ts = start + i * step})
     * @param stepMicros microseconds between consecutive events
     * @param arrivalAt when every record of the slice arrives (a resend), or null: 40 to 240 ms after its ts
     * @param every only events whose number is a multiple of this (1: all of them)
     * @param resendEvery also a second copy, 30 s later, of one event in this many (0: none)
     * @param sequenceBase the first Kinesis sequence number the slice uses; slices must not overlap
     */
    record Slice(
            long first,
            long count,
            Instant start,
            long stepMicros,
            Instant arrivalAt,
            int every,
            int resendEvery,
            long sequenceBase) {}

    /** The statement that adds a slice's records to the landing table, in order of arrival. */
    static String insert(String landing, Slice slice) {
        String arrival = slice.arrivalAt() == null
                ? "ts + to_milliseconds(40 + CAST(h % 200 AS BIGINT))"
                : timestamp(slice.arrivalAt()) + " + to_microseconds(CAST(i - " + slice.first() + " AS BIGINT))";
        String events = "SELECT i, h, " + timestamp(slice.start()) + " + to_microseconds(i * " + slice.stepMicros()
                + ") AS ts\nFROM (SELECT i, hash(i) AS h FROM range(" + slice.first() + ", "
                + (slice.first() + slice.count()) + ") AS r(i))\nWHERE i % " + slice.every() + " = 0";
        String copies = slice.resendEvery() == 0
                ? ""
                : "\n    UNION ALL\n    SELECT i, h, ts, " + arrival + " + INTERVAL 30 SECOND AS arrival, 1 AS copy\n"
                        + "    FROM events WHERE i % " + slice.resendEvery() + " = 7";
        return "INSERT INTO " + landing + "\nWITH events AS (" + events + "),\nrecords AS (\n"
                + "    SELECT i, h, ts, " + arrival + " AS arrival, 0 AS copy FROM events" + copies + "\n)\n"
                + "SELECT\n"
                + "    arrival AS approximate_arrival_timestamp,\n"
                + "    'request-' || (h >> 20) % 4096 AS partition_key,\n"
                + "    'shardId-00000000000' || (h >> 12) % 4 AS shard_id,\n"
                + "    lpad(CAST(" + slice.sequenceBase()
                + " + ROW_NUMBER() OVER (ORDER BY arrival, i, copy) AS VARCHAR), 56, '0') AS sequence_number,\n"
                + "    arrival + INTERVAL 3 SECOND AS refresh_time,\n"
                + "    " + payload() + " AS payload\n"
                + "FROM records\nORDER BY arrival, i, copy";
    }

    /** The event's JSON, with the fields the encoder writes, an {@code error} object only on errors. */
    private static String payload() {
        String level = "CASE WHEN h % 100 < 3 THEN 'ERROR' WHEN h % 100 < 10 THEN 'WARN'"
                + " WHEN h % 100 < 20 THEN 'DEBUG' ELSE 'INFO' END";
        String service =
                "(['checkout', 'catalog', 'payments', 'search', 'accounts'])[CAST(1 + (h >> 8) % 5 AS INTEGER)]";
        String logger = "'com.example.shop.' || (['web.RequestLog', 'orders.OrderService', 'payments.Gateway',"
                + " 'catalog.ProductRepository', 'search.Index', 'accounts.Sessions', 'cache.Loader', 'mail.Sender',"
                + " 'jobs.Scheduler', 'web.ErrorHandler'])[CAST(1 + (h >> 16) % 10 AS INTEGER)]";
        String page = "(['/', '/catalog', '/product/' || (h >> 24) % 5000, '/cart', '/checkout', '/account'])"
                + "[CAST(1 + (h >> 28) % 6 AS INTEGER)]";
        String base = "json_object("
                + "'ts', strftime(ts, '%Y-%m-%dT%H:%M:%S.%fZ'), "
                + "'level', " + level + ", "
                + "'logger', " + logger + ", "
                + "'thread', 'http-nio-8080-exec-' || (h >> 32) % 200, "
                + "'message', 'GET ' || " + page + " || ' answered ' || (['200', '200', '200', '304', '404', '500'])"
                + "[CAST(1 + (h >> 36) % 6 AS INTEGER)] || ' in ' || (h >> 40) % 900 || ' ms for user ' || (h >> 44) % 100000, "
                + "'service', " + service + ", "
                + "'env', 'prod', "
                + "'host', 'ip-10-0-' || (h >> 48) % 8 || '-' || (h >> 52) % 200, "
                + "'pid', 4000 + (h >> 48) % 8, "
                + "'seq', i, "
                + "'event_id', CAST(CAST(md5('kinlog-' || i) AS UUID) AS VARCHAR), "
                + "'schema_version', 1, "
                + "'mdc', json_object('request_id', md5('request-' || (h >> 20) % 4096 || '-' || i // 8), "
                + "'user_id', 'u' || (h >> 44) % 100000, 'page', " + page + "))";
        String error = "json_object('error', json_object("
                + "'type', (['java.net.SocketTimeoutException', 'java.lang.IllegalStateException',"
                + " 'org.springframework.dao.DataAccessResourceFailureException'])[CAST(1 + (h >> 56) % 3 AS INTEGER)], "
                + "'message', 'Read timed out after ' || (h >> 40) % 30000 || ' ms', "
                + "'stack', repeat('\tat com.example.shop.' || " + service
                + " || '.Handler.handle(Handler.java:' || (h >> 24) % 400"
                + " || ')' || chr(10), 25)))";
        String truncated = "json_object('truncated', json_array('message'))";
        return "CAST(CASE WHEN h % 100 < 3 THEN json_merge_patch(" + base + ", " + error + ")"
                + " WHEN h % 10000 = 42 THEN json_merge_patch(" + base + ", " + truncated + ")"
                + " ELSE " + base + " END AS JSON)";
    }

    /** A DuckDB timestamp literal, UTC. */
    static String timestamp(Instant instant) {
        return "TIMESTAMP '" + SQL_TIMESTAMP.format(instant) + "'";
    }
}
