package io.github.kinlog.common.send;

import static io.github.kinlog.common.testing.FakeTransport.failRecords;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.kinlog.common.metrics.DropReason;
import io.github.kinlog.common.metrics.MetricsSnapshot;
import io.github.kinlog.common.metrics.SenderMetrics;
import io.github.kinlog.common.testing.Await;
import io.github.kinlog.common.testing.FakeTransport;
import io.github.kinlog.common.testing.RecordingStatus;
import io.github.kinlog.common.testing.Records;
import io.github.kinlog.common.testing.Settings;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The sender with {@code recordFormat=packed}: what Kinesis receives, and how every event is still accounted for. */
class PackedSenderTest {
    private final FakeTransport transport = new FakeTransport();
    private final RecordingStatus status = new RecordingStatus();
    private final Settings settings = new Settings();
    private final List<KinesisSender> started = new ArrayList<>();

    PackedSenderTest() {
        settings.recordFormat = RecordFormat.PACKED;
        settings.packedRecordBytes = 2_000;
        settings.linger = Duration.ofMillis(20);
    }

    @AfterEach
    void closeSenders() {
        started.forEach(KinesisSender::close);
    }

    private KinesisSender start() {
        KinesisSender sender = KinesisSender.start(settings.build(), () -> transport, status, new SenderMetrics());
        started.add(sender);
        return sender;
    }

    /** Events of about 50 bytes: {@code {"id":"event-7","key":"k"}}. */
    private static List<String> events(int count) {
        return IntStream.range(0, count).mapToObj(i -> "event-" + i).toList();
    }

    private static void send(KinesisSender sender, String id, String key) {
        String json = "{\"id\":\"" + id + "\",\"key\":\"" + key + "\"}";
        assertThat(sender.send(json.getBytes(StandardCharsets.UTF_8), key, key.length()))
                .isTrue();
    }

    /** The event ids in one record as received: an array's elements, or the one object. */
    private static List<String> ids(String record) {
        return Records.eventsWithin(record.getBytes(StandardCharsets.UTF_8), Integer.MAX_VALUE).stream()
                .map(event -> event.get("id").asText())
                .toList();
    }

    private static List<String> ids(List<String> records) {
        List<String> ids = new ArrayList<>();
        records.forEach(record -> ids.addAll(ids(record)));
        return ids;
    }

    private static MetricsSnapshot metrics(KinesisSender sender) {
        return sender.metrics().snapshot();
    }

    @Test
    void eventsGoAsJsonArraysWithinThePackedSizeEachOnceAndInOrder() {
        KinesisSender sender = start();
        List<String> events = events(1_000);

        events.forEach(id -> send(sender, id, "k"));

        Await.equal("sent", () -> metrics(sender).sent(), 1_000L);
        List<String> received = transport.received();
        assertThat(ids(received)).containsExactlyElementsOf(events);
        assertThat(received)
                .allSatisfy(record -> assertThat(record.length() + 1).isLessThanOrEqualTo(2_000));
        // About 60 events of 30 to 32 bytes in each 2,000-byte record.
        assertThat(received.size()).isLessThan(1_000 / 50);
        assertThat(metrics(sender).recordsSent()).isEqualTo(received.size());
        long eventBytes = events.stream()
                .mapToLong(id -> "{\"id\":\"\",\"key\":\"k\"}".length() + id.length() + 1)
                .sum();
        assertThat(metrics(sender).bytesSent()).as("each event's data and key").isEqualTo(eventBytes);
    }

    @Test
    void aRefusedPackedRecordIsResentWholeAndItsEventsCountedOneByOne() {
        transport.then(failRecords(i -> i == 1, RecordOutcome.THROTTLED, "ProvisionedThroughputExceededException"));
        settings.linger = Duration.ofMinutes(1);
        KinesisSender sender = start();
        List<String> events = events(200);

        events.forEach(id -> send(sender, id, "k"));
        assertThat(sender.flush(Duration.ofSeconds(10)).complete()).isTrue();

        assertThat(metrics(sender).sent()).isEqualTo(200L);
        List<String> refused = ids(transport.requests().get(0).records().get(1));
        assertThat(refused).hasSizeGreaterThan(10);
        assertThat(ids(transport.requests().get(1).records())).containsExactlyElementsOf(refused);
        MetricsSnapshot metrics = metrics(sender);
        assertThat(metrics.throttled()).isEqualTo(refused.size());
        assertThat(metrics.retried()).isEqualTo(refused.size());
        assertThat(metrics.droppedTotal()).isZero();
        assertThat(ids(transport.received())).hasSize(200 + refused.size()).containsAll(events);
    }

