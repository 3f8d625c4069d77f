package io.github.kinlog.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.kinlog.common.metrics.DropReason;
import io.github.kinlog.testsupport.KinesisEndpoint;
import io.github.kinlog.testsupport.KinesisExtension;
import io.github.kinlog.testsupport.TestStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The logging configuration replaced ten times under steady load, as when a changed file is picked up (Log4j2's
 * monitorInterval, Logback's scan), alternating unchanged and changed appender settings. Every event logged while no
 * replacement was under way is delivered; of those logged during one, each is delivered or counted as dropped, except
 * where the framework itself had no appender attached (Logback's reset detaches every appender before configuring
 * the new ones).
 */
@ExtendWith(KinesisExtension.class)
class ReconfigurationIT {
    @ParameterizedTest
    @EnumSource(Framework.class)
    void reconfiguringUnderLoadLosesNothingTheAppenderReceived(
            Framework framework, KinesisEndpoint kinesis, TestStream stream) {
        assumeTrue(kinesis.managesStreams(), "local endpoint");
        LoggingApp app = framework.start(stream, Options.quick());
        List<long[]> windows = new ArrayList<>();
        try (SteadyLoad load = new SteadyLoad(app, "reconfigure-" + framework.display(), 50)) {
            for (int i = 0; i < 10; i++) {
                Fleet.during(Duration.ofMillis(700));
                // Even: the same settings (Log4j2 keeps the running sender); odd: a changed linger (a new sender).
                String linger = i % 2 == 0 ? "50" : "60";
                long from = System.nanoTime();
                app.reconfigure(Map.of("lingerMs", linger));
                windows.add(new long[] {from, System.nanoTime()});
            }
            Fleet.during(Duration.ofMillis(700));
            load.close();
            assertThat(load.thrown()).isEmpty();

            Set<String> duringReconfiguration = new HashSet<>();
            for (long[] window : windows) {
                duringReconfiguration.addAll(load.loggedDuring(window[0], window[1]));
            }
            List<String> outside = load.logged().stream()
                    .filter(id -> !duringReconfiguration.contains(id))
                    .toList();
            Reconciliation.awaitIdle(app, 0, Duration.ofMinutes(2));
            var records = stream.readAll();
            Reconciliation.Outcome all = Reconciliation.settle(app.metrics(), records, load.logged());
            Reconciliation.Outcome steady = Reconciliation.settle(app.metrics(), records, outside, load.logged());
            Report.delivery(
                    "configuration replaced 10 times under load", framework.display(), all, load.worstCallMillis());
            Report.note(
                    "configuration replaced 10 times",
                    framework.display() + ": " + duringReconfiguration.size() + " events logged during a replacement, "
                            + all.missing() + " of them not delivered, "
                            + all.metrics().dropped(DropReason.CLOSED)
                            + " counted as closed");

            assertThat(all.notIngestible()).isEmpty();
            assertThat(all.unexpected()).isEmpty();
            assertThat(steady.missing())
                    .as("events logged outside a replacement, lost")
                    .isZero();
            assertThat(all.missing())
                    .as("undelivered events, all logged during a replacement")
                    .isLessThanOrEqualTo(duringReconfiguration.size());
            if (framework == Framework.LOG4J2) {
                // Log4j2 swaps configurations without a gap.
                all.assertNothingLost();
            }
        } finally {
            app.stop();
        }
    }
}
