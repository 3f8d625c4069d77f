package io.github.kinlog.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.kinlog.reliability.FaultProxy.Fault;
import io.github.kinlog.testsupport.KinesisEndpoint;
import io.github.kinlog.testsupport.KinesisExtension;
import io.github.kinlog.testsupport.TestStream;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Kinesis failing in the ways it does in production, injected by a proxy in front of kinesis-mock, while both
 * appenders log at a steady rate, each with one event per record and with packed records. Every event must arrive;
 * resent ones may arrive twice, with the same event_id.
 */
@ExtendWith(KinesisExtension.class)
class FaultsIT {
    private static final Duration SETTLE = Duration.ofMinutes(2);
    private static final int RATE = 30;

    private FaultProxy proxy;

    @BeforeEach
    void startProxy(KinesisEndpoint kinesis) {
        assumeTrue(kinesis.managesStreams(), "faults are injected in front of a local endpoint only");
        proxy = new FaultProxy(kinesis.endpointOverride().orElseThrow());
    }

    @AfterEach
    void stopProxy() {
        if (proxy != null) {
            proxy.close();
        }
    }

    @Test
    void aFifthOfEveryRequestsRecordsThrottled(
            TestStream log4j2, TestStream logback, TestStream log4j2Packed, TestStream logbackPacked) {
        try (Fleet fleet =
                Fleet.startPackedToo(proxy.endpoint(), Options.quick(), log4j2, logback, log4j2Packed, logbackPacked)) {
            proxy.fault(Fault.THROTTLE_SHARE);
            fleet.load(RATE);
            Fleet.during(Duration.ofSeconds(10));
            fleet.stopLoad();
            for (int i = 0; i < fleet.apps().size(); i++) {
                Reconciliation.awaitIdle(
                        fleet.apps().get(i), fleet.loads().get(i).count(), SETTLE);
            }
            proxy.fault(Fault.NONE);
            List<Reconciliation.Outcome> outcomes = fleet.settle("20% of records throttled", SETTLE);
            for (Reconciliation.Outcome outcome : outcomes) {
                outcome.assertNothingLost();
                assertThat(outcome.metrics().throttled()).isPositive();
            }
        }
    }

    /**
     * Both appenders log for 2 s, then meet {@code fault} for {@code length}, then 3 s of recovery; every event
     * logged must be delivered.
     */
    private List<Reconciliation.Outcome> underLoad(Fleet fleet, Fault fault, Duration length, String testCase) {
        fleet.load(RATE);
        Fleet.during(Duration.ofSeconds(2));
        proxy.fault(fault);
        Fleet.during(length);
        proxy.fault(Fault.NONE);
        Fleet.during(Duration.ofSeconds(3));
        List<Reconciliation.Outcome> outcomes = fleet.settle(testCase, SETTLE);
        outcomes.forEach(Reconciliation.Outcome::assertNothingLost);
        assertThat(proxy.faulted(fault)).as("calls that met the fault").isPositive();
        return outcomes;
    }

    @Test
    void wholeRequestsThrottledForTenSeconds(
            TestStream log4j2, TestStream logback, TestStream log4j2Packed, TestStream logbackPacked) {
        try (Fleet fleet =
                Fleet.startPackedToo(proxy.endpoint(), Options.quick(), log4j2, logback, log4j2Packed, logbackPacked)) {
            underLoad(fleet, Fault.THROTTLE_REQUEST, Duration.ofSeconds(10), "every request throttled for 10 s");
        }
    }

    @Test
    void serverErrorsForThirtySecondsThenRecovery(
            TestStream log4j2, TestStream logback, TestStream log4j2Packed, TestStream logbackPacked) {
        try (Fleet fleet =
                Fleet.startPackedToo(proxy.endpoint(), Options.quick(), log4j2, logback, log4j2Packed, logbackPacked)) {
            for (Reconciliation.Outcome outcome :
                    underLoad(fleet, Fault.SERVER_ERROR, Duration.ofSeconds(30), "500/503 for 30 s")) {
                assertThat(outcome.metrics().failedRequests()).isPositive();
            }
            for (LoggingApp app : fleet.apps()) {
                assertThat(app.status()).anyMatch(line -> line.startsWith("WARN") && line.contains("failed"));
            }
        }
    }

    @Test
    void connectionsResetMidRequest(
            TestStream log4j2, TestStream logback, TestStream log4j2Packed, TestStream logbackPacked) {
        try (Fleet fleet =
                Fleet.startPackedToo(proxy.endpoint(), Options.quick(), log4j2, logback, log4j2Packed, logbackPacked)) {
            for (Reconciliation.Outcome outcome :
                    underLoad(fleet, Fault.RESET, Duration.ofSeconds(10), "connections reset for 10 s")) {
                assertThat(outcome.metrics().failedRequests()).isPositive();
            }
        }
    }

    @Test
    void answersSlowerThanTheRequestTimeout(
            TestStream log4j2, TestStream logback, TestStream log4j2Packed, TestStream logbackPacked) {
        // Each request is written, but answered after the client gave up: resent, so it arrives twice. Small batches
        // keep kinesis-mock's own answers well within the 2 s timeout once the fault ends.
        proxy.slowAnswer(Duration.ofSeconds(4));
        try (Fleet fleet = Fleet.startPackedToo(
                proxy.endpoint(),
                Options.quick("requestTimeoutMs", "2000", "maxBatchRecords", "50"),
                log4j2,
                logback,
                log4j2Packed,
                logbackPacked)) {
            for (Reconciliation.Outcome outcome : underLoad(
                    fleet, Fault.SLOW, Duration.ofSeconds(8), "answers 4 s late for 8 s, request timeout 2 s")) {
                assertThat(outcome.metrics().failedRequests()).isPositive();
                assertThat(outcome.duplicates()).isPositive();
            }
        }
    }
}
