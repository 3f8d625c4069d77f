package io.github.kinlog.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.kinlog.testsupport.KinesisEndpoint;
import io.github.kinlog.testsupport.TestStream;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One application per framework, each writing to a stream of its own through the same endpoint, so that a fault
 * case exercises both appenders in the time of one; with {@link #startPackedToo}, another pair sending packed records.
 */
final class Fleet implements AutoCloseable {
    private static final AtomicBoolean CREDENTIALS_EXPORTED = new AtomicBoolean();

    private final List<LoggingApp> apps = new ArrayList<>();
    /** How reports name each application: its framework, and the record format when packed. */
    private final List<String> labels = new ArrayList<>();

    private final List<TestStream> streams = new ArrayList<>();
    private final List<SteadyLoad> loads = new ArrayList<>();

    private Fleet() {}

    /** Starts Log4j2 on the first stream and Logback on the second. */
    static Fleet start(URI endpoint, Map<String, String> options, TestStream log4j2Stream, TestStream logbackStream) {
        exportCredentials(log4j2Stream.endpoint());
        Fleet fleet = new Fleet();
        fleet.add(Framework.LOG4J2, endpoint, options, log4j2Stream, "");
        fleet.add(Framework.LOGBACK, endpoint, options, logbackStream, "");
        return fleet;
    }

    /** As {@link #start}, and the same pair again with {@code recordFormat=packed} on the last two streams. */
    static Fleet startPackedToo(
            URI endpoint,
            Map<String, String> options,
            TestStream log4j2Stream,
            TestStream logbackStream,
            TestStream log4j2PackedStream,
            TestStream logbackPackedStream) {
        Fleet fleet = start(endpoint, options, log4j2Stream, logbackStream);
        Map<String, String> packed = new LinkedHashMap<>(options);
        packed.put("recordFormat", "packed");
        fleet.add(Framework.LOG4J2, endpoint, packed, log4j2PackedStream, " packed");
        fleet.add(Framework.LOGBACK, endpoint, packed, logbackPackedStream, " packed");
        return fleet;
    }

    /**
     * The emulator's credentials for the SDK's default chain, set once for this JVM: cases run side by side, so none
     * may take them away again.
     */
    static void exportCredentials(KinesisEndpoint kinesis) {
        if (CREDENTIALS_EXPORTED.compareAndSet(false, true)) {
            kinesis.exportCredentials();
        }
    }

    private void add(Framework framework, URI endpoint, Map<String, String> options, TestStream stream, String format) {
        apps.add(framework.start(stream.name(), endpoint, options));
        labels.add(framework.display() + format);
        streams.add(stream);
    }

    List<LoggingApp> apps() {
        return apps;
    }

    /** Every application starts logging at this rate, each from a thread of its own. */
    void load(int eventsPerSecond) {
        for (LoggingApp app : apps) {
            loads.add(new SteadyLoad(app, "event-" + app.framework().display(), eventsPerSecond));
        }
    }

    void stopLoad() {
        loads.forEach(SteadyLoad::close);
    }

    List<SteadyLoad> loads() {
        return loads;
    }

    /**
     * Stops the load, waits for each sender to settle, and reconciles each application's events with its stream;
     * reports the figures under {@code testCase}. No logging call may have thrown.
     */
    List<Reconciliation.Outcome> settle(String testCase, Duration timeout) {
        stopLoad();
        List<Reconciliation.Outcome> outcomes = new ArrayList<>();
        for (int i = 0; i < apps.size(); i++) {
            SteadyLoad load = loads.get(i);
            assertThat(load.thrown())
                    .as("exceptions that reached the application")
                    .isEmpty();
            Reconciliation.Outcome outcome = Reconciliation.settle(apps.get(i), streams.get(i), load.logged(), timeout);
            Report.delivery(testCase, labels.get(i), outcome, load.worstCallMillis());
            outcomes.add(outcome);
        }
        return outcomes;
    }

    /** Sleeps through part of a scenario; the load keeps running meanwhile. */
    static void during(Duration duration) {
        Reconciliation.sleep(duration.toMillis());
    }

    @Override
    public void close() {
        stopLoad();
        apps.forEach(LoggingApp::stop);
    }
}
