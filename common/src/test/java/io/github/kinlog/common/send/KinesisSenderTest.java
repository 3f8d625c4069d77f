package io.github.kinlog.common.send;

import static io.github.kinlog.common.testing.FakeTransport.fail;
import static io.github.kinlog.common.testing.FakeTransport.failRecords;
import static io.github.kinlog.common.testing.FakeTransport.succeed;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.kinlog.common.metrics.DropReason;
import io.github.kinlog.common.metrics.MetricsSnapshot;
import io.github.kinlog.common.metrics.SenderMetrics;
import io.github.kinlog.common.testing.Await;
import io.github.kinlog.common.testing.FakeTransport;
import io.github.kinlog.common.testing.RecordingStatus;
import io.github.kinlog.common.testing.Settings;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javax.management.ObjectName;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;

class KinesisSenderTest {
    private final ManualClock clock = new ManualClock();
    private FakeTransport transport = new FakeTransport();
    private final RecordingStatus status = new RecordingStatus();
    private final Settings settings = new Settings();
    private final List<KinesisSender> started = new ArrayList<>();

    @AfterEach
    void closeSenders() {
        started.forEach(KinesisSender::close);
    }

    private KinesisSender start() {
        KinesisSender sender = KinesisSender.start(settings.build(), () -> transport, status, new SenderMetrics());
        started.add(sender);
        return sender;
    }

    /** A sender on the hand-driven clock, whose transport stamps requests with that clock's time. */
    private KinesisSender startOnManualClock() {
        transport = new FakeTransport(clock::nanoTime);
        KinesisSender sender =
                KinesisSender.start(settings.build(), () -> transport, status, new SenderMetrics(), clock);
        started.add(sender);
        return sender;
    }

    private static final String THROUGHPUT_EXCEEDED = "ProvisionedThroughputExceededException: Rate exceeded";

    private static boolean send(KinesisSender sender, String data) {
        return sender.send(data.getBytes(StandardCharsets.UTF_8), "key", 3);
    }

    private static List<String> numbered(int count) {
        return IntStream.range(0, count).mapToObj(i -> "event-" + i).toList();
    }

    private static MetricsSnapshot metrics(KinesisSender sender) {
        return sender.metrics().snapshot();
    }

    @Test
    void fullBatchesOf500GoAtOnceAndTheRestAfterTheLinger() {
        settings.linger = Duration.ofSeconds(2);
        KinesisSender sender = startOnManualClock();
        List<String> events = numbered(1_200);
        long accepted = clock.nanoTime();

        events.forEach(event -> send(sender, event));

        Await.until("two full batches", () -> transport.requests().size() >= 2);
        assertThat(transport.requests().get(0).records()).hasSize(500);
        assertThat(transport.requests().get(1).records()).hasSize(500);
        clock.advance(Duration.ofMillis(1_999));
        clock.settle();
        assertThat(transport.requests()).as("the rest waits out its linger").hasSize(2);
        clock.advance(Duration.ofMillis(1));
        Await.until("the last 200 after the linger", () -> transport.requests().size() == 3);
        assertThat(transport.requests().get(2).records()).hasSize(200);
        assertThat(transport.requests().get(2).nanos() - accepted)
                .isEqualTo(Duration.ofSeconds(2).toNanos());
        assertThat(transport.received()).containsExactlyElementsOf(events);
        Await.equal("sent", () -> metrics(sender).sent(), 1_200L);
        assertThat(metrics(sender).requests()).isEqualTo(3);
    }

    @Test
    void theFiveHundredthRecordSendsTheBatchWithoutWaitingForTheLinger() {
        settings.linger = Duration.ofMinutes(10);
        KinesisSender sender = start();

        numbered(499).forEach(event -> send(sender, event));
        send(sender, "the 500th");

        Await.until("a request", () -> transport.requests().size() == 1);
        assertThat(transport.requests().get(0).records()).hasSize(500).endsWith("the 500th");
    }

