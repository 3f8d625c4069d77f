package io.github.kinlog.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.kinlog.common.metrics.DropReason;
import io.github.kinlog.common.metrics.MetricsSnapshot;
import io.github.kinlog.common.send.FlushResult;
import io.github.kinlog.common.send.KinesisTransports;
import io.github.kinlog.common.testing.Await;
import io.github.kinlog.common.testing.RecordingStatus;
import io.github.kinlog.common.testing.Records;
import io.github.kinlog.common.testing.TestEvent;
import io.github.kinlog.testsupport.KinesisEndpoint;
import io.github.kinlog.testsupport.KinesisExtension;
import io.github.kinlog.testsupport.Shards;
import io.github.kinlog.testsupport.StreamRecord;
import io.github.kinlog.testsupport.TestStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/** The whole core (encoder, partition keys, sender, real SDK client) against a real Kinesis API. */
@ExtendWith(KinesisExtension.class)
class KinlogPipelineIT {
    private final RecordingStatus status = new RecordingStatus();

    private KinlogConfig.Builder config(KinesisEndpoint kinesis, String stream) {
        KinlogConfig.Builder builder = KinlogConfig.builder()
                .name("it-" + stream)
                .streamName(stream)
                .region(kinesis.region().id())
                .lingerMs(50)
                .retryMaxBackoffMs(1_000)
                .jmx(false);
        kinesis.endpointOverride().ifPresent(uri -> builder.endpoint(uri.toString()));
        return builder;
    }

