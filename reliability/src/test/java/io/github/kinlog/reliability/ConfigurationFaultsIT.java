package io.github.kinlog.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.kinlog.reliability.FaultProxy.Fault;
import io.github.kinlog.testsupport.KinesisEndpoint;
import io.github.kinlog.testsupport.KinesisExtension;
import io.github.kinlog.testsupport.TestStream;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.kinesis.model.ResourceInUseException;
import software.amazon.awssdk.services.kinesis.model.ResourceNotFoundException;

/**
 * Faults only an operator can fix: the stream deleted and created again, and the producer's permission missing. The
 * appender reports them, keeps what is logged meanwhile, and delivers it once the fault is fixed.
 */
@ExtendWith(KinesisExtension.class)
class ConfigurationFaultsIT {
    private static final Duration SETTLE = Duration.ofMinutes(2);

    @Test
    void streamDeletedAndCreatedAgainWhileLogging(KinesisEndpoint kinesis, TestStream log4j2, TestStream logback) {
        assumeTrue(kinesis.managesStreams(), "deletes streams");
        try (Fleet fleet = Fleet.start(kinesis.endpointOverride().orElseThrow(), Options.quick(), log4j2, logback)) {
            fleet.load(25);
            Fleet.during(Duration.ofSeconds(3));
            for (TestStream stream : List.of(log4j2, logback)) {
                kinesis.deleteStream(stream.name());
            }
            for (TestStream stream : List.of(log4j2, logback)) {
                awaitGone(kinesis, stream.name());
            }
            int[] loggedWhenGone =
                    fleet.loads().stream().mapToInt(SteadyLoad::count).toArray();
            Fleet.during(Duration.ofSeconds(5));
            for (TestStream stream : List.of(log4j2, logback)) {
                createAgain(kinesis, stream.name());
            }
            Fleet.during(Duration.ofSeconds(5));
            fleet.stopLoad();
            for (int i = 0; i < 2; i++) {
                LoggingApp app = fleet.apps().get(i);
                TestStream stream = i == 0 ? log4j2 : logback;
                List<String> logged = fleet.loads().get(i).logged();
                Reconciliation.awaitIdle(app, logged.size(), SETTLE);
                // What was delivered before the deletion went with the old stream; what was logged after must all be
                // in the new one.
                List<String> afterDeletion = logged.subList(loggedWhenGone[i], logged.size());
                Reconciliation.Outcome outcome =
                        Reconciliation.settle(app.metrics(), stream.readAll(), afterDeletion, List.copyOf(logged));
                Report.delivery(
                        "stream deleted, re-created 5 s later (events logged after the deletion)",
                        app.framework().display(),
                        outcome,
                        fleet.loads().get(i).worstCallMillis());
                assertThat(outcome.missing())
                        .as("events logged after the deletion, lost")
                        .isZero();
                assertThat(outcome.metrics().droppedTotal()).isZero();
                assertThat(outcome.notIngestible()).isEmpty();
                assertThat(app.status())
                        .anyMatch(line -> line.startsWith("ERROR") && line.contains("cannot write to Kinesis stream"))
                        .anyMatch(line -> line.contains("writes to Kinesis stream " + stream.name() + " at ")
                                && line.contains(" again, after "));
            }
        }
    }

    @Test
    void accessDeniedThenGranted(KinesisEndpoint kinesis, TestStream log4j2, TestStream logback) {
        assumeTrue(kinesis.managesStreams(), "faults are injected in front of a local endpoint only");
        try (FaultProxy proxy = new FaultProxy(kinesis.endpointOverride().orElseThrow());
                Fleet fleet = Fleet.start(proxy.endpoint(), Options.quick(), log4j2, logback)) {
            proxy.fault(Fault.ACCESS_DENIED);
            fleet.load(25);
            Fleet.during(Duration.ofSeconds(8));
            proxy.fault(Fault.NONE);
            Fleet.during(Duration.ofSeconds(3));
            for (Reconciliation.Outcome outcome : fleet.settle("access denied for 8 s, then granted", SETTLE)) {
                outcome.assertNothingLost();
            }
            for (LoggingApp app : fleet.apps()) {
                assertThat(app.status())
                        .anyMatch(line -> line.startsWith("ERROR") && line.contains("AccessDenied"))
                        .anyMatch(line -> line.startsWith("INFO") && line.contains("again"));
            }
        }
    }

    private static void awaitGone(KinesisEndpoint kinesis, String stream) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                kinesis.client().describeStreamSummary(request -> request.streamName(stream));
            } catch (ResourceNotFoundException gone) {
                return;
            }
            Reconciliation.sleep(100);
        }
        throw new AssertionError("stream " + stream + " still exists 30 s after its deletion");
    }

    private static void createAgain(KinesisEndpoint kinesis, String stream) {
        while (true) {
            try {
                kinesis.createStream(stream, 1);
                return;
            } catch (ResourceInUseException stillDeleting) {
                Reconciliation.sleep(100);
            }
        }
    }
}