    @Test
    void requestsStayWithinTheByteLimitCountingPartitionKeys() {
        settings.maxRequestBytes = 10_000;
        settings.linger = Duration.ofMillis(1);
        KinesisSender sender = start();
        String big = "x".repeat(2_997); // 2,997 bytes + a 3-byte key = 3,000 per record

        for (int i = 0; i < 7; i++) {
            send(sender, big);
        }

        Await.equal("sent", () -> metrics(sender).sent(), 7L);
        assertThat(transport.requests())
                .allSatisfy(request -> assertThat(request.records()).hasSizeLessThanOrEqualTo(3));
        assertThat(transport.requests().stream()
                        .mapToInt(request -> request.records().size())
                        .sum())
                .isEqualTo(7);
    }

    @Test
    void aRecordAsLargeAsARequestGoesAloneAndALargerOneIsDropped() {
        settings.maxRequestBytes = 10_000;
        KinesisSender sender = start();

        assertThat(sender.send(new byte[9_997], "key", 3)).isTrue();
        assertThat(sender.send(new byte[9_998], "key", 3)).isFalse();

        Await.equal("sent", () -> metrics(sender).sent(), 1L);
        assertThat(metrics(sender).dropped(DropReason.OVERSIZE)).isEqualTo(1);
    }

    @Test
    void partialFailuresResendExactlyTheFailedRecords() {
        transport.then(failRecords(i -> i == 1 || i == 3, RecordOutcome.THROTTLED, THROUGHPUT_EXCEEDED));
        settings.linger = Duration.ofMillis(50);
        KinesisSender sender = start();

        numbered(5).forEach(event -> send(sender, event));

        Await.equal("sent", () -> metrics(sender).sent(), 5L);
        assertThat(transport.requests().get(0).records()).containsExactlyElementsOf(numbered(5));
        assertThat(transport.requests().get(1).records()).containsExactly("event-1", "event-3");
        MetricsSnapshot metrics = metrics(sender);
        assertThat(metrics.throttled()).isEqualTo(2);
        assertThat(metrics.retried()).isEqualTo(2);
        assertThat(metrics.droppedTotal()).isZero();
        assertThat(transport.received()).hasSize(7);
    }

    @Test
    void partialThrottlingPausesBrieflyInsteadOfBackingOffFurtherAndFurther() {
        settings.retryBackoff = Duration.ofMillis(20);
        settings.retryMaxBackoff = Duration.ofSeconds(10);
        settings.linger = Duration.ofMillis(5);
        settings.maxBatchRecords = 10;
        // Every request has a record throttled (a different one each time), as when a share of the records is
        // refused all the time.
        for (int i = 0; i < 30; i++) {
            transport.then(failRecords(r -> r == 1, RecordOutcome.THROTTLED, THROUGHPUT_EXCEEDED));
        }
        KinesisSender sender = start();

        numbered(100).forEach(event -> send(sender, event));

        // With the wait growing on every response, 30 of them would take minutes; with a short pause, seconds.
        Await.equal("sent", () -> metrics(sender).sent(), 100L);
        List<FakeTransport.Request> requests = transport.requests();
        long spanMillis =
                (requests.get(requests.size() - 1).nanos() - requests.get(0).nanos()) / 1_000_000;
        assertThat(spanMillis).isLessThan(20_000);
        // The first requests left before any answer. After an answer with a throttled record (any request of two
        // or more), the next request waits a short pause, one request at a time.
        for (int i = settings.maxInFlight + 1; i < Math.min(requests.size(), 30); i++) {
            if (requests.get(i - 1).records().size() < 2) {
                continue;
            }
            long gapMillis = (requests.get(i).nanos() - requests.get(i - 1).nanos()) / 1_000_000;
            assertThat(gapMillis)
                    .as("pause before request %d (half of 20 ms at least, less timer slack)", i)
                    .isGreaterThanOrEqualTo(5)
                    .isLessThan(5_000);
        }
        assertThat(metrics(sender).droppedTotal()).isZero();
    }

    @Test
    void internalFailuresOfSingleRecordsAreResentToo() {
        transport.then(failRecords(i -> i == 0, RecordOutcome.RETRY, "InternalFailure: scripted"));
        KinesisSender sender = start();

        send(sender, "only");

        Await.equal("sent", () -> metrics(sender).sent(), 1L);
        assertThat(transport.received()).containsExactly("only", "only");
        assertThat(metrics(sender).throttled()).isZero();
    }

