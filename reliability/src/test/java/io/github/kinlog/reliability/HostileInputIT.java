package io.github.kinlog.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.kinlog.common.metrics.DropReason;
import io.github.kinlog.common.metrics.MetricsSnapshot;
import io.github.kinlog.testsupport.KinesisEndpoint;
import io.github.kinlog.testsupport.KinesisExtension;
import io.github.kinlog.testsupport.StreamRecord;
import io.github.kinlog.testsupport.TestStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every {@link HostileCases hostile case} through each appender, against a real Kinesis API: no exception reaches the
 * caller, and each event arrives as one record that Redshift ingests whole, with its content as expected, or is
 * counted as dropped.
 */
@ExtendWith(KinesisExtension.class)
class HostileInputIT {
    private static final Duration SETTLE = Duration.ofMinutes(2);
    /**
     * Logback builds its event (a ThrowableProxy, which calls the throwable's toString() and getMessage()) on the
     * caller's thread before it calls any appender, and lets what they throw reach the caller, whatever the appenders.
     */
    private static final Set<String> LOGBACK_THROWS =
            Set.of("exception whose toString() throws", "exception whose getMessage() and getStackTrace() throw");

    /** Whether no frame of Kinlog's own code (appenders or core) was on the stack when {@code t} was thrown. */
    private static boolean thrownBeforeAnyAppender(Throwable t) {
        for (StackTraceElement frame : t.getStackTrace()) {
            String type = frame.getClassName();
            if (type.startsWith("io.github.kinlog.") && !type.startsWith("io.github.kinlog.reliability.")) {
                return false;
            }
        }
        return true;
    }

    @ParameterizedTest
    @EnumSource(Framework.class)
    void everyHostileEventArrivesIngestibleOrIsCounted(
            Framework framework, KinesisEndpoint kinesis, TestStream stream) {
        assumeTrue(kinesis.managesStreams(), "writes 20 MB of events");
        List<HostileCases.Case> cases = HostileCases.all();
        assertThat(cases).hasSizeGreaterThanOrEqualTo(30);
        LoggingApp app = framework.start(stream, Options.quick());
        try {
            List<String> thrown = new ArrayList<>();
            Set<String> thrownByFramework = new TreeSet<>();
            for (HostileCases.Case hostile : cases) {
                try {
                    hostile.logs().log(app, hostile.logger());
                } catch (Throwable t) {
                    if (thrownBeforeAnyAppender(t)) {
                        thrownByFramework.add(hostile.name());
                    } else {
                        thrown.add(hostile.name() + ": " + LoggingApp.stackTrace(t));
                    }
                }
            }
            assertThat(thrown)
                    .as("exceptions from Kinlog that reached the caller")
                    .isEmpty();
            assertThat(thrownByFramework)
                    .as("cases the framework itself fails before any appender runs")
                    .isEqualTo(framework == Framework.LOGBACK ? LOGBACK_THROWS : Set.of());
            int logged = cases.size() - thrownByFramework.size();
            Reconciliation.awaitIdle(app, logged, SETTLE);
            MetricsSnapshot metrics = app.metrics();
            List<StreamRecord> records = stream.readAll();

            assertThat(records.stream().map(Reconciliation::notIngestible).filter(Objects::nonNull))
                    .as("records Redshift would not ingest whole")
                    .isEmpty();

            Map<String, List<JsonNode>> byCase = new HashMap<>();
            for (StreamRecord record : records) {
                JsonNode event = Reconciliation.parse(record.data());
                String logger = event.path("logger").asText();
                int caseEnd = logger.indexOf('.', HostileCases.LOGGER_PREFIX.length());
                String key = caseEnd < 0 ? logger : logger.substring(0, caseEnd);
                String suffix = caseEnd < 0 ? "" : logger.substring(caseEnd);
                byCase.computeIfAbsent(suffix.equals(".inner") ? logger : key, k -> new ArrayList<>())
                        .add(event);
            }
            List<String> failures = new ArrayList<>();
            for (HostileCases.Case hostile : cases) {
                if (thrownByFramework.contains(hostile.name())) {
                    assertThat(byCase).doesNotContainKey(hostile.logger());
                    continue;
                }
                List<JsonNode> events = byCase.get(hostile.logger());
                if (events == null) {
                    failures.add(hostile.number() + " " + hostile.name() + ": no record arrived");
                    continue;
                }
                try {
                    hostile.expect().accept(events.get(0));
                } catch (AssertionError e) {
                    failures.add(hostile.number() + " " + hostile.name() + ": " + e.getMessage());
                }
            }
            assertThat(failures).as("cases whose record is missing or wrong").isEmpty();

            // Events logged from inside toString() while the appender is busy with another event on the same thread:
            // Logback delivers them; Log4j2's loop guard refuses them, and Kinlog counts each as recursive.
            long innerLogged = cases.stream()
                    .filter(c -> c.name().contains("toString() logs"))
                    .count();
            long innerDelivered = byCase.keySet().stream()
                    .filter(logger -> logger.endsWith(".inner"))
                    .count();
            long innerRefused = innerLogged - innerDelivered;
            assertThat(metrics.dropped(DropReason.RECURSIVE)).isEqualTo(innerRefused);
            assertThat(metrics.droppedTotal() - metrics.dropped(DropReason.RECURSIVE))
                    .as("drops other than the refused inner event")
                    .isZero();
            Report.note(
                    "hostile input",
                    String.format(
                            "%s: %d cases, %d thrown by the framework before any appender ran %s, %d records,"
                                    + " all ingestible; %d truncated; of %d events logged from inside toString(),"
                                    + " %d delivered, %d refused by the framework's loop guard and counted as recursive",
                            framework.display(),
                            cases.size(),
                            thrownByFramework.size(),
                            thrownByFramework,
                            records.size(),
                            metrics.truncated(),
                            innerLogged,
                            innerDelivered,
                            innerRefused));
        } finally {
            app.stop();
        }
    }

    @ParameterizedTest
    @EnumSource(Framework.class)
    void theSdksOwnLoggingNeverReachesTheStreamOrLoops(
            Framework framework, KinesisEndpoint kinesis, TestStream stream) {
        assumeTrue(kinesis.managesStreams(), "local endpoint");
        // The AWS SDK and Kinlog itself log at DEBUG on Kinlog's threads for every request; with their loggers routed
        // to
        // the appender, sending any of it would make more requests, and more events: a loop.
        LoggingApp app = framework.start(stream, Options.quick(Options.SDK_DEBUG, "true"));
        try {
            List<String> logged = IntStream.range(0, 20)
                    .mapToObj(i -> "application event " + i)
                    .toList();
            for (String message : logged) {
                app.info("app", message);
            }
            Reconciliation.awaitIdle(app, logged.size(), SETTLE);
            long requests = app.metrics().requests();
            Reconciliation.sleep(3000);
            assertThat(app.metrics().requests())
                    .as("requests made while the application was idle")
                    .isEqualTo(requests);
            Reconciliation.settle(app.metrics(), stream.readAll(), logged).assertNothingLost();
        } finally {
            app.stop();
        }
    }
}
