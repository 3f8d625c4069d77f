package io.github.kinlog.samples.warehouse;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The demo's dashboard: the questions the Redshift dashboard queries answer, asked of the local warehouse's live view
 * (the events table and what has arrived since the last load). Windows are relative to the newest event, so the
 * answers do not depend on the machine's time zone.
 */
final class Dashboard {
    private final Connection db;
    private final String events;
    private final Dialect dialect;
    private final String database;

    Dashboard(Connection db, String liveView) throws SQLException {
        this.db = db;
        this.events = liveView;
        this.dialect = Dialect.of(db.getMetaData().getURL());
        this.database = db.getMetaData().getDatabaseProductName();
    }

    /** What the dashboard shows at one moment. */
    record Snapshot(
            long events,
            Map<String, Double> perSecondByLevel,
            Map<String, Long> topPages,
            List<long[]> ordersAndFailuresPerMinute,
            List<String> minutes,
            double errorPercent,
            double latencyP50Ms,
            double latencyP99Ms,
            Map<String, Long> byLevel,
            Map<String, Long> byLogger) {}

    /** Rows queryable now: one per event. */
    long events() throws SQLException {
        try (Statement s = db.createStatement()) {
            return single(s, "SELECT COUNT(*) FROM " + events);
        }
    }

    Snapshot read() throws SQLException {
        try (Statement s = db.createStatement()) {
            long total = single(s, "SELECT COUNT(*) FROM " + events);
            Map<String, Double> perSecond = new LinkedHashMap<>();
            // Over the last 10 s of events, or over all of them while there are less than 10 s of them.
            String windowMillis = "GREATEST(1000, LEAST(10000, (SELECT " + dialect.millisBetween("MIN(ts)", "MAX(ts)")
                    + " FROM " + events + ")))";
            try (ResultSet r = s.executeQuery("SELECT level, COUNT(*) * 1000.0 / " + windowMillis + " FROM " + events
                    + " WHERE ts > (SELECT MAX(ts) FROM " + events + ") - INTERVAL '10 seconds'"
                    + " GROUP BY level ORDER BY level")) {
                while (r.next()) {
                    perSecond.put(r.getString(1), r.getDouble(2));
                }
            }
            Map<String, Long> pages = pairs(
                    s,
                    "SELECT page, COUNT(*) AS views FROM " + events
                            + " WHERE logger = 'shop.pages' GROUP BY page ORDER BY views DESC, page LIMIT 5");
            List<String> minutes = new ArrayList<>();
            List<long[]> perMinute = new ArrayList<>();
            try (ResultSet r = s.executeQuery("SELECT " + dialect.minute("ts") + ","
                    + " COUNT(*) FILTER (WHERE logger = 'shop.orders'),"
                    + " COUNT(*) FILTER (WHERE logger = 'shop.payments' AND level = 'ERROR')"
                    + " FROM " + events + " GROUP BY 1 ORDER BY 1 DESC LIMIT 3")) {
                while (r.next()) {
                    minutes.add(r.getString(1));
                    perMinute.add(new long[] {r.getLong(2), r.getLong(3)});
                }
            }
            String latency = dialect.millisBetween("ts", "refresh_time");
            double errorPercent;
            double p50;
            double p99;
            try (ResultSet r = s.executeQuery("SELECT"
                    + " COALESCE(100.0 * COUNT(*) FILTER (WHERE level IN ('ERROR', 'FATAL')) / NULLIF(COUNT(*), 0), 0),"
                    + " COALESCE(PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY " + latency + "), 0),"
                    + " COALESCE(PERCENTILE_CONT(0.99) WITHIN GROUP (ORDER BY " + latency + "), 0)"
                    + " FROM " + events)) {
                r.next();
                errorPercent = r.getDouble(1);
                p50 = r.getDouble(2);
                p99 = r.getDouble(3);
            }
            Map<String, Long> byLevel = pairs(s, "SELECT level, COUNT(*) FROM " + events + " GROUP BY 1 ORDER BY 1");
            Map<String, Long> byLogger = pairs(s, "SELECT logger, COUNT(*) FROM " + events + " GROUP BY 1 ORDER BY 1");
            return new Snapshot(total, perSecond, pages, perMinute, minutes, errorPercent, p50, p99, byLevel, byLogger);
        }
    }

    String render(Snapshot s, long logged, String status) {
        StringBuilder out = new StringBuilder();
        out.append("Kinlog demo: web shop -> Kinlog Log4j2 appender -> Kinesis (local) -> warehouse (")
                .append(database)
                .append(")\n");
        out.append(status).append('\n');
        out.append(String.format(
                "events logged %,d   rows queryable %,d   error rate %.1f%%   latency p50 %.0f ms  p99 %.0f ms%n",
                logged, s.events(), s.errorPercent(), s.latencyP50Ms(), s.latencyP99Ms()));
        out.append("events/s by level (last 10 s):");
        s.perSecondByLevel().forEach((level, rate) -> out.append(String.format("  %s %.1f", level, rate)));
        out.append("\ntop pages:");
        s.topPages().forEach((page, views) -> out.append(String.format("  %s %d", page, views)));
        out.append("\norders placed, payments declined, per minute:");
        for (int i = 0; i < s.minutes().size(); i++) {
            long[] counts = s.ordersAndFailuresPerMinute().get(i);
            out.append(String.format("  %s %d placed, %d declined", s.minutes().get(i), counts[0], counts[1]));
        }
        return out.append('\n').toString();
    }

    private static long single(Statement s, String sql) throws SQLException {
        try (ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    private static Map<String, Long> pairs(Statement s, String sql) throws SQLException {
        Map<String, Long> pairs = new LinkedHashMap<>();
        try (ResultSet r = s.executeQuery(sql)) {
            while (r.next()) {
                pairs.put(r.getString(1), r.getLong(2));
            }
        }
        return pairs;
    }
}
