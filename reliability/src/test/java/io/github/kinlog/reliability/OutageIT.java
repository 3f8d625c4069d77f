package io.github.kinlog.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.kinlog.common.metrics.DropReason;
import io.github.kinlog.testsupport.KinesisEndpoint;
import io.github.kinlog.testsupport.KinesisExtension;
import io.github.kinlog.testsupport.TestStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLongArray;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The endpoint gone for a minute under steady load. With the default buffer, everything logged during the outage is
 * delivered once it ends; with a small buffer, the events that did not fit are dropped and counted, exactly, and the
 * buffer never holds more than its bound. No logging call waits on the outage.
 */
@ExtendWith(KinesisExtension.class)
class OutageIT {
    private static final long SMALL_BUFFER = 64 * 1024;
    private static final int RATE = 20;
    private static final double WORST_CALL_BOUND_MILLIS = 500;

    @Test
    void endpointDownForSixtySecondsUnderSteadyLoad(
            KinesisEndpoint kinesis,
            TestStream log4j2Large,
            TestStream logbackLarge,
            TestStream log4j2Small,
            TestStream logbackSmall) {
        assumeTrue(kinesis.managesStreams(), "the outage is made by a proxy in front of a local endpoint");
        try (FaultProxy proxy = new FaultProxy(kinesis.endpointOverride().orElseThrow());
                Fleet large = Fleet.start(proxy.endpoint(), Options.quick(), log4j2Large, logbackLarge);
                Fleet small = Fleet.start(
                        proxy.endpoint(),
                        Options.quick("bufferBytes", Long.toString(SMALL_BUFFER), "maxRecordBytes", "16384"),
                        log4j2Small,
                        logbackSmall)) {
            List<LoggingApp> all = new ArrayList<>(large.apps());
            all.addAll(small.apps());
            AtomicLongArray mostHeld = new AtomicLongArray(all.size());
            Thread sampler = sampleHeldBytes(all, mostHeld);

            large.load(RATE);
            small.load(RATE);
            Fleet.during(Duration.ofSeconds(5));
            long down = System.nanoTime();
            proxy.down();
            Fleet.during(Duration.ofSeconds(60));
            proxy.up();
            Report.note(
                    "endpoint down 60 s",
                    String.format(Locale.ROOT, "outage lasted %.1f s", (System.nanoTime() - down) / 1e9));
            Fleet.during(Duration.ofSeconds(10));
            large.stopLoad();
            small.stopLoad();

            for (Reconciliation.Outcome outcome :
                    large.settle("down 60 s, default 32 MiB buffer", Duration.ofMinutes(3))) {
                outcome.assertNothingLost();
            }
            for (Reconciliation.Outcome outcome : small.settle("down 60 s, 64 KiB buffer", Duration.ofMinutes(3))) {
                outcome.assertAccountedFor();
                assertThat(outcome.metrics().dropped(DropReason.BUFFER_FULL)).isPositive();
                assertThat(outcome.dropped())
                        .as("only the buffer's drops")
                        .isEqualTo(outcome.metrics().dropped(DropReason.BUFFER_FULL));
            }
            sampler.interrupt();
            for (int i = 0; i < all.size(); i++) {
                LoggingApp app = all.get(i);
                long bound = i < 2 ? 32L * 1024 * 1024 : SMALL_BUFFER;
                assertThat(mostHeld.get(i))
                        .as("bytes held by %s", app.framework())
                        .isBetween(1L, bound);
                Report.note(
                        "endpoint down 60 s",
                        app.framework().display() + " held at most " + mostHeld.get(i) + " bytes (bound " + bound
                                + ")");
            }
            List<SteadyLoad> loads = new ArrayList<>(large.loads());
            loads.addAll(small.loads());
            for (SteadyLoad load : loads) {
                assertThat(load.worstCallMillis())
                        .as("slowest logging call of %s, in ms", load.app().framework())
                        .isLessThan(WORST_CALL_BOUND_MILLIS);
            }
        }
    }

    /** Samples each sender's held bytes every 20 ms, keeping the largest. */
    private static Thread sampleHeldBytes(List<LoggingApp> apps, AtomicLongArray mostHeld) {
        Thread sampler = new Thread(
                () -> {
                    while (!Thread.currentThread().isInterrupted()) {
                        for (int i = 0; i < apps.size(); i++) {
                            long held = apps.get(i).metrics().bufferedBytes();
                            mostHeld.accumulateAndGet(i, held, Math::max);
                        }
                        try {
                            Thread.sleep(20);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                },
                "held-bytes-sampler");
        sampler.setDaemon(true);
        sampler.start();
        return sampler;
    }
}