    /** Four threads, writer-0 to writer-3, each log {@code perThread} typical events whose message starts with run. */
    private static void logFromFourThreads(KinlogPipeline pipeline, String run, int perThread)
            throws InterruptedException {
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            String thread = "writer-" + t;
            threads.add(new Thread(
                    () -> {
                        for (int i = 0; i < perThread; i++) {
                            TestEvent event = TestEvent.typical().message(run + " " + thread + " " + i);
                            event.thread = thread;
                            event.time = Instant.now();
                            pipeline.append(event);
                        }
                    },
                    thread));
        }
        threads.forEach(Thread::start);
        for (Thread thread : threads) {
            thread.join();
        }
    }

    private KinlogPipeline start(KinlogConfig config, KinesisEndpoint kinesis) {
        return KinlogPipeline.start(
                config, status, () -> KinesisTransports.create(config.clientSettings(), kinesis.credentials()));
    }

    @Test
    void tenThousandEventsFromFourThreadsAllArriveValidAndWithinTheLimits(
            KinesisEndpoint kinesis, @Shards(4) TestStream stream) throws Exception {
        // kinesis-mock takes seconds for a 500-record request, more when the machine is busy; a request it has not
        // answered within requestTimeoutMs is resent whole while the mock still works on it, and on a starved 2-core
        // machine the default 10 s let those resends take half its capacity (about 16,000 of 20,000 delivered in
        // 3 minutes, when this test logged 20,000). It is about what arrives, not about timeouts: give each request a
        // minute.
        KinlogConfig config =
                config(kinesis, stream.name()).requestTimeoutMs(60_000).build();
        KinlogPipeline pipeline = start(config, kinesis);
        String run = UUID.randomUUID().toString();
        logFromFourThreads(pipeline, run, 2_500);
        FlushResult closed = pipeline.close(Duration.ofMinutes(3));

        MetricsSnapshot metrics = pipeline.metrics();
        // On failure, say why: the sender's counters and its reports (an overloaded endpoint shows as timeouts).
        assertThat(closed.complete())
                .as("every event sent within the close; %s; reports: %s", metrics, status.messages())
                .isTrue();
        assertThat(metrics.accepted()).isEqualTo(10_000);
        assertThat(metrics.sent()).isEqualTo(10_000);
        assertThat(metrics.droppedTotal()).isZero();

        List<StreamRecord> records = stream.awaitRecords(10_000, Duration.ofMinutes(3));
        Set<String> eventIds = new HashSet<>();
        Set<String> messages = new HashSet<>();
        Set<String> shards = new HashSet<>();
        for (StreamRecord record : records) {
            assertThat(record.data().length + record.partitionKey().length())
                    .isLessThanOrEqualTo(config.encoderSettings().maxRecordBytes());
            JsonNode json =
                    Records.parseWithin(record.data(), config.encoderSettings().maxStringBytes());
            if (json.get("message").asText().startsWith(run)) {
                eventIds.add(json.get("event_id").asText());
                messages.add(json.get("message").asText());
                shards.add(record.shardId());
            }
        }
        assertThat(messages).hasSize(10_000);
        assertThat(eventIds).hasSize(10_000);
        if (kinesis.managesStreams()) {
            assertThat(shards)
                    .as("random partition keys spread over every shard")
                    .hasSize(4);
        }
        // A local endpoint on a loaded machine may stall past the request timeout; that is reported (and the
        // metrics above show it cost nothing), but any other error is a defect.
        assertThat(status.at("ERROR")).allSatisfy(error -> assertThat(error).contains("has delivered nothing"));
        Await.until(
                "no Kinlog thread left",
                () -> Thread.getAllStackTraces().keySet().stream()
                        .noneMatch(thread -> thread.getName().contains("it-" + stream.name()) && thread.isAlive()));
    }

    @Test
    void packedRecordsCarryEveryEventOnceInAFewValidRecordsPerKey(KinesisEndpoint kinesis, @Shards(2) TestStream stream)
            throws Exception {
        KinlogConfig config = config(kinesis, stream.name())
                .recordFormat("packed")
                .partitionKey("thread")
                .requestTimeoutMs(60_000)
                .build();
        KinlogPipeline pipeline = start(config, kinesis);
        String run = UUID.randomUUID().toString();
        int perThread = 2_500;
        logFromFourThreads(pipeline, run, perThread);
        FlushResult closed = pipeline.close(Duration.ofMinutes(2));
        MetricsSnapshot metrics = pipeline.metrics();
        assertThat(closed.complete())
                .as("every event sent within the close; %s; reports: %s", metrics, status.messages())
                .isTrue();
        assertThat(metrics.sent()).isEqualTo(4 * perThread);

        Set<String> eventIds = new HashSet<>();
        List<StreamRecord> records = new ArrayList<>();
        Supplier<List<StreamRecord>> follow = stream.follow();
        Await.until(
                "every event read back",
                () -> {
                    for (StreamRecord record : follow.get()) {
                        records.add(record);
                        for (JsonNode event : Records.eventsWithin(
                                record.data(), config.encoderSettings().maxStringBytes())) {
                            if (event.get("message").asText().startsWith(run)) {
                                assertThat(eventIds.add(event.get("event_id").asText()))
                                        .as("each event once")
                                        .isTrue();
                                // Packed by partition key: every event of a record is the key's, here its thread's.
                                assertThat(event.get("thread").asText()).isEqualTo(record.partitionKey());
                            }
                        }
                    }
                    return eventIds.size() == 4 * perThread;
                },
                Duration.ofMinutes(2));
        for (StreamRecord record : records) {
            assertThat(record.data().length + record.partitionKey().length())
                    .isLessThanOrEqualTo(config.senderSettings().packedRecordBytes());
        }
        // Typical events are about 500 bytes: some 50 to a 25,000-byte record, so a few hundred records, not 10,000.
        assertThat(records).hasSizeLessThan(4 * perThread / 20);
    }

    @Test
    void closeReturnsWithinItsTimeoutWhenNothingListensAndReportsTheUnsent() throws IOException {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        KinlogConfig config = KinlogConfig.builder()
                .streamName("nowhere")
                .region("us-east-1")
                .endpoint("http://127.0.0.1:" + port)
                .jmx(false)
                .build();
        assertClosesInTime(config);
    }

    @Test
    void closeReturnsWithinItsTimeoutWhenTheEndpointNeverAnswers() throws IOException {
        // Accepts connections and then says nothing: requests hang until their own timeout (10 s by default).
        List<Socket> held = new CopyOnWriteArrayList<>();
        try (ServerSocket blackHole = new ServerSocket(0)) {
            Thread acceptor = new Thread(() -> {
                while (!blackHole.isClosed()) {
                    try {
                        held.add(blackHole.accept());
                    } catch (IOException closed) {
                        return;
                    }
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            KinlogConfig config = KinlogConfig.builder()
                    .streamName("silent")
                    .region("us-east-1")
                    .endpoint("http://127.0.0.1:" + blackHole.getLocalPort())
                    .jmx(false)
                    .build();
            assertClosesInTime(config);
        } finally {
            for (Socket socket : held) {
                socket.close();
            }
        }
    }

    private void assertClosesInTime(KinlogConfig config) {
        KinlogPipeline pipeline = KinlogPipeline.start(
                config,
                status,
                () -> KinesisTransports.create(
                        config.clientSettings(),
                        StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"))));
        for (int i = 0; i < 50; i++) {
            pipeline.append(TestEvent.typical());
        }

        long start = System.nanoTime();
        FlushResult result = pipeline.close(Duration.ofSeconds(2));
        long tookMillis = (System.nanoTime() - start) / 1_000_000;

        assertThat(tookMillis).as("close(2 s) took").isBetween(1_900L, 3_500L);
        assertThat(result.unsent()).isEqualTo(50);
        assertThat(pipeline.metrics().dropped(DropReason.SHUTDOWN)).isEqualTo(50);
        assertThat(status.at("ERROR"))
                .anySatisfy(message -> assertThat(message)
                        .contains("stopped with 50 events for stream "
                                + config.senderSettings().streamAt() + " unsent"));
    }

    @Test
    void eventsBufferedWhileTheStreamDoesNotExistAreDeliveredOnceItIsCreated(KinesisEndpoint kinesis) {
        assumeTrue(kinesis.managesStreams(), "needs a backend that creates streams");
        String name = kinesis.uniqueStreamName("created-later");
        KinlogPipeline pipeline = start(config(kinesis, name).build(), kinesis);
        try {
            for (int i = 0; i < 100; i++) {
                pipeline.append(new TestEvent().message("early " + i));
            }
            Await.until(
                    "the missing stream to be reported",
                    () -> !status.at("ERROR").isEmpty());
            assertThat(status.at("ERROR").get(0)).contains("cannot write to Kinesis stream " + name + " at ");
            assertThat(pipeline.metrics().sent()).isZero();
            assertThat(pipeline.metrics().bufferedEvents()).isEqualTo(100);

            TestStream stream = kinesis.createStream(name, 1);

            Await.equal("sent", () -> pipeline.metrics().sent(), 100L);
            assertThat(stream.awaitRecords(100, Duration.ofSeconds(60))).hasSize(100);
            assertThat(status.at("INFO"))
                    .anySatisfy(message -> assertThat(message).contains("again"));
        } finally {
            pipeline.close(Duration.ofSeconds(10));
            kinesis.deleteStream(name);
        }
    }
}