    @Test
    void throttlingSlowsTheSenderDownWithGrowingBackoff() {
        settings.retryBackoff = Duration.ofMillis(100);
        settings.retryMaxBackoff = Duration.ofSeconds(2);
        KinesisSender sender = startOnManualClock();
        for (int i = 0; i < 4; i++) {
            transport.then(FakeTransport.throttled());
        }

        send(sender, "patient");

        clock.runUntil(
                "sent",
                Duration.ofMillis(5),
                Duration.ofSeconds(10),
                () -> metrics(sender).sent() == 1);
        List<FakeTransport.Request> requests = transport.requests();
        assertThat(requests).hasSize(5);
        // Equal jitter waits half of 100, 200, 400, 800 ms and up to as much again before each retry (plus the
        // linger and the clock's step).
        long[] leastMillis = {50, 100, 200, 400};
        for (int i = 1; i < requests.size(); i++) {
            long gapMillis = (requests.get(i).nanos() - requests.get(i - 1).nanos()) / 1_000_000;
            assertThat(gapMillis)
                    .as("wait before retry %d", i)
                    .isGreaterThanOrEqualTo(leastMillis[i - 1])
                    .isLessThanOrEqualTo(2 * leastMillis[i - 1] + settings.linger.toMillis() + 5);
        }
        assertThat(metrics(sender).throttled()).isEqualTo(4);
    }

    @Test
    void transientRequestFailuresAreRetriedUntilTheyWork() {
        transport.then(fail(RecordOutcome.RETRY, "SdkClientException: connection reset"));
        transport.then(FakeTransport.serverError());
        KinesisSender sender = start();

        numbered(3).forEach(event -> send(sender, event));

        Await.equal("sent", () -> metrics(sender).sent(), 3L);
        assertThat(metrics(sender).failedRequests()).isEqualTo(2);
        assertThat(status.at("WARN")).hasSize(1).first().asString().contains("will be resent");
    }

    @Test
    void aMissingStreamIsReportedOnceAndEventsWaitUntilItAppears() {
        transport.otherwise(FakeTransport.streamNotFound());
        KinesisSender sender = start();

        numbered(10).forEach(event -> send(sender, event));
        Await.until("several probes", () -> transport.requests().size() >= 4);
        assertThat(metrics(sender).sent()).isZero();
        assertThat(metrics(sender).bufferedEvents()).isEqualTo(10);
        transport.otherwise(succeed());

        Await.equal("sent", () -> metrics(sender).sent(), 10L);
        assertThat(status.at("ERROR")).hasSize(1).first().asString().contains("cannot write to Kinesis stream logs");
        assertThat(status.at("INFO")).hasSize(1).first().asString().contains("writes to Kinesis stream logs again");
    }

    @Test
    void aFlushWhileTheSetupIsBrokenEndsAtOnceAndKeepsTheEvents() {
        // The first probe after the error waits 10 to 20 s: only probing at once ends the flush within 5 s.
        settings.retryBackoff = Duration.ofSeconds(20);
        settings.retryMaxBackoff = Duration.ofMinutes(1);
        transport.otherwise(FakeTransport.streamNotFound());
        KinesisSender sender = start();
        numbered(10).forEach(event -> send(sender, event));
        Await.until("the error", () -> !status.at("ERROR").isEmpty());

        long start = System.nanoTime();
        FlushResult result = sender.flush(Duration.ofSeconds(30));
        long tookMillis = (System.nanoTime() - start) / 1_000_000;

        // One probe, not a wait for the backoff or the flush's timeout: a program exiting with a missing stream
        // says so and ends.
        assertThat(tookMillis).isLessThan(5_000);
        assertThat(result.unsent()).isEqualTo(10);
        assertThat(metrics(sender).bufferedEvents()).isEqualTo(10);
        transport.otherwise(succeed());
        assertThat(sender.flush(Duration.ofSeconds(30)).complete()).isTrue();
        assertThat(metrics(sender).sent()).isEqualTo(10);
    }

