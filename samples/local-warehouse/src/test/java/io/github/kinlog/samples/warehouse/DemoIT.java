package io.github.kinlog.samples.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The demo in a short mode: every event the shop logged is in the events table exactly once, through the load, and
 * the dashboard agrees.
 */
class DemoIT {
    /** DuckDB by default; -Dkinlog.demo.jdbc=jdbc:postgresql://... runs the same test on PostgreSQL. */
    private static String jdbcUrl() {
        return System.getProperty(
                "kinlog.demo.jdbc",
                "jdbc:duckdb:"
                        + Path.of("target", "demo-it", "warehouse.duckdb").toAbsolutePath());
    }

    /**
     * With packed records: the README's demo command (one event per record) runs in docs-check, so this covers the
     * other format without a second run.
     */
    @Test
    void theWarehouseHoldsExactlyTheEventsTheShopLoggedInPackedRecords() throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        Demo.Result result = Demo.run(
                new Demo.Options(6, 40, 2, Path.of("target", "demo-it"), jdbcUrl(), false, "packed"),
                new PrintStream(printed, true, StandardCharsets.UTF_8));
        String output = printed.toString(StandardCharsets.UTF_8);

        assertThat(result.logged()).as(output).isGreaterThan(150);
        // One row per event_id, as many as logged, and the appender's seq runs 1..N without a gap.
        assertThat(result.rows()).as(output).isEqualTo(result.logged());
        assertThat(result.distinctIds()).isEqualTo(result.logged());
        assertThat(result.seqComplete()).isTrue();
        // Loaded on the timer while the shop ran and once at the end, leaving the landing table empty.
        assertThat(result.loads()).as(output).isGreaterThanOrEqualTo(2);
        // Every event found was loaded once or skipped as a copy, however many events a record held.
        assertThat(result.eventsFound()).isEqualTo(result.logged() + result.duplicatesSkipped());
        // Packed: at 40 events/s and a 100 ms linger, a few events to a record.
        assertThat(result.recordsLoaded()).as(output).isLessThan(result.eventsFound() * 2 / 3);
        assertThat(result.landingLeft()).isZero();
        assertThat(result.matches()).isTrue();
        // The dashboard's queries count the same events.
        Dashboard.Snapshot last = result.last();
        assertThat(last.events()).isEqualTo(result.logged());
        assertThat(last.byLevel().values().stream().mapToLong(Long::longValue).sum())
                .isEqualTo(result.logged());
        assertThat(last.byLevel().get("ERROR")).isEqualTo(result.paymentFailures());
        assertThat(last.byLogger().get("shop.orders")).isEqualTo(result.orders());
        assertThat(last.ordersAndFailuresPerMinute().stream()
                        .mapToLong(c -> c[0])
                        .sum())
                .isLessThanOrEqualTo(result.orders());
        assertThat(last.topPages()).isNotEmpty();
        // A 6-second run at 40 events/s: the rate is over the seconds there are, not over 10 s that are not.
        assertThat(last.perSecondByLevel().values().stream()
                        .mapToDouble(Double::doubleValue)
                        .sum())
                .as(output)
                .isBetween(30.0, 60.0);
        assertThat(last.latencyP99Ms()).isGreaterThan(0);
        assertThat(output).contains("OK: every event logged is queryable exactly once.");
    }
}
