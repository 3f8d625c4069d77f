package io.github.kinlog.samples.warehouse;

import io.github.kinlog.local.CommandLine;
import io.github.kinlog.redshift.RedshiftSetup;
import io.github.kinlog.samples.webshop.WebShop;
import io.github.kinlog.testsupport.KinesisEndpoint;
import io.github.kinlog.testsupport.KinesisMockServer;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.logging.log4j.LogManager;

/**
 * The end-to-end demo: a local Kinesis endpoint, the web shop logging through the Log4j2 appender, the local
 * warehouse following the stream and loading it into the events table every few seconds, and a dashboard refreshing
 * in the terminal. Ends with a summary that checks events logged = rows in the events table, one per event.
 */
public final class Demo {
    static final String STREAM = "webshop-logs";

    static final String USAGE = """
            Usage: ./demo.sh [--seconds N] [--rate EVENTS_PER_SECOND] [--shards N] [--jdbc URL] [--record-format F]

            A web shop logs through Kinlog's Log4j2 appender into a local Kinesis endpoint; a local warehouse follows
            the stream the way Redshift streaming ingestion does and loads it into a typed events table every 5 s,
            the way the generated kinlog_load procedure does; a dashboard refreshes while the shop runs.
              --seconds N      how long the shop runs (default 30)
              --rate N         events per second the shop logs (default 50)
              --shards N       shards of the demo's stream (default 2)
              --jdbc URL       the warehouse (default a DuckDB file; jdbc:postgresql://... works too)
              --record-format F  single (default) or packed: several events per Kinesis record, which the
                               warehouse unnests; the shop then takes random partition keys, which pack
                               freely (its per-shopper keys would barely pack)
              --help           print this text
            """;

    /** The demo's settings: how long and how fast the shop runs, and where files go. */
    record Options(
            int seconds, int eventsPerSecond, int shards, Path dir, String jdbcUrl, boolean live, String recordFormat) {
        static Options parse(String[] args) {
            CommandLine line =
                    CommandLine.parse(args, Set.of("--seconds", "--rate", "--shards", "--jdbc", "--record-format"));
            String recordFormat = line.text("--record-format", "single");
            if (!Set.of("single", "packed").contains(recordFormat)) {
                throw new IllegalArgumentException(
                        "--record-format takes single or packed, not '" + recordFormat + "'");
            }
            Path dir = Path.of(System.getProperty("kinlog.demo.dir", "target/demo"));
            String jdbc = line.text(
                    "--jdbc",
                    System.getProperty(
                            "kinlog.demo.jdbc",
                            "jdbc:duckdb:" + dir.toAbsolutePath().resolve("warehouse.duckdb")));
            return new Options(
                    line.positive("--seconds", 30),
                    line.positive("--rate", 50),
                    line.positive("--shards", 2),
                    dir,
                    jdbc,
                    System.console() != null,
                    recordFormat);
        }
    }

    /** How often the demo loads what has arrived into the events table (Redshift's schedule runs every minute). */
    static final Duration LOAD_EVERY = Duration.ofSeconds(5);

    /** The outcome, for the summary and for tests. */
    record Result(
            long logged,
            long rows,
            long distinctIds,
            boolean seqComplete,
            long loads,
            long recordsLoaded,
            long eventsFound,
            long duplicatesSkipped,
            long landingLeft,
            Dashboard.Snapshot last,
            long orders,
            long paymentFailures) {
        /** Every event logged is in the events table once, and the landing table has given up every record. */
        boolean matches() {
            return logged == rows && rows == distinctIds && seqComplete && landingLeft == 0;
        }
    }

    /** The warehouse the demo builds: the Redshift defaults, with the shop's page and user promoted to columns. */
    static RedshiftSetup views() {
        return RedshiftSetup.builder()
                .streamName(STREAM)
                .promote("page=mdc.page:varchar(64)")
                .promote("user_id=mdc.user_id:varchar(64)")
                .build();
    }