    @Test
    void failuresThatLastAreReportedAsAnErrorOnceAndTheRecoveryToo() {
        settings.retryBackoff = Duration.ofMillis(10);
        settings.retryMaxBackoff = Duration.ofMillis(300);
        KinesisSender sender = startOnManualClock();
        transport.otherwise(fail(RecordOutcome.RETRY, "ConnectException: Connection refused"));
        numbered(5).forEach(event -> send(sender, event));

        clock.runUntil(
                "the outage is reported",
                Duration.ofMillis(10),
                Duration.ofSeconds(10),
                () -> !status.at("ERROR").isEmpty());
        transport.otherwise(succeed());
        clock.runUntil(
                "sent",
                Duration.ofMillis(10),
                Duration.ofSeconds(10),
                () -> metrics(sender).sent() == 5);

        assertThat(status.at("WARN"))
                .first()
                .asString()
                .contains("PutRecords to stream logs failed (ConnectException: Connection refused)");
        // Within one 30 s window, later failures wait for the next summary.
        assertThat(status.at("WARN")).hasSize(1);
        assertThat(status.at("ERROR"))
                .singleElement()
                .asString()
                .contains("Kinlog has delivered nothing to Kinesis stream logs for")
                .contains(": ConnectException: Connection refused. 5 events are held");
        Await.until("the recovery is reported", () -> !status.at("INFO").isEmpty());
        assertThat(status.at("INFO")).singleElement().asString().contains("delivers to Kinesis stream logs again");
    }

    @Test
    void eventsUnsentAtExitAndAgainAtCloseAreReportedOnceWithTheLastFailure() {
        settings.retryMaxBackoff = Duration.ofMinutes(1);
        transport.otherwise(FakeTransport.serverError());
        KinesisSender sender = start();
        numbered(5).forEach(event -> send(sender, event));

        assertThat(sender.flushBeforeExit(Duration.ofMillis(100)).unsent()).isEqualTo(5);
        assertThat(sender.close(Duration.ofMillis(100)).unsent()).isEqualTo(5);

        assertThat(status.at("ERROR"))
                .singleElement()
                .asString()
                .contains("Kinlog could not send 5 events for stream logs before the JVM exited")
                .contains("last failure: ServiceUnavailable: scripted 503");
        assertThat(metrics(sender).dropped(DropReason.SHUTDOWN)).isEqualTo(5);
    }

    @Test
    void closeNamesTheTimeItWasGivenAndTakesEventsWhileItDrains() {
        settings.linger = Duration.ofMinutes(1);
        // The first event's request is answered only once the second event has arrived, during the drain.
        transport.otherwise(transport.hang());
        KinesisSender sender = start();
        send(sender, "before");

        Thread late = new Thread(() -> {
            Await.until("the drain has begun", () -> !transport.requests().isEmpty());
            send(sender, "while draining");
            transport.otherwise(succeed());
            transport.releaseHanging();
        });
        late.start();
        FlushResult result = sender.close(Duration.ofSeconds(10));

        assertThat(result.complete()).isTrue();
        assertThat(transport.received()).containsExactlyInAnyOrder("before", "while draining");
        assertThat(status.at("ERROR")).isEmpty();

        transport.otherwise(transport.hang());
        KinesisSender hanging = start();
        send(hanging, "never answered");
        hanging.close(Duration.ofMillis(400));
        assertThat(status.at("ERROR"))
                .singleElement()
                .asString()
                .contains("Kinlog stopped with 1 events for stream logs unsent within the shutdown timeout of 400 ms");
    }

    @Test
    void theClientFailingToStartIsAConfigurationErrorAndIsRetried() {
        AtomicInteger attempts = new AtomicInteger();
        KinesisSender sender = KinesisSender.start(
                settings.build(),
                () -> {
                    if (attempts.incrementAndGet() < 3) {
                        throw SdkClientException.create("Unable to load region from any of the providers");
                    }
                    return transport;
                },
                status,
                new SenderMetrics());
        started.add(sender);

        send(sender, "waits for a client");

        Await.equal("sent", () -> metrics(sender).sent(), 1L);
        assertThat(attempts).hasValue(3);
        assertThat(status.at("ERROR")).hasSize(1).first().asString().contains("no AWS region: set the region option");
    }

