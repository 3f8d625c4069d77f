package io.github.kinlog.benchmarks;

import io.github.kinlog.redshift.EventColumns;
import io.github.kinlog.redshift.RedshiftSetup;
import io.github.kinlog.redshift.ViewColumn;
import io.github.kinlog.samples.warehouse.Dialect;
import io.github.kinlog.samples.warehouse.Loader;
import io.github.kinlog.samples.warehouse.WarehouseSql;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The warehouse design at growing history, on DuckDB: for each size, the dashboard queries on Kinlog 0.1's views
 * ({@link LegacyViews}) and on the live view of the events table, and the time to load a batch of new events.
 *
 * <p>History: a steady million events a day (11.6 a second), so 16 million events are 16 days; the dashboards ask
 * about the last hour or day before the newest event. The events table receives the history in time order, as a
 * load a minute leaves it (and as Redshift's sort key keeps it); the last minute stays in the landing table, unloaded,
 * as it would between two loads. Every query must give the same rows on both designs, or the run fails.
 *
 * <p>{@code java -cp benchmarks/target/benchmarks.jar io.github.kinlog.benchmarks.WarehouseBenchmark [options]
 * [docs/warehouse.md]}: prints the tables, and with a file, replaces the part of it between the benchmark's markers.
 */
public final class WarehouseBenchmark {
    static final String USAGE = """
            Usage: WarehouseBenchmark [--sizes 1000000,4000000,16000000] [--runs 5] [--batch 100000]
                                      [--dir target/warehouse-benchmark] [REPORT.md]
            """;
    static final String START_MARKER = "<!-- warehouse-benchmark:start -->";
    static final String END_MARKER = "<!-- warehouse-benchmark:end -->";

    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
    private static final long STEP_MICROS = 86_400L; // a million events a day
    private static final Duration UNLOADED = Duration.ofMinutes(1);
    private static final long SEQUENCES_PER_SLICE = 1_000_000_000_000L;
    private static final double SLOW_SECONDS = 5;

    /** One history size's figures: per query, the legacy and new medians in ms; the loads' times in ms. */
    record SizeResult(
            long events,
            long records,
            double generateSeconds,
            double backfillSeconds,
            Map<String, Double> legacyMs,
            Map<String, Double> newMs,
            List<Double> loadMs,
            long storedBytes,
            double jsonBytesPerEvent) {
        double loadMedianMs() {
            return median(loadMs);
        }
    }

    private final int runs;
    private final long batch;
    private final Path dir;
    private final RedshiftSetup setup =
            RedshiftSetup.builder().streamName("app-logs").build();

    private WarehouseBenchmark(int runs, long batch, Path dir) {
        this.runs = runs;
        this.batch = batch;
        this.dir = dir;
    }

    public static void main(String[] args) throws Exception {
        List<Long> sizes = List.of(1_000_000L, 4_000_000L, 16_000_000L);
        int runs = 5;
        long batch = 100_000;
        Path dir = Path.of("target", "warehouse-benchmark");
        Path report = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--sizes" ->
                    sizes = Arrays.stream(args[++i].split(","))
                            .map(s -> Long.parseLong(s.strip().replace("_", "")))
                            .toList();
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--batch" -> batch = Long.parseLong(args[++i]);
                case "--dir" -> dir = Path.of(args[++i]);
                case "--help", "-h" -> {
                    System.out.print(USAGE);
                    return;
                }
                default -> {
                    if (args[i].startsWith("-") || report != null) {
                        System.err.print("WarehouseBenchmark: unknown argument " + args[i] + "\n" + USAGE);
                        System.exit(2);
                    }
                    report = Path.of(args[i]);
                }
            }
        }
        Files.createDirectories(dir);
        long started = System.nanoTime();
        WarehouseBenchmark benchmark = new WarehouseBenchmark(runs, batch, dir);
        Map<Long, SizeResult> results = new LinkedHashMap<>();
        for (long size : sizes) {
            results.put(size, benchmark.measure(size));
        }
        long seconds = (System.nanoTime() - started) / 1_000_000_000L;
        String markdown = benchmark.markdown(results, seconds);
        System.out.println(markdown);
        if (report != null) {
            write(report, markdown);
            System.out.println("Written to " + report);
        }
    }

    private SizeResult measure(long size) throws SQLException, IOException {
        Path file = dir.resolve("warehouse-" + size + ".duckdb");
        Files.deleteIfExists(file);
        Files.deleteIfExists(dir.resolve(file.getFileName() + ".wal"));
        System.err.printf("%,d events: generating...%n", size);
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:" + file)) {
            Dialect dialect = Dialect.DUCKDB;
            WarehouseSql sql = new WarehouseSql(setup, dialect);
            execute(db, sql.schema());
            execute(db, LegacyViews.create(setup, dialect));

            Instant start = NOW.minus(Duration.ofNanos(size * STEP_MICROS * 1000));
            long t0 = System.nanoTime();
            execute(
                    db,
                    List.of(SyntheticHistory.insert(
                            setup.streamingView(),
                            new SyntheticHistory.Slice(0, size, start, STEP_MICROS, null, 1, 200, 0))));
            double generateSeconds = seconds(t0);
            long records = single(db, "SELECT COUNT(*) FROM " + setup.streamingView());
            double jsonBytes = singleDouble(
                    db,
                    "SELECT AVG(strlen(CAST(payload AS VARCHAR))) FROM " + setup.streamingView()
                            + " WHERE sequence_number IS NOT NULL");

            String now = SyntheticHistory.timestamp(NOW);
            Map<String, List<List<Object>>> legacyRows = new LinkedHashMap<>();
            Map<String, Double> legacyMs = time(db, LegacyViews.UNIQUE, now, legacyRows, size);

            System.err.printf("%,d events: loading the history into %s...%n", size, setup.table());
            t0 = System.nanoTime();
            backfill(db, sql, dialect);
            double backfillSeconds = seconds(t0);
            execute(db, List.of("CHECKPOINT"));
            long storedBytes = single(db, "SELECT used_blocks * block_size FROM pragma_database_size()");

            Map<String, List<List<Object>>> newRows = new LinkedHashMap<>();
            Map<String, Double> newMs = time(db, setup.liveView(), now, newRows, size);
            for (String query : legacyRows.keySet()) {
                if (!sorted(legacyRows.get(query)).equals(sorted(newRows.get(query)))) {
                    throw new IllegalStateException("the designs disagree on \"" + query + "\": "
                            + legacyRows.get(query) + " against " + newRows.get(query));
                }
            }

            List<Double> loadMs = loads(db, sql, size, start);
            long rows = single(db, "SELECT COUNT(*) FROM " + setup.table());
            long ids = single(db, "SELECT COUNT(DISTINCT event_id) FROM " + setup.table());
            if (rows != ids || rows != size + runs * batch) {
                throw new IllegalStateException("the events table holds " + rows + " rows for " + ids
                        + " events; expected " + (size + runs * batch) + " once each");
            }
            return new SizeResult(
                    size, records, generateSeconds, backfillSeconds, legacyMs, newMs, loadMs, storedBytes, jsonBytes);
        }
    }

    /**
     * The history moves into the events table in time order, as minute-by-minute loads leave it; the events of the
     * last minute stay in the landing table. A cut by event time keeps every copy of an event on one side. The landing
     * table is then made again with the last minute alone: loads from the start would never have let it hold the
     * history, and DuckDB, unlike Redshift's automatic vacuum, would keep scanning past the deleted rows.
     */
    private void backfill(Connection db, WarehouseSql sql, Dialect dialect) throws SQLException {
        String cut = SyntheticHistory.timestamp(NOW.minus(UNLOADED));
        ViewColumn ts = setup.columns().stream()
                .filter(c -> c.name().equals("ts"))
                .findFirst()
                .orElseThrow();
        String columns = setup.columns().stream().map(ViewColumn::name).collect(Collectors.joining(", "));
        execute(
                db,
                List.of(
                        "INSERT INTO " + setup.table() + " (" + columns + ") SELECT " + columns + " FROM "
                                + setup.liveView() + " WHERE ts < " + cut + " ORDER BY ts",
                        "CREATE TEMP TABLE kinlog_tail AS SELECT "
                                + EventColumns.KINESIS.stream()
                                        .map(ViewColumn::name)
                                        .collect(Collectors.joining(", "))
                                + ", payload FROM " + LegacyViews.recordsAsEvents(setup) + " WHERE "
                                + dialect.read(ts) + " >= " + cut,
                        "DROP TABLE " + setup.streamingView(),
                        sql.createLanding(),
                        "INSERT INTO " + setup.streamingView() + " SELECT * FROM kinlog_tail",
                        "DROP TABLE kinlog_tail"));
    }

    /**
     * Loads a batch of new events, spread over a minute, with a copy of one in a hundred of the last hour's events
     * resent among them, {@code runs} times after one load that takes what the landing table held.
     */
    private List<Double> loads(Connection db, WarehouseSql sql, long size, Instant historyStart) throws SQLException {
        long lastHour = Duration.ofHours(1).toNanos() / 1000 / STEP_MICROS;
        List<Double> times = new ArrayList<>();
        for (int r = 0; r <= runs; r++) {
            Instant minute = NOW.plus(Duration.ofMinutes(r));
            Loader loader = new Loader(db, sql.design(), Clock.fixed(minute.plusSeconds(60), ZoneOffset.UTC));
            if (r == 0) {
                loader.load();
                continue;
            }
            long first = size + (r - 1) * batch;
            long stepMicros = 60_000_000L / batch;
            Instant start = minute.minus(Duration.ofNanos(first * stepMicros * 1000));
            execute(
                    db,
                    List.of(
                            SyntheticHistory.insert(
                                    setup.streamingView(),
                                    new SyntheticHistory.Slice(
                                            first, batch, start, stepMicros, null, 1, 0, r * SEQUENCES_PER_SLICE)),
                            SyntheticHistory.insert(
                                    setup.streamingView(),
                                    new SyntheticHistory.Slice(
                                            size - lastHour,
                                            lastHour,
                                            historyStart,
                                            STEP_MICROS,
                                            minute.plusSeconds(30),
                                            100,
                                            0,
                                            r * SEQUENCES_PER_SLICE + SEQUENCES_PER_SLICE / 2))));
            long resent = single(db, "SELECT COUNT(*) FROM " + setup.streamingView()) - batch;
            long t0 = System.nanoTime();
            Loader.Outcome outcome = loader.load();
            times.add(seconds(t0) * 1000);
            if (outcome.loaded() != batch || outcome.duplicates() != resent) {
                throw new IllegalStateException("load " + r + " loaded " + outcome.loaded() + " of " + batch
                        + " events and skipped " + outcome.duplicates() + " of " + resent + " copies");
            }
        }
        return times;
    }

    /**
     * Each query's median time over {@code runs} runs after one warm-up (one run when the warm-up took over
     * {@link #SLOW_SECONDS}); keeps its rows for comparison.
     */
    private Map<String, Double> time(
            Connection db, String events, String now, Map<String, List<List<Object>>> rows, long size)
            throws SQLException {
        Map<String, Double> medians = new LinkedHashMap<>();
        for (DashboardQueries.Query query : DashboardQueries.ALL) {
            String sql = query.on(events, now);
            long warmUp = System.nanoTime();
            rows.put(query.name(), rows(db, sql));
            // A query that takes seconds varies little between runs; one run is enough to compare it.
            int timedRuns = seconds(warmUp) > SLOW_SECONDS ? 1 : runs;
            List<Double> times = new ArrayList<>();
            for (int r = 0; r < timedRuns; r++) {
                long t0 = System.nanoTime();
                rows(db, sql);
                times.add(seconds(t0) * 1000);
            }
            medians.put(query.name(), median(times));
            System.err.printf("%,d events, %s, %s: %.1f ms%n", size, events, query.name(), median(times));
        }
        return medians;
    }

    private String markdown(Map<Long, SizeResult> results, long seconds) {
        List<Long> sizes = new ArrayList<>(results.keySet());
        long smallest = sizes.get(0);
        long largest = sizes.get(sizes.size() - 1);
        StringBuilder md = new StringBuilder();
        md.append("Measured on ")
                .append(LocalDate.now())
                .append(" by one run of\n\n```\nmvn -pl benchmarks -am package -DskipTests\n")
                .append("java -cp benchmarks/target/benchmarks.jar io.github.kinlog.benchmarks.WarehouseBenchmark")
                .append(" docs/warehouse.md\n```\n\nwhich took ")
                .append(seconds / 60)
                .append(" min ")
                .append(seconds % 60)
                .append(" s on ")
                .append(Report.machine())
                .append(", DuckDB ")
                .append(duckdbVersion())
                .append(". Medians of ")
                .append(runs)
                .append(" runs after a warm-up (one run where a query takes over ")
                .append((int) SLOW_SECONDS)
                .append(" s), in milliseconds; every query returned the same rows on both designs.")
                .append("\n\n### Dashboard queries\n\n| Query |");
        for (long size : sizes) {
            md.append(" 0.1 views, ").append(millions(size)).append(" |");
        }
        for (long size : sizes) {
            md.append(" live view, ").append(millions(size)).append(" |");
        }
        md.append(" live view, ")
                .append(millions(largest))
                .append(" ÷ ")
                .append(millions(smallest))
                .append(" | 0.1 ÷ live view, ")
                .append(millions(largest))
                .append(" |\n|---|");
        md.append("---:|".repeat(sizes.size() * 2 + 2)).append('\n');
        double worstGrowth = 0;
        double worstSpeedUp = Double.MAX_VALUE;
        for (DashboardQueries.Query query : DashboardQueries.ALL) {
            md.append("| ").append(query.name()).append(" |");
            for (long size : sizes) {
                md.append(String.format(" %,.0f |", results.get(size).legacyMs().get(query.name())));
            }
            for (long size : sizes) {
                md.append(String.format(" %,.1f |", results.get(size).newMs().get(query.name())));
            }
            double growth = results.get(largest).newMs().get(query.name())
                    / results.get(smallest).newMs().get(query.name());
            double speedUp = results.get(largest).legacyMs().get(query.name())
                    / results.get(largest).newMs().get(query.name());
            worstGrowth = Math.max(worstGrowth, growth);
            worstSpeedUp = Math.min(worstSpeedUp, speedUp);
            md.append(String.format(" %.2f | %,.0f |%n", growth, speedUp));
        }
        md.append("\n### Loading ")
                .append(String.format("%,d", batch))
                .append(" new events (and 1 in 100 of the last hour's events resent)\n\n| History |");
        for (long size : sizes) {
            md.append(' ').append(millions(size)).append(" |");
        }
        md.append("\n|---|").append("---:|".repeat(sizes.size())).append("\n| Load, ms (median) |");
        for (long size : sizes) {
            md.append(String.format(" %,.0f |", results.get(size).loadMedianMs()));
        }
        md.append("\n| Generating the history, s |");
        for (long size : sizes) {
            md.append(String.format(" %.0f |", results.get(size).generateSeconds()));
        }
        md.append("\n| Records in the landing table (copies included) |");
        for (long size : sizes) {
            md.append(String.format(" %,d |", results.get(size).records()));
        }
        md.append("\n| DuckDB storage in use after the history's load, bytes per event |");
        for (long size : sizes) {
            md.append(String.format(" %,.0f |", (double) results.get(size).storedBytes() / size));
        }
        md.append("\n| JSON per event as sent to Kinesis, bytes |");
        for (long size : sizes) {
            md.append(String.format(" %,.0f |", results.get(size).jsonBytesPerEvent()));
        }
        double slowestLoad = sizes.stream()
                .mapToDouble(s -> results.get(s).loadMedianMs())
                .max()
                .orElseThrow();
        double fastestLoad = sizes.stream()
                .mapToDouble(s -> results.get(s).loadMedianMs())
                .min()
                .orElseThrow();
        md.append("\n\n### Goals\n\n")
                .append(goal(
                        String.format(
                                "Each query at %s takes at most 2x its time at %s: the worst takes %.2fx.",
                                millions(largest), millions(smallest), worstGrowth),
                        worstGrowth <= 2))
                .append(goal(
                        String.format(
                                "Each query at %s takes at least 20x less than on the 0.1 views: the least is %.0fx.",
                                millions(largest), worstSpeedUp),
                        worstSpeedUp >= 20))
                .append(goal(
                        String.format(
                                "A load's time does not grow with history: the slowest is %.2fx the fastest.",
                                slowestLoad / fastestLoad),
                        slowestLoad / fastestLoad <= 2));
        return md.toString();
    }

    private static String goal(String text, boolean met) {
        return "- " + (met ? "Met. " : "NOT MET. ") + text + "\n";
    }

    private static String millions(long size) {
        return size % 1_000_000 == 0 ? size / 1_000_000 + " M" : String.format("%,d", size);
    }

    /** Replaces what lies between the markers, or appends the markers and the text. */
    private static void write(Path report, String markdown) throws IOException {
        String block = START_MARKER + "\n" + markdown + END_MARKER;
        String text = Files.exists(report) ? Files.readString(report, StandardCharsets.UTF_8) : "";
        int start = text.indexOf(START_MARKER);
        int end = text.indexOf(END_MARKER);
        String updated = start >= 0 && end > start
                ? text.substring(0, start) + block + text.substring(end + END_MARKER.length())
                : text + (text.isEmpty() ? "" : "\n") + block + "\n";
        Files.writeString(report, updated, StandardCharsets.UTF_8);
    }

    private static String duckdbVersion() {
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:")) {
            try (Statement s = db.createStatement();
                    ResultSet r = s.executeQuery("SELECT version()")) {
                r.next();
                return r.getString(1);
            }
        } catch (SQLException e) {
            return "(version unknown)";
        }
    }

    private static void execute(Connection db, List<String> statements) throws SQLException {
        try (Statement s = db.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }

    private static List<List<Object>> rows(Connection db, String sql) throws SQLException {
        List<List<Object>> rows = new ArrayList<>();
        try (Statement s = db.createStatement();
                ResultSet r = s.executeQuery(sql)) {
            ResultSetMetaData meta = r.getMetaData();
            while (r.next()) {
                List<Object> row = new ArrayList<>();
                for (int c = 1; c <= meta.getColumnCount(); c++) {
                    row.add(Objects.toString(r.getObject(c), null));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    /** The rows in a fixed order: equal rows may come in any order. */
    private static List<String> sorted(List<List<Object>> rows) {
        return rows.stream().map(Object::toString).sorted().toList();
    }

    private static long single(Connection db, String sql) throws SQLException {
        try (Statement s = db.createStatement();
                ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    private static double singleDouble(Connection db, String sql) throws SQLException {
        try (Statement s = db.createStatement();
                ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getDouble(1);
        }
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
