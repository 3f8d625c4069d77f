package io.github.kinlog.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.kinlog.testsupport.KinesisEndpoint;
import io.github.kinlog.testsupport.KinesisExtension;
import io.github.kinlog.testsupport.TestStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * Opt-in ({@code mvn verify -Psoak -pl reliability -am}): both appenders for {@code kinlog.soak.minutes} under steady
 * load, with the endpoint gone for 15 s of every minute. Nothing may be lost, and the heap after a full GC must stay
 * flat: the last third of the run may not hold more than the first third, give or take 16 MB.
 */
@ExtendWith(KinesisExtension.class)
@EnabledIf("enabled")
@Isolated("measures the heap")
class SoakIT {
    private static final int RATE = 20;
    private static final long FLAT_SLACK_BYTES = 16L * 1024 * 1024;

    static boolean enabled() {
        return minutes() > 0;
    }

    private static int minutes() {
        return Integer.getInteger("kinlog.soak.minutes", 0);
    }

    @Test
    @Timeout(value = 30, unit = java.util.concurrent.TimeUnit.MINUTES)
    void memoryStaysFlatUnderPeriodicOutages(KinesisEndpoint kinesis, TestStream log4j2, TestStream logback) {
        List<Long> heap = new ArrayList<>();
        try (FaultProxy proxy = new FaultProxy(kinesis.endpointOverride().orElseThrow());
                Fleet fleet = Fleet.start(proxy.endpoint(), Options.quick(), log4j2, logback)) {
            fleet.load(RATE);
            for (int minute = 0; minute < minutes(); minute++) {
                Fleet.during(Duration.ofSeconds(30));
                proxy.down();
                Fleet.during(Duration.ofSeconds(15));
                proxy.up();
                Fleet.during(Duration.ofSeconds(15));
                heap.add(heapAfterGc());
                Report.note(
                        "soak",
                        String.format(
                                Locale.ROOT,
                                "minute %d: heap after GC %.1f MB, held %d + %d bytes",
                                minute + 1,
                                heap.get(heap.size() - 1) / 1e6,
                                fleet.apps().get(0).metrics().bufferedBytes(),
                                fleet.apps().get(1).metrics().bufferedBytes()));
            }
            for (Reconciliation.Outcome outcome :
                    fleet.settle(minutes() + " min soak, down 15 s of every minute", Duration.ofMinutes(5))) {
                outcome.assertNothingLost();
            }
        }
        int third = Math.max(1, heap.size() / 3);
        long early =
                heap.subList(0, third).stream().mapToLong(Long::longValue).max().orElseThrow();
        long late = heap.subList(heap.size() - third, heap.size()).stream()
                .mapToLong(Long::longValue)
                .max()
                .orElseThrow();
        assertThat(late).as("heap after GC, last third of the run, bytes").isLessThan(early + FLAT_SLACK_BYTES);
    }

    private static long heapAfterGc() {
        for (int i = 0; i < 2; i++) {
            System.gc();
            Reconciliation.sleep(200);
        }
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