    @Test
    void invalidRequestsAreDroppedAndReported() {
        transport.then(FakeTransport.invalidArgument());
        KinesisSender sender = start();

        numbered(2).forEach(event -> send(sender, event));

        Await.equal("rejected", () -> metrics(sender).dropped(DropReason.REJECTED), 2L);
        assertThat(status.at("ERROR")).anySatisfy(message -> assertThat(message).contains("rejected 2 events"));
        Await.equal("nothing held", () -> metrics(sender).bufferedEvents(), 0L);
    }

    @Test
    void whenFullTheDefaultPolicyDropsTheNewestAndNeverWaits() {
        settings.bufferBytes = 64 * 1024;
        settings.maxInFlight = 1;
        transport.otherwise(transport.hang());
        KinesisSender sender = start();
        String event = "e".repeat(1_000);

        int accepted = 0;
        for (int i = 0; i < 200; i++) {
            long start = System.nanoTime();
            if (send(sender, event)) {
                accepted++;
            }
            assertThat(System.nanoTime() - start)
                    .isLessThan(Duration.ofSeconds(1).toNanos());
        }

        MetricsSnapshot metrics = metrics(sender);
        assertThat(accepted).isBetween(40, 63);
        assertThat(metrics.dropped(DropReason.BUFFER_FULL)).isEqualTo(200 - accepted);
        assertThat(metrics.bufferedBytes()).isLessThanOrEqualTo(settings.bufferBytes);
        Await.until("a drop report", () -> !status.at("ERROR").isEmpty());
        assertThat(status.at("ERROR").get(0)).contains("buffer_full=");
    }

    @Test
    void dropOldestKeepsTheNewestEvents() {
        settings.bufferBytes = 64 * 1024;
        settings.maxInFlight = 1;
        settings.linger = Duration.ofMinutes(1);
        settings.policy = BufferFullPolicy.DROP_OLDEST;
        KinesisSender sender = start();
        String padding = "e".repeat(1_000);

        for (int i = 0; i < 200; i++) {
            assertThat(send(sender, i + "|" + padding)).isTrue();
        }
        sender.flush(Duration.ofSeconds(10));

        List<String> received = transport.received();
        assertThat(received).isNotEmpty().hasSizeLessThan(200);
        assertThat(received.get(received.size() - 1)).startsWith("199|");
        assertThat(metrics(sender).dropped(DropReason.BUFFER_FULL)).isEqualTo(200 - received.size());
        int firstKept =
                Integer.parseInt(received.get(0).substring(0, received.get(0).indexOf('|')));
        assertThat(firstKept).isEqualTo(200 - received.size());
    }

