package io.github.kinlog.samples.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.kinlog.redshift.LoadStep;
import io.github.kinlog.redshift.RedshiftSetup;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The load of the warehouse design, run on the local warehouse: every event reaches the events table exactly once,
 * whatever arrives twice, late, at the wrong moment or not at all an event, and however a load is interrupted. DuckDB
 * always; PostgreSQL too with {@code -Dkinlog.warehouse.postgres=jdbc:postgresql://...} (an empty database).
 */
class LoaderTest {
    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
    private static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'");

    @TempDir
    Path dir;

    static Stream<String> databases() {
        String postgres = System.getProperty("kinlog.warehouse.postgres", "");
        return postgres.isEmpty() ? Stream.of("duckdb") : Stream.of("duckdb", postgres);
    }

    /** One warehouse, its landing table filled by hand as the streaming view would be. */
    private final class Warehouse implements AutoCloseable {
        final String url;
        final RedshiftSetup setup;
        final List<Connection> connections = new ArrayList<>();
        final AtomicLong sequence = new AtomicLong(1_000);
        final AtomicLong loads = new AtomicLong();

        Warehouse(String database, RedshiftSetup setup) throws SQLException {
            this.url = database.equals("duckdb") ? "jdbc:duckdb:" + dir.resolve("warehouse.duckdb") : database;
            this.setup = setup;
            Connection db = connect();
            LocalWarehouse.drop(db, setup);
            try (Statement s = db.createStatement()) {
                for (String sql : sql().schema()) {
                    s.execute(sql);
                }
            }
        }

        Warehouse(String database) throws SQLException {
            this(database, RedshiftSetup.builder().streamName("s").build());
        }

        WarehouseSql sql() {
            return new WarehouseSql(setup, Dialect.of(url));
        }

        Connection connect() throws SQLException {
            Connection db = DriverManager.getConnection(url, "postgres", "postgres");
            connections.add(db);
            return db;
        }

        Loader loader(Connection db, Instant now) {
            return new Loader(db, sql().design(), Clock.fixed(now, ZoneOffset.UTC));
        }

        /** A load at NOW, a second later than the last one, so the log's rows keep their order. */
        Loader.Outcome load() throws SQLException {
            return loader(connect(), NOW.plusSeconds(loads.getAndIncrement())).load();
        }

        /** A record the stream delivered, with its arrival time, on shard 1 by default. */
        void arrive(String json, Instant arrival) throws SQLException {
            arrive(connect(), json, arrival);
        }

        void arrive(Connection db, String json, Instant arrival) throws SQLException {
            boolean autoCommit = db.getAutoCommit();
            db.setAutoCommit(true);
            try (PreparedStatement insert = db.prepareStatement(sql().insertRecord())) {
                insert.setObject(1, LocalDateTime.ofInstant(arrival, ZoneOffset.UTC));
                insert.setString(2, "key");
                insert.setString(3, "shardId-000000000001");
                insert.setString(4, Long.toString(sequence.incrementAndGet()));
                insert.setObject(5, LocalDateTime.ofInstant(arrival, ZoneOffset.UTC));
                insert.setString(6, json);
                insert.executeUpdate();
            } finally {
                db.setAutoCommit(autoCommit);
            }
        }

        void arrive(String id, Instant ts, Instant arrival) throws SQLException {
            arrive(event(id, ts), arrival);
        }

        long count(String sql) throws SQLException {
            try (Statement s = connect().createStatement();
                    ResultSet r = s.executeQuery(sql)) {
                r.next();
                return r.getLong(1);
            }
        }

        long landing() throws SQLException {
            return count("SELECT COUNT(*) FROM " + setup.streamingView());
        }

        /** How many rows the events table holds for each event_id. */
        Map<String, Long> copiesById(String table) throws SQLException {
            Map<String, Long> copies = new LinkedHashMap<>();
            try (Statement s = connect().createStatement();
                    ResultSet r = s.executeQuery(
                            "SELECT event_id, COUNT(*) FROM " + table + " GROUP BY event_id ORDER BY event_id")) {
                while (r.next()) {
                    copies.put(r.getString(1), r.getLong(2));
                }
            }
            return copies;
        }

        /** The events table holds exactly these events, once each. */
        void holdsOnce(String... ids) throws SQLException {
            Map<String, Long> expected = new LinkedHashMap<>();
            for (String id : ids) {
                expected.put(id, 1L);
            }
            assertThat(copiesById(setup.table())).isEqualTo(expected);
        }

        /**
         * The load log's rows, oldest first: records, events found, records skipped, events loaded, duplicates
         * skipped, events expired.
         */
        List<List<Long>> log() throws SQLException {
            List<List<Long>> rows = new ArrayList<>();
            try (Statement s = connect().createStatement();
                    ResultSet r = s.executeQuery("SELECT records, events_found, records_skipped, events_loaded,"
                            + " duplicates_skipped, events_expired FROM " + setup.loadLog()
                            + " ORDER BY load_started")) {
                while (r.next()) {
                    List<Long> row = new ArrayList<>();
                    for (int column = 1; column <= 6; column++) {
                        row.add(r.getLong(column));
                    }
                    rows.add(row);
                }
            }
            return rows;
        }

        /** The message the events table holds for an event. */
        String message(String id) throws SQLException {
            try (PreparedStatement query =
                    connect().prepareStatement("SELECT message FROM " + setup.table() + " WHERE event_id = ?")) {
                query.setString(1, id);
                try (ResultSet r = query.executeQuery()) {
                    assertThat(r.next()).as("no row for %s", id).isTrue();
                    return r.getString(1);
                }
            }
        }

        @Override
        public void close() throws SQLException {
            for (Connection db : connections) {
                db.close();
            }
        }
    }

    private static String event(String id, Instant ts) {
        return "{\"ts\":\"" + TS.format(ts.atOffset(ZoneOffset.UTC)) + "\",\"level\":\"INFO\",\"logger\":\"l\","
                + "\"thread\":\"t\",\"message\":\"m " + id + "\",\"host\":\"h\",\"pid\":1,\"seq\":1,\"event_id\":\""
                + id
                + "\",\"schema_version\":1,\"mdc\":{\"page\":\"/p\"}}";
    }

    /** A packed record: the events as a JSON array, as a packing producer sends them. */
    private static String pack(String... events) {
        return "[" + String.join(",", events) + "]";
    }

    /** A copy of an event whose message says it is the copy. */
    private static String resent(String event) {
        return event.replaceFirst("\"message\":\"[^\"]*\"", "\"message\":\"resent\"");
    }

    private static Instant ago(Duration duration) {
        return NOW.minus(duration);
    }

    @ParameterizedTest
    @MethodSource("databases")
    void copiesOfAnEventInOneBatchAndAcrossLoadsLeaveOneRow(String database) throws SQLException {
        try (Warehouse w = new Warehouse(database)) {
            Instant ts = ago(Duration.ofMinutes(2));
            for (String id : List.of("e1", "e2", "e3")) {
                w.arrive(id, ts, ago(Duration.ofSeconds(70)));
            }
            // A resend of e2 in the same batch: the earliest copy is the one kept.
            w.arrive(event("e2", ts).replace("m e2", "resent"), ago(Duration.ofSeconds(60)));

            Loader.Outcome first = w.load();
            assertThat(first.records()).isEqualTo(4);
            assertThat(first.loaded()).isEqualTo(3);
            assertThat(first.duplicates()).isEqualTo(1);
            assertThat(w.count("SELECT COUNT(*) FROM kinlog_events WHERE message = 'resent'"))
                    .isZero();

            // e1 again in the next batch, after it was loaded, and a new event.
            w.arrive("e1", ts, ago(Duration.ofSeconds(30)));
            w.arrive("e4", ts, ago(Duration.ofSeconds(30)));
            Loader.Outcome second = w.load();
            assertThat(second.loaded()).isEqualTo(1);
            assertThat(second.duplicates()).isEqualTo(1);

            w.holdsOnce("e1", "e2", "e3", "e4");
            assertThat(w.landing()).isZero();
            assertThat(w.log()).containsExactly(List.of(4L, 4L, 0L, 3L, 1L, 0L), List.of(2L, 2L, 0L, 1L, 1L, 0L));
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void anEventArrivingHoursAfterItsTimeIsLoadedOnceAndItsLateCopySkipped(String database) throws SQLException {
        try (Warehouse w = new Warehouse(database)) {
            Instant ts = ago(Duration.ofHours(6));
            w.arrive("late", ts, ago(Duration.ofHours(5)));
            w.arrive("recent", ago(Duration.ofMinutes(1)), ago(Duration.ofMinutes(1)));
            assertThat(w.load().loaded()).isEqualTo(2);

            // A copy five hours later (a producer that retried after a long outage), and an event six hours old
            // arriving now: the check against the table reads the batch's time range, which reaches back to both.
            w.arrive("late", ts, ago(Duration.ofSeconds(5)));
            w.arrive("old", ago(Duration.ofHours(7)), ago(Duration.ofSeconds(5)));
            Loader.Outcome second = w.load();
            assertThat(second.loaded()).isEqualTo(1);
            assertThat(second.duplicates()).isEqualTo(1);
            w.holdsOnce("late", "old", "recent");
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void recordsThatAreNotKinlogEventsAreCountedAndLeaveTheLandingTable(String database) throws SQLException {
        try (Warehouse w = new Warehouse(database)) {
            Instant arrival = ago(Duration.ofSeconds(10));
            w.arrive("e1", ago(Duration.ofSeconds(11)), arrival);
            w.arrive("{\"message\":\"another producer's JSON\"}", arrival);
            w.arrive("{\"event_id\":\"no-ts\",\"message\":\"m\"}", arrival);
            w.arrive("{\"event_id\":\"bad-ts\",\"ts\":\"yesterday\"}", arrival);
            w.arrive("[1,2,3]", arrival);
            w.arrive("\"just a string\"", arrival);

            Loader.Outcome load = w.load();
            assertThat(load.records()).isEqualTo(6);
            assertThat(load.skipped()).isEqualTo(5);
            assertThat(load.loaded()).isEqualTo(1);
            assertThat(load.duplicates()).isZero();
            w.holdsOnce("e1");
            // Kept, they would be read by every load and every dashboard query for ever.
            assertThat(w.landing()).isZero();
            assertThat(w.log()).containsExactly(List.of(6L, 1L, 5L, 1L, 0L, 0L));
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aStreamMixingPackedAndSingleRecordsLoadsEveryEventOnceWithItsOwnFields(String database) throws SQLException {
        try (Warehouse w = new Warehouse(database)) {
            Instant ts = ago(Duration.ofMinutes(1));
            Instant arrival = ago(Duration.ofSeconds(30));
            w.arrive(event("e1", ts), arrival);
            w.arrive(pack(event("e2", ts), event("e3", ts), event("e4", ts)), arrival);
            w.arrive(event("e5", ts), arrival);
            // What a packing producer sends when a pack holds one event; an array of one is read the same.
            w.arrive(pack(event("e6", ts)), arrival);

            assertThat(w.copiesById(w.setup.liveView()))
                    .isEqualTo(Map.of("e1", 1L, "e2", 1L, "e3", 1L, "e4", 1L, "e5", 1L, "e6", 1L));
            Loader.Outcome load = w.load();
            assertThat(load.records()).isEqualTo(4);
            assertThat(load.events()).isEqualTo(6);
            assertThat(load.loaded()).isEqualTo(6);
            w.holdsOnce("e1", "e2", "e3", "e4", "e5", "e6");
            // Each row is typed from its own element, not from the record around it.
            assertThat(w.message("e3")).isEqualTo("m e3");
            assertThat(w.count("SELECT COUNT(*) FROM kinlog_events WHERE shard_id IS NULL OR mdc IS NULL"))
                    .isZero();
            assertThat(w.landing()).isZero();
            assertThat(w.log()).containsExactly(List.of(4L, 6L, 0L, 6L, 0L, 0L));
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void eventsResentInAnotherPackingLandOnceTheEarliestCopyKept(String database) throws SQLException {
        try (Warehouse w = new Warehouse(database)) {
            Instant ts = ago(Duration.ofMinutes(2));
            w.arrive(pack(event("a", ts), event("b", ts)), ago(Duration.ofSeconds(70)));
            // The same events resent the other way round, and an event twice in one pack.
            w.arrive(pack(resent(event("b", ts)), resent(event("a", ts))), ago(Duration.ofSeconds(60)));
            w.arrive(pack(event("c", ts), resent(event("c", ts))), ago(Duration.ofSeconds(60)));

            Loader.Outcome first = w.load();
            assertThat(first.records()).isEqualTo(3);
            assertThat(first.events()).isEqualTo(6);
            assertThat(first.loaded()).isEqualTo(3);
            assertThat(first.duplicates()).isEqualTo(3);
            w.holdsOnce("a", "b", "c");
            assertThat(w.count("SELECT COUNT(*) FROM kinlog_events WHERE message = 'resent'"))
                    .as("the earliest copy, by arrival and then by place in the pack")
                    .isZero();

            // After the load: repacked copies of loaded events, with a new one among them.
            w.arrive(pack(event("a", ts)), ago(Duration.ofSeconds(10)));
            w.arrive(pack(event("b", ts), event("d", ts), event("c", ts)), ago(Duration.ofSeconds(10)));
            Loader.Outcome second = w.load();
            assertThat(second.loaded()).isEqualTo(1);
            assertThat(second.duplicates()).isEqualTo(3);
            w.holdsOnce("a", "b", "c", "d");
            assertThat(w.log()).containsExactly(List.of(3L, 6L, 0L, 3L, 3L, 0L), List.of(2L, 4L, 0L, 1L, 3L, 0L));
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aPackedRecordKeepsItsEventsWhateverElseItHoldsAndRecordsWithNoEventAreSkipped(String database)
            throws SQLException {
        try (Warehouse w = new Warehouse(database)) {
            Instant ts = ago(Duration.ofMinutes(1));
            Instant arrival = ago(Duration.ofSeconds(10));
            // Elements that are not events among events: the events load, the rest is left out.
            w.arrive(
                    pack(
                            event("e1", ts),
                            "{\"message\":\"not an event\"}",
                            "42",
                            "{\"event_id\":\"bad-ts\",\"ts\":\"yesterday\"}",
                            "[" + event("nested", ts) + "]",
                            "null",
                            event("e2", ts)),
                    arrival);
            // Records holding no event at all.
            w.arrive("[]", arrival);
            w.arrive(pack(pack(event("nested-only", ts))), arrival);
            w.arrive(pack("{\"message\":\"another producer's JSON\"}"), arrival);
            w.arrive("{\"message\":\"another producer's JSON\"}", arrival);
            w.arrive("\"just a string\"", arrival);

            Loader.Outcome load = w.load();
            assertThat(load.records()).isEqualTo(6);
            assertThat(load.events()).isEqualTo(2);
            assertThat(load.skipped()).isEqualTo(5);
            assertThat(load.loaded()).isEqualTo(2);
            assertThat(load.duplicates()).isZero();
            w.holdsOnce("e1", "e2");
            assertThat(w.landing()).isZero();
            assertThat(w.log()).containsExactly(List.of(6L, 2L, 5L, 2L, 0L, 0L));
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aLoadStoppedAfterAnyStepChangesNothingAndTheNextLoadsEachEventOnce(String database) throws SQLException {
        int steps;
        try (Warehouse w = new Warehouse(database)) {
            steps = w.loader(w.connect(), NOW).steps().size();
        }
        for (int stop = 0; stop < steps; stop++) {
            try (Warehouse w = new Warehouse(database)) {
                Instant ts = ago(Duration.ofMinutes(3));
                w.arrive("e1", ts, ago(Duration.ofMinutes(2)));
                w.arrive("e2", ts, ago(Duration.ofMinutes(2)));
                w.load();
                w.arrive("e2", ts, ago(Duration.ofMinutes(1)));
                w.arrive("e3", ts, ago(Duration.ofMinutes(1)));
                w.arrive("e3", ts, ago(Duration.ofMinutes(1)));
                w.arrive("{\"not\":\"an event\"}", ago(Duration.ofMinutes(1)));

                // Killed: the connection goes away in the middle of the transaction.
                Connection doomed = w.connect();
                int last = stop;
                assertThatThrownBy(() -> w.loader(doomed, NOW).load((index, step) -> {
                            if (index == last) {
                                doomed.close();
                                throw new SQLException("killed after step " + index + ": " + step.purpose());
                            }
                        }))
                        .as("stopped after step %d", stop)
                        .hasMessageContaining("killed");

                assertThat(w.landing())
                        .as("landing after a stop at step %d", stop)
                        .isEqualTo(4);
                w.holdsOnce("e1", "e2");
                assertThat(w.log()).hasSize(1);

                Loader.Outcome rerun = w.load();
                assertThat(rerun.loaded())
                        .as("rerun after a stop at step %d", stop)
                        .isEqualTo(1);
                assertThat(rerun.duplicates()).isEqualTo(2);
                assertThat(rerun.skipped()).isEqualTo(1);
                w.holdsOnce("e1", "e2", "e3");
                assertThat(w.landing()).isZero();
            }
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void twoLoadsAtOnceLoadEachEventOnce(String database) throws Exception {
        try (Warehouse w = new Warehouse(database)) {
            Instant ts = ago(Duration.ofMinutes(1));
            for (int i = 0; i < 50; i++) {
                w.arrive("e" + i, ts, ago(Duration.ofSeconds(30)));
            }
            Connection first = w.connect();
            Connection second = w.connect();
            int afterBatch = stepAfterTheBatchIsTyped(w.loader(first, NOW));
            CountDownLatch firstHasItsBatch = new CountDownLatch(1);
            CountDownLatch secondIsDone = new CountDownLatch(1);
            // The first load takes its batch, then waits while the second runs (or waits for it, where a lock
            // keeps them apart); then it goes on.
            CompletableFuture<Loader.Outcome> firstLoad = CompletableFuture.supplyAsync(() -> {
                try {
                    return w.loader(first, NOW).load((index, step) -> {
                        if (index == afterBatch) {
                            firstHasItsBatch.countDown();
                            awaitTheOther(w, secondIsDone);
                        }
                    });
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            assertThat(firstHasItsBatch.await(60, TimeUnit.SECONDS)).isTrue();
            CompletableFuture<Loader.Outcome> secondLoad = CompletableFuture.supplyAsync(() -> {
                try {
                    return w.loader(second, NOW).load();
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                } finally {
                    secondIsDone.countDown();
                }
            });

            Map<String, Object> outcomes = new HashMap<>();
            for (Map.Entry<String, CompletableFuture<Loader.Outcome>> load :
                    Map.of("first", firstLoad, "second", secondLoad).entrySet()) {
                try {
                    outcomes.put(load.getKey(), load.getValue().get(120, TimeUnit.SECONDS));
                } catch (java.util.concurrent.ExecutionException e) {
                    // The database aborted one of two conflicting writers: it changed nothing, and runs again.
                    outcomes.put(load.getKey(), e.getCause());
                }
            }
            // One load took the batch; the other found it gone (it waited for the lock) or was aborted.
            assertThat(outcomes.values())
                    .as("%s", outcomes)
                    .filteredOn(o -> o instanceof Loader.Outcome outcome && outcome.loaded() == 50)
                    .hasSize(1);
            assertThat(outcomes.values())
                    .as("%s", outcomes)
                    .filteredOn(o ->
                            o instanceof Throwable || (o instanceof Loader.Outcome outcome && outcome.records() == 0))
                    .hasSize(1);
            Loader.Outcome again = w.load();
            assertThat(again.records()).isZero();
            w.holdsOnce(ids(50));
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void recordsArrivingDuringALoadWaitInTheLandingTableForTheNext(String database) throws SQLException {
        try (Warehouse w = new Warehouse(database)) {
            Instant ts = ago(Duration.ofMinutes(1));
            w.arrive("e1", ts, ago(Duration.ofSeconds(30)));
            Connection refresh = w.connect();
            Connection db = w.connect();
            Loader loader = w.loader(db, NOW);
            int afterBatch = stepAfterTheBatchIsTyped(loader);
            Loader.Outcome first = loader.load((index, step) -> {
                if (index == afterBatch) {
                    // The streaming view's refresh commits while the load runs.
                    w.arrive(refresh, event("e2", ts), ago(Duration.ofSeconds(1)));
                }
            });
            assertThat(first.loaded()).isEqualTo(1);
            assertThat(w.landing()).isEqualTo(1);
            assertThat(w.load().loaded()).isEqualTo(1);
            w.holdsOnce("e1", "e2");
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void retentionDeletesExactlyTheEventsOlderThanItsDays(String database) throws SQLException {
        RedshiftSetup setup =
                RedshiftSetup.builder().streamName("s").retentionDays(30).build();
        try (Warehouse w = new Warehouse(database, setup)) {
            Instant tenDaysAgo = ago(Duration.ofDays(10));
            Instant limit = NOW.minus(Duration.ofDays(30));
            w.arrive("expired", limit.minusSeconds(1), tenDaysAgo);
            w.arrive("kept", limit.plusSeconds(1), tenDaysAgo);
            w.arrive("recent", tenDaysAgo, tenDaysAgo);
            Loader.Outcome tenDaysEarlier = w.loader(w.connect(), tenDaysAgo).load();
            assertThat(tenDaysEarlier.loaded()).isEqualTo(3);
            assertThat(tenDaysEarlier.expired()).isZero();

            w.arrive("new", NOW, NOW);
            Loader.Outcome now = w.load();
            assertThat(now.loaded()).isEqualTo(1);
            assertThat(now.expired()).isEqualTo(1);
            w.holdsOnce("kept", "new", "recent");
            assertThat(w.log().get(1)).isEqualTo(List.of(1L, 1L, 0L, 1L, 0L, 1L));
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void theLiveViewShowsLoadedAndArrivedEvents(String database) throws SQLException {
        try (Warehouse w = new Warehouse(database)) {
            Instant ts = ago(Duration.ofMinutes(1));
            w.arrive("e1", ts, ago(Duration.ofSeconds(50)));
            w.load();
            w.arrive("e2", ts, ago(Duration.ofSeconds(5)));
            w.arrive("e2", ts, ago(Duration.ofSeconds(4)));
            w.arrive(pack(event("e3", ts), event("e2", ts), event("e3", ts)), ago(Duration.ofSeconds(4)));
            w.arrive("{\"message\":\"not an event\"}", ago(Duration.ofSeconds(4)));
            Map<String, Long> live = w.copiesById(w.setup.liveView());
            assertThat(live).isEqualTo(Map.of("e1", 1L, "e2", 1L, "e3", 1L));
        }
    }

    /** The index of the step that types the batch: from there on, the load holds its records. */
    private static int stepAfterTheBatchIsTyped(Loader loader) {
        List<LoadStep> steps = loader.steps();
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i) instanceof LoadStep.Run run
                    && run.sql().startsWith("CREATE TEMP TABLE kinlog_batch_events")) {
                return i;
            }
        }
        throw new AssertionError("no step types the batch: " + steps);
    }

    /** Until the other load has finished, or (where a lock keeps loads apart) waits for the lock. */
    private static void awaitTheOther(Warehouse w, CountDownLatch otherIsDone) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        try {
            while (!otherIsDone.await(50, TimeUnit.MILLISECONDS) && System.nanoTime() < deadline) {
                if (w.url.startsWith("jdbc:postgresql:")
                        && w.count("SELECT COUNT(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'") > 0) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String[] ids(int count) {
        String[] ids = new String[count];
        for (int i = 0; i < count; i++) {
            ids[i] = "e" + i;
        }
        java.util.Arrays.sort(ids);
        return ids;
    }
}