    @Test
    void aWholeRequestThrottledIsResentAndCountedInEvents() {
        transport.then(FakeTransport.throttled());
        KinesisSender sender = start();

        events(300).forEach(id -> send(sender, id, "k"));

        Await.equal("sent", () -> metrics(sender).sent(), 300L);
        assertThat(metrics(sender).throttled()).isEqualTo(300);
        assertThat(ids(transport.received())).hasSize(600);
    }

    @Test
    void aRejectedPackedRecordDropsEachOfItsEventsCounted() {
        transport.then(failRecords(i -> i == 0, RecordOutcome.REJECTED, "InvalidArgumentException: scripted"));
        settings.linger = Duration.ofMinutes(1);
        KinesisSender sender = start();

        events(100).forEach(id -> send(sender, id, "k"));
        assertThat(sender.flush(Duration.ofSeconds(10)).complete()).isTrue();

        assertThat(metrics(sender).sent() + metrics(sender).droppedTotal()).isEqualTo(100L);
        int inFirstRecord = ids(transport.requests().get(0).records().get(0)).size();
        assertThat(metrics(sender).dropped(DropReason.REJECTED)).isEqualTo(inFirstRecord);
        assertThat(status.at("ERROR"))
                .anySatisfy(message -> assertThat(message).contains("rejected " + inFirstRecord + " events"));
    }

    @Test
    void perEventKeysAreKeptEveryRecordHoldsOneKeyInOrder() {
        settings.keepsKeys = true;
        KinesisSender sender = start();
        List<String> events = events(600);

        for (int i = 0; i < events.size(); i++) {
            send(sender, events.get(i), "tenant-" + (i % 7));
        }

        Await.equal("sent", () -> metrics(sender).sent(), 600L);
        for (String record : transport.received()) {
            List<JsonNode> inRecord = Records.eventsWithin(record.getBytes(StandardCharsets.UTF_8), Integer.MAX_VALUE);
            String key = inRecord.get(0).get("key").asText();
            List<Integer> numbers = new ArrayList<>();
            for (JsonNode event : inRecord) {
                assertThat(event.get("key").asText()).isEqualTo(key);
                numbers.add(Integer.parseInt(event.get("id").asText().substring("event-".length())));
            }
            assertThat(numbers).isSorted();
        }
        assertThat(ids(transport.received())).containsExactlyInAnyOrderElementsOf(events);
    }

    @Test
    void aRequestHoldsAtMostMaxBatchRecordsRecordsWhateverTheEventsPerRecord() {
        settings.keepsKeys = true;
        settings.linger = Duration.ofMinutes(1);
        KinesisSender sender = start();

        // 700 keys: 700 records, so two requests; 1,400 events.
        for (int i = 0; i < 1_400; i++) {
            send(sender, "event-" + i, "key-" + (i % 700));
        }
        FlushResult flushed = sender.flush(Duration.ofSeconds(10));

        assertThat(flushed.complete()).isTrue();
        assertThat(transport.requests())
                .allSatisfy(request -> assertThat(request.records()).hasSizeLessThanOrEqualTo(500));
        assertThat(ids(transport.received())).hasSize(1_400);
    }

    @Test
    void oversizeAndForeignRecordsGoAloneAmongPackedOnes() {
        KinesisSender sender = start();
        String large = "{\"id\":\"large\",\"pad\":\"" + "x".repeat(1_990) + "\"}";

        send(sender, "a", "k");
        sender.send(large.getBytes(StandardCharsets.UTF_8), "k", 1);
        sender.send("not json".getBytes(StandardCharsets.UTF_8), "k", 1, false);
        send(sender, "b", "k");
        FlushResult flushed = sender.flush(Duration.ofSeconds(10));

        assertThat(flushed.complete()).isTrue();
        assertThat(transport.received())
                .containsExactlyInAnyOrder(
                        "[{\"id\":\"a\",\"key\":\"k\"},{\"id\":\"b\",\"key\":\"k\"}]", large, "not json");
    }

    @Test
    void closeDeliversEverythingPacked() {
        settings.linger = Duration.ofMinutes(1);
        KinesisSender sender = start();
        events(1_234).forEach(id -> send(sender, id, "k"));

        FlushResult result = sender.close(Duration.ofSeconds(10));

        assertThat(result.complete()).isTrue();
        assertThat(metrics(sender).sent()).isEqualTo(1_234);
        assertThat(ids(transport.received())).containsExactlyElementsOf(events(1_234));
        assertThat(transport.received().size()).isLessThan(40);
    }
}
