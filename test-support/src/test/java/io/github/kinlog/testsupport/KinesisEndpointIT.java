package io.github.kinlog.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opentest4j.AssertionFailedError;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResultEntry;

@ExtendWith(KinesisExtension.class)
class KinesisEndpointIT {
    private static final int RECORDS = 2_000;
    private static final int MAX_RECORDS_PER_REQUEST = 500;

    /** What was written, and where Kinesis said it went. */
    private record Sent(PutRecordsRequestEntry entry, String shardId, String sequenceNumber) {}

    @Test
    void everyRecordPutComesBackByteForByteFromEveryShard(@Shards(4) TestStream stream) {
        if (stream.endpoint().managesStreams()) {
            assertThat(stream.shardCount()).isEqualTo(4);
        }
        Random random = new Random(42);
        String run = "run-" + UUID.randomUUID() + "|";
        List<PutRecordsRequestEntry> entries = new ArrayList<>();
        for (int i = 0; i < RECORDS; i++) {
            entries.add(PutRecordsRequestEntry.builder()
                    .partitionKey(UUID.randomUUID().toString())
                    .data(SdkBytes.fromByteArray(payload(run, i, random)))
                    .build());
        }

        List<Sent> sent = new ArrayList<>();
        for (int from = 0; from < entries.size(); from += MAX_RECORDS_PER_REQUEST) {
            sent.addAll(
                    putAll(stream, entries.subList(from, Math.min(entries.size(), from + MAX_RECORDS_PER_REQUEST))));
        }
        assertThat(sent).hasSize(RECORDS);

        List<StreamRecord> read = stream.readAll().stream()
                .filter(record -> record.dataAsUtf8().startsWith(run))
                .toList();
        assertThat(read).hasSize(RECORDS);
        Map<String, StreamRecord> bySequenceNumber =
                read.stream().collect(Collectors.toMap(StreamRecord::sequenceNumber, record -> record));
        for (Sent expected : sent) {
            StreamRecord actual = bySequenceNumber.get(expected.sequenceNumber());
            assertThat(actual).as("record %s", expected.sequenceNumber()).isNotNull();
            assertThat(actual.shardId()).isEqualTo(expected.shardId());
            assertThat(actual.partitionKey()).isEqualTo(expected.entry().partitionKey());
            assertThat(actual.data()).isEqualTo(expected.entry().data().asByteArray());
        }
        Set<String> shardsWithRecords = read.stream().map(StreamRecord::shardId).collect(Collectors.toSet());
        assertThat(shardsWithRecords).hasSize(stream.shardCount());
    }

    @Test
    void awaitRecordsReturnsOnceEnoughHaveArrivedAndOtherwiseSaysHowManyDid(TestStream stream) {
        stream.endpoint()
                .client()
                .putRecord(request ->
                        request.streamName(stream.name()).partitionKey("k").data(SdkBytes.fromUtf8String("only one")));

        assertThat(stream.awaitRecords(1, Duration.ofSeconds(30)))
                .extracting(StreamRecord::dataAsUtf8)
                .contains("only one");
        assumeTrue(stream.endpoint().managesStreams(), "a shared AWS stream may hold more records");
        assertThatThrownBy(() -> stream.awaitRecords(2, Duration.ofMillis(300)))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessageContaining("Expected at least 2 records in stream '" + stream.name() + "'")
                .hasMessageEndingWith("but 1 arrived.");
    }

    @Test
    void unknownStreamIsAClearError(KinesisEndpoint kinesis) {
        assumeTrue(kinesis.managesStreams(), "the aws backend only knows the named stream");
        assertThatThrownBy(() -> kinesis.stream("no-such-stream"))
                .isInstanceOf(KinesisSetupException.class)
                .hasMessageStartingWith("Stream 'no-such-stream' does not exist at ")
                .hasMessageContaining("createStream(name, shards)");
    }

    @Test
    void badStreamRequestsAreClearErrors(KinesisEndpoint kinesis, TestStream existing) {
        assumeTrue(kinesis.managesStreams(), "the aws backend never creates streams");
        assertThatThrownBy(() -> kinesis.createStream("has spaces", 1))
                .isInstanceOf(KinesisSetupException.class)
                .hasMessageContaining("'has spaces' is not a valid stream name");
        assertThatThrownBy(() -> kinesis.createStream("no-shards", 0))
                .isInstanceOf(KinesisSetupException.class)
                .hasMessageContaining("needs at least one shard");
        assertThatThrownBy(() -> kinesis.createStream(existing.name(), 1))
                .isInstanceOf(KinesisSetupException.class)
                .hasMessageContaining("Stream '" + existing.name() + "' already exists");
        assertThat(kinesis.stream(existing.name()).shardCount()).isEqualTo(1);
    }

    /** Puts the entries, resending exactly the ones a partial failure rejected. */
    private static List<Sent> putAll(TestStream stream, List<PutRecordsRequestEntry> batch) {
        Sent[] sent = new Sent[batch.size()];
        List<Integer> pending = IntStream.range(0, batch.size()).boxed().toList();
        for (int attempt = 1; !pending.isEmpty(); attempt++) {
            assertThat(attempt).as("attempts to put a batch").isLessThanOrEqualTo(10);
            List<Integer> toSend = pending;
            PutRecordsResponse response = stream.endpoint()
                    .client()
                    .putRecords(request -> request.streamName(stream.name())
                            .records(toSend.stream().map(batch::get).toList()));
            List<Integer> failed = new ArrayList<>();
            for (int i = 0; i < toSend.size(); i++) {
                PutRecordsResultEntry result = response.records().get(i);
                int index = toSend.get(i);
                if (result.errorCode() == null) {
                    sent[index] = new Sent(batch.get(index), result.shardId(), result.sequenceNumber());
                } else {
                    failed.add(index);
                }
            }
            pending = failed;
            if (!pending.isEmpty()) {
                Sleeper.sleep(Duration.ofMillis(100L * attempt));
            }
        }
        return List.of(sent);
    }

    /** A marker and an index, then random bytes (not valid UTF-8), now and then large. */
    private static byte[] payload(String run, int index, Random random) {
        byte[] header = (run + index + "|").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[index % 400 == 7 ? 200 * 1024 : random.nextInt(2048)];
        random.nextBytes(body);
        byte[] payload = new byte[header.length + body.length];
        System.arraycopy(header, 0, payload, 0, header.length);
        System.arraycopy(body, 0, payload, header.length, body.length);
        return payload;
    }
}
