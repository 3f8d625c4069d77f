package io.github.kinlog.benchmarks;

import io.github.kinlog.redshift.RedshiftSetup;
import io.github.kinlog.redshift.ViewColumn;
import io.github.kinlog.samples.warehouse.Dialect;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The design Kinlog 0.1 generated, for comparison: every event ever logged stays in the streaming view, a view casts
 * its fields at query time, and a second view keeps one row per event_id with a window over the whole history.
 */
final class LegacyViews {
    static final String TYPED = "legacy_events";
    static final String UNIQUE = "legacy_events_unique";

    private LegacyViews() {}

    /**
     * The landing table with each record's payload as the event that {@link Dialect#read} reads: 0.1 took one event
     * per record, as the synthetic history holds them.
     */
    static String recordsAsEvents(RedshiftSetup setup) {
        return "(SELECT *, payload AS " + Dialect.EVENT + " FROM " + setup.streamingView() + ") AS records";
    }

    static List<String> create(RedshiftSetup setup, Dialect dialect) {
        String columns = setup.columns().stream().map(ViewColumn::name).collect(Collectors.joining(", "));
        return List.of(
                "CREATE OR REPLACE VIEW " + TYPED + " AS SELECT "
                        + setup.columns().stream()
                                .map(c -> dialect.read(c) + " AS " + c.name())
                                .collect(Collectors.joining(", "))
                        + " FROM " + recordsAsEvents(setup),
                "CREATE OR REPLACE VIEW " + UNIQUE + " AS SELECT " + columns + " FROM (SELECT *, ROW_NUMBER() OVER"
                        + " (PARTITION BY event_id ORDER BY approximate_arrival_timestamp, shard_id, sequence_number)"
                        + " AS copy_number FROM " + TYPED + ") AS numbered WHERE copy_number = 1");
    }
}