    @Test
    void blockWaitsForRoomUpToItsLimit() {
        settings.bufferBytes = 8 * 1024;
        settings.maxInFlight = 1;
        settings.policy = BufferFullPolicy.BLOCK;
        settings.maxBlock = Duration.ofMillis(300);
        transport.otherwise(transport.hang());
        KinesisSender sender = start();
        String event = "e".repeat(1_000);
        while (metrics(sender).bufferedBytes() + 1_163 + 1_163 <= settings.bufferBytes) {
            send(sender, event);
        }
        send(sender, event);

        long start = System.nanoTime();
        assertThat(send(sender, event)).isFalse();
        long waitedMillis = (System.nanoTime() - start) / 1_000_000;
        assertThat(waitedMillis).isGreaterThanOrEqualTo(290);
        assertThat(metrics(sender).dropped(DropReason.BUFFER_FULL)).isEqualTo(1);

        new Thread(() -> {
                    try {
                        Thread.sleep(100);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    transport.otherwise(succeed());
                    transport.releaseHanging();
                })
                .start();
        assertThat(send(sender, event)).as("accepted once room appears").isTrue();
    }

    @Test
    void eventsPastTheDeliveryTimeoutAreDroppedAndCounted() {
        settings.deliveryTimeout = Duration.ofMillis(400);
        KinesisSender sender = startOnManualClock();
        transport.otherwise(FakeTransport.serverError());

        numbered(5).forEach(event -> send(sender, event));

        clock.runUntil(
                "timed out",
                Duration.ofMillis(20),
                Duration.ofSeconds(10),
                () -> metrics(sender).dropped(DropReason.DELIVERY_TIMEOUT) == 5);
        assertThat(metrics(sender).sent()).isZero();
        assertThat(metrics(sender).bufferedEvents()).isZero();
        assertThat(metrics(sender).bufferedBytes()).isZero();
        clock.runUntil(
                "a drop warning",
                Duration.ofSeconds(1),
                Duration.ofMinutes(1),
                () -> status.messages().stream().anyMatch(m -> m.contains("delivery_timeout=")));
    }

    @Test
    void closeReturnsInTimeWhenTheEndpointNeverAnswersAndCountsWhatIsLost() {
        transport.otherwise(transport.hang());
        KinesisSender sender = start();
        numbered(25).forEach(event -> send(sender, event));

        long start = System.nanoTime();
        FlushResult result = sender.close(Duration.ofMillis(500));
        long tookMillis = (System.nanoTime() - start) / 1_000_000;

        assertThat(tookMillis).isBetween(450L, 3_000L);
        assertThat(result.unsent()).isEqualTo(25);
        assertThat(metrics(sender).dropped(DropReason.SHUTDOWN)).isEqualTo(25);
        assertThat(sender.isRunning()).isFalse();
        assertThat(status.at("ERROR")).anySatisfy(message -> assertThat(message).contains("25 events"));
        assertThat(transport.isClosed()).isTrue();
    }

    @Test
    void closeWhileTheClientIsStillBeingBuiltCountsAndReportsEverythingHeld() {
        // Building the AWS client can take seconds on a loaded machine; a JVM that exits meanwhile must still say
        // what it could not send.
        java.util.concurrent.CountDownLatch building = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch built = new java.util.concurrent.CountDownLatch(1);
        KinesisSender sender = KinesisSender.start(
                settings.build(),
                () -> {
                    building.countDown();
                    try {
                        built.await(10, java.util.concurrent.TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return transport;
                },
                status,
                new SenderMetrics());
        started.add(sender);
        numbered(10).forEach(event -> send(sender, event));
        Await.until("the client is being built", () -> building.getCount() == 0);

        FlushResult result = sender.close(Duration.ofMillis(300));

        assertThat(result.unsent()).isEqualTo(10);
        assertThat(status.at("ERROR")).anySatisfy(message -> assertThat(message).contains("10 events"));
        built.countDown();
        Await.until("the sender thread ends", () -> !sender.isRunning());
    }

    @Test
    void closeDeliversEverythingWhenTheEndpointAnswers() {
        settings.linger = Duration.ofMinutes(1);
        KinesisSender sender = start();
        numbered(1_234).forEach(event -> send(sender, event));

        FlushResult result = sender.close(Duration.ofSeconds(10));

        assertThat(result.complete()).isTrue();
        assertThat(metrics(sender).sent()).isEqualTo(1_234);
        assertThat(send(sender, "too late")).isFalse();
        assertThat(metrics(sender).dropped(DropReason.CLOSED)).isEqualTo(1);
        assertThat(liveThreadsNamed("kinlog-sender-test")).isEmpty();
    }

    @Test
    void flushWaitsForEverythingAcceptedBeforeIt() {
        settings.linger = Duration.ofMinutes(1);
        transport.otherwise(transport.after(50, succeed()));
        KinesisSender sender = start();
        numbered(700).forEach(event -> send(sender, event));

        FlushResult result = sender.flush(Duration.ofSeconds(10));

        assertThat(result.complete()).isTrue();
        assertThat(metrics(sender).sent()).isEqualTo(700);
        assertThat(sender.isRunning()).isTrue();
    }

    @Test
    void flushReportsWhatIsStillUnsentAtItsDeadline() {
        transport.otherwise(transport.hang());
        KinesisSender sender = start();
        numbered(4).forEach(event -> send(sender, event));

        FlushResult result = sender.flush(Duration.ofMillis(200));

        assertThat(result.unsent()).isEqualTo(4);
    }

    @Test
    void requestsOverlapUpToMaxInFlight() {
        settings.maxInFlight = 3;
        settings.maxBatchRecords = 10;
        transport.otherwise(transport.hang());
        KinesisSender sender = start();

        numbered(200).forEach(event -> send(sender, event));

        Await.until("three requests open", () -> transport.requests().size() == 3);
        transport.otherwise(succeed());
        transport.releaseHanging();
        Await.equal("sent", () -> metrics(sender).sent(), 200L);
        assertThat(transport.mostOpenAtOnce()).isEqualTo(3);
    }

    @Test
    void metricsAreRegisteredWithJmxAndRemovedOnClose() throws Exception {
        settings.jmx = true;
        settings.name = "jmx-test";
        KinesisSender sender = start();
        ObjectName name = new ObjectName("io.github.kinlog:type=KinesisSender,name=\"jmx-test\"");
        send(sender, "counted");
        Await.equal("sent", () -> metrics(sender).sent(), 1L);

        assertThat(ManagementFactory.getPlatformMBeanServer().getAttribute(name, "SentEvents"))
                .isEqualTo(1L);
        sender.close(Duration.ofSeconds(5));
        assertThat(ManagementFactory.getPlatformMBeanServer().isRegistered(name))
                .isFalse();
    }

    @Test
    void manyThreadsSendingLoseNothing() throws Exception {
        settings.maxBatchRecords = 100;
        transport.otherwise(transport.after(5, succeed()));
        KinesisSender sender = start();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int thread = t;
            threads.add(new Thread(() -> {
                for (int i = 0; i < 5_000; i++) {
                    send(sender, thread + "-" + i);
                }
            }));
        }
        threads.forEach(Thread::start);
        for (Thread thread : threads) {
            thread.join();
        }

        assertThat(sender.close(Duration.ofSeconds(20)).complete()).isTrue();
        Set<String> received = Set.copyOf(transport.received());
        assertThat(received).hasSize(20_000);
        assertThat(metrics(sender).sent()).isEqualTo(20_000);
    }

    @Test
    void aTransportThatBreaksItsContractHasItsRecordsResent() {
        transport.then(request -> CompletableFuture.failedFuture(new IllegalStateException("a bug")));
        transport.then(request -> CompletableFuture.completedFuture(PutAnswer.perRecord(new RecordOutcome[0], null)));
        KinesisSender sender = start();

        send(sender, "resent");

        Await.equal("sent", () -> metrics(sender).sent(), 1L);
        assertThat(transport.received()).containsExactly("resent", "resent", "resent");
        assertThat(metrics(sender).failedRequests()).isEqualTo(2);
        assertThat(status.at("WARN"))
                .first()
                .asString()
                .contains("failed (IllegalStateException: a bug); its 1 events will be resent");
    }

    @Test
    void aRecordErrorThatIsTheSetupsFaultHoldsTheRecordAndIsReported() {
        transport.then(failRecords(i -> i == 0, RecordOutcome.CONFIGURATION, "KMSNotFoundException: no such key"));
        KinesisSender sender = start();

        send(sender, "held");

        Await.equal("sent", () -> metrics(sender).sent(), 1L);
        assertThat(status.at("ERROR"))
                .singleElement()
                .asString()
                .contains("cannot write to Kinesis stream logs: KMSNotFoundException: no such key. Fix the stream");
        assertThat(metrics(sender).droppedTotal()).isZero();
    }

    @Test
    void probesThatEveryRecordFailsForTheSetupAreReportedOnceNotOncePerResponse() {
        for (int i = 0; i < 3; i++) {
            transport.then(failRecords(r -> true, RecordOutcome.CONFIGURATION, "KMSDisabledException: key disabled"));
        }
        KinesisSender sender = start();

        numbered(2).forEach(event -> send(sender, event));

        Await.equal("sent", () -> metrics(sender).sent(), 2L);
        assertThat(transport.requests()).hasSizeGreaterThanOrEqualTo(4);
        assertThat(status.at("ERROR"))
                .singleElement()
                .asString()
                .contains("cannot write to Kinesis stream logs: KMSDisabledException: key disabled");
        assertThat(status.at("INFO")).singleElement().asString().contains("writes to Kinesis stream logs again");
    }

    private static Set<String> liveThreadsNamed(String prefix) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().startsWith(prefix) && thread.isAlive())
                .map(Thread::getName)
                .collect(Collectors.toSet());
    }
}