    public static void main(String[] args) throws Exception {
        Options options = CommandLine.optionsOrExit("demo", USAGE, args, Options::parse);
        AtomicBoolean exiting = new AtomicBoolean();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> exiting.set(true), "demo-exit"));
        try {
            Result result = run(options, System.out);
            System.exit(result.matches() ? 0 : 1);
        } catch (Exception e) {
            if (!exiting.get()) {
                throw e;
            }
            // Ctrl-C: the local endpoint is gone, so what the demo was doing failed; nothing to explain.
            System.err.println("demo: stopped.");
        }
    }

    static Result run(Options options, PrintStream out) throws Exception {
        Files.createDirectories(options.dir());
        out.println("[1/4] Starting the local Kinesis endpoint (kinesis-mock; the first run installs it with npm)...");
        try (KinesisMockServer server = KinesisMockServer.start(options.dir().resolve("kinesis-mock"), 0);
                KinesisEndpoint kinesis = pointTheShopAt(server, options.recordFormat());
                Connection db = DriverManager.getConnection(options.jdbcUrl())) {
            // A new stream each run: start the warehouse afresh too.
            LocalWarehouse.drop(db, views());
            out.println("      " + server.endpoint() + " (kinesis-mock " + server.version() + ")");
            out.println("[2/4] Creating stream " + STREAM + " with " + options.shards() + " shards...");
            kinesis.createStream(STREAM, options.shards());
            LocalWarehouse warehouse = new LocalWarehouse(kinesis.client(), STREAM, db, views());
            Loader loader = warehouse.loader(Clock.systemUTC());
            Dashboard dashboard = new Dashboard(db, views().liveView());

            out.println("[3/4] Running the web shop for " + options.seconds() + " s at " + options.eventsPerSecond()
                    + " events/s; the warehouse follows the stream...");
            WebShop shop = new WebShop(42);
            Thread shopThread = new Thread(
                    () -> shop.run(options.eventsPerSecond(), Duration.ofSeconds(options.seconds())), "webshop");
            shopThread.start();
            long lastDraw = 0;
            long lastLoad = System.nanoTime();
            while (shopThread.isAlive()) {
                warehouse.poll();
                if (System.nanoTime() - lastLoad > LOAD_EVERY.toNanos()) {
                    loader.load();
                    lastLoad = System.nanoTime();
                }
                if (options.live() && System.nanoTime() - lastDraw > 2_000_000_000L) {
                    draw(out, options, dashboard.render(dashboard.read(), shop.logged(), "shop running"));
                    lastDraw = System.nanoTime();
                } else if (!options.live() && System.nanoTime() - lastDraw > 10_000_000_000L) {
                    // Not a terminal: a line now and then instead of a dashboard every two seconds.
                    out.printf("      %,d events logged, %,d queryable%n", shop.logged(), dashboard.events());
                    lastDraw = System.nanoTime();
                }
                Thread.sleep(300);
            }
            out.println("[4/4] Shop stopped; sending what is buffered and waiting for the warehouse to catch up...");
            LogManager.shutdown();
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            long rows = 0;
            while (System.nanoTime() < deadline) {
                warehouse.poll();
                // Only the count: the whole dashboard is drawn once, below.
                rows = dashboard.events();
                if (rows >= shop.logged()) {
                    break;
                }
                Thread.sleep(300);
            }
            loader.load();
            Dashboard.Snapshot last = dashboard.read();
            draw(out, options, dashboard.render(last, shop.logged(), "done"));
            Result result = summary(db, shop, last);
            RedshiftSetup setup = views();
            out.printf(
                    "%nSummary: events logged %,d; %s holds %,d rows, one per event_id, seq 1..%d %s;"
                            + "%n%,d loads took %,d records holding %,d events (%,d duplicates skipped), %,d left in"
                            + " %s.%n%s%n",
                    result.logged(),
                    setup.table(),
                    result.rows(),
                    result.logged(),
                    result.seqComplete() ? "complete" : "INCOMPLETE",
                    result.loads(),
                    result.recordsLoaded(),
                    result.eventsFound(),
                    result.duplicatesSkipped(),
                    result.landingLeft(),
                    setup.streamingView(),
                    result.matches() ? "OK: every event logged is queryable exactly once." : "MISMATCH: see above.");
            out.println("The warehouse stays in " + options.jdbcUrl().replaceAll("password=[^&;]*", "password=***")
                    + " (table " + setup.table() + ", view " + setup.liveView() + ", load log " + setup.loadLog()
                    + "); the local endpoint is stopped.");
            return result;
        }
    }

    /**
     * Points the shop's log4j2.xml at the local endpoint. Before anything logs: Log4j2 reads these properties when it
     * first configures itself, and the AWS SDK's first client already logs through SLF4J into it.
     */
    private static KinesisEndpoint pointTheShopAt(KinesisMockServer server, String recordFormat) {
        System.setProperty("kinlog.endpoint", server.endpoint().toString());
        System.setProperty("kinlog.recordFormat", recordFormat);
        if (recordFormat.equals("packed")) {
            // One key per shopper packs only a shopper's events of one request: next to nothing at the demo's rate.
            System.setProperty("kinlog.partitionKey", "random");
        }
        System.setProperty("kinlog.stream", STREAM);
        System.setProperty("kinlog.region", KinesisEndpoint.EMULATOR_REGION.id());
        System.setProperty("kinlog.consoleLevel", "off");
        // Bounds how long Ctrl-C waits for the appender, which cannot send once the endpoint is stopped.
        System.setProperty("kinlog.shutdownTimeoutMs", "5000");
        KinesisEndpoint endpoint = KinesisEndpoint.of(server);
        // For the whole run, not just the try block: the appender may still send while the JVM exits after Ctrl-C.
        endpoint.exportCredentials();
        return endpoint;
    }

    private static Result summary(Connection db, WebShop shop, Dashboard.Snapshot last) throws SQLException {
        RedshiftSetup setup = views();
        try (Statement s = db.createStatement();
                ResultSet r = s.executeQuery("SELECT COUNT(*), COUNT(DISTINCT event_id), MIN(seq), MAX(seq),"
                        + " COUNT(DISTINCT seq),"
                        + " (SELECT COUNT(*) FROM " + setup.loadLog() + "),"
                        + " (SELECT SUM(records) FROM " + setup.loadLog() + "),"
                        + " (SELECT SUM(events_found) FROM " + setup.loadLog() + "),"
                        + " (SELECT SUM(duplicates_skipped) FROM " + setup.loadLog() + "),"
                        + " (SELECT COUNT(*) FROM " + setup.streamingView() + ")"
                        + " FROM " + setup.table())) {
            r.next();
            long rows = r.getLong(1);
            boolean seqComplete = rows == 0 || (r.getLong(3) == 1 && r.getLong(4) == rows && r.getLong(5) == rows);
            return new Result(
                    shop.logged(),
                    rows,
                    r.getLong(2),
                    seqComplete,
                    r.getLong(6),
                    r.getLong(7),
                    r.getLong(8),
                    r.getLong(9),
                    r.getLong(10),
                    last,
                    shop.logged(WebShop.Action.ORDER),
                    shop.logged(WebShop.Action.PAYMENT_FAILURE));
        }
    }

    private static void draw(PrintStream out, Options options, String screen) {
        if (options.live()) {
            out.print("\033[H\033[2J");
        }
        // The screen ends with its own line break.
        out.print(screen);
    }
}
