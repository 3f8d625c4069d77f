package io.github.kinlog.benchmarks.sink;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResponse;

/** The sink must answer the real SDK correctly, or benchmarks against it would measure nothing. */
class PutRecordsSinkTest {
    private static KinesisClient client(PutRecordsSink sink) {
        return KinesisClient.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("a", "b")))
                .endpointOverride(URI.create("http://127.0.0.1:" + sink.port()))
                .build();
    }

    private static List<PutRecordsRequestEntry> entries(int count) {
        return IntStream.range(0, count)
                .mapToObj(i -> PutRecordsRequestEntry.builder()
                        .partitionKey("k" + i)
                        .data(SdkBytes.fromUtf8String("record " + i))
                        .build())
                .toList();
    }

    @Test
    void answersEveryRecordOverCbor() throws Exception {
        try (PutRecordsSink sink = new PutRecordsSink(0, 0, 0);
                KinesisClient client = client(sink)) {
            List<String> seen = new CopyOnWriteArrayList<>();
            sink.onRecord((data, nanos) -> seen.add(new String(data)));

            PutRecordsResponse response =
                    client.putRecords(r -> r.streamName("s").records(entries(10)));

            assertThat(response.failedRecordCount()).isZero();
            assertThat(response.records())
                    .hasSize(10)
                    .allSatisfy(result -> assertThat(result.sequenceNumber()).isNotBlank());
            assertThat(seen)
                    .containsExactlyElementsOf(
                            IntStream.range(0, 10).mapToObj(i -> "record " + i).toList());
            assertThat(sink.records()).isEqualTo(10);
        }
    }

    @Test
    void answersOverJsonToo() throws Exception {
        String previous = System.getProperty("aws.cborEnabled");
        System.setProperty("aws.cborEnabled", "false");
        try (PutRecordsSink sink = new PutRecordsSink(0, 0, 0);
                KinesisClient client = client(sink)) {
            List<String> seen = new ArrayList<>();
            sink.onRecord((data, nanos) -> seen.add(new String(data)));

            PutRecordsResponse response =
                    client.putRecords(r -> r.streamName("s").records(entries(3)));

            assertThat(response.records()).hasSize(3);
            assertThat(seen).containsExactly("record 0", "record 1", "record 2");
        } finally {
            if (previous == null) {
                System.clearProperty("aws.cborEnabled");
            } else {
                System.setProperty("aws.cborEnabled", previous);
            }
        }
    }

    @Test
    void throttlesTheConfiguredShare() throws Exception {
        try (PutRecordsSink sink = new PutRecordsSink(0, 0, 1.0);
                KinesisClient client = client(sink)) {
            PutRecordsResponse response =
                    client.putRecords(r -> r.streamName("s").records(entries(5)));

            assertThat(response.failedRecordCount()).isEqualTo(5);
            assertThat(response.records())
                    .allSatisfy(result ->
                            assertThat(result.errorCode()).isEqualTo("ProvisionedThroughputExceededException"));
            assertThat(sink.throttledRecords()).isEqualTo(5);
        }
    }

    @Test
    void holdsAnswersForTheConfiguredDelay() throws Exception {
        try (PutRecordsSink sink = new PutRecordsSink(0, 200, 0);
                KinesisClient client = client(sink)) {
            client.putRecords(r -> r.streamName("s").records(entries(1))); // connection set up
            long start = System.nanoTime();
            client.putRecords(r -> r.streamName("s").records(entries(1)));
            assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(195);
        }
    }

    @Test
    void describesAnyStreamAsActive() throws Exception {
        try (PutRecordsSink sink = new PutRecordsSink(0, 0, 0);
                KinesisClient client = client(sink)) {
            assertThat(client.describeStreamSummary(r -> r.streamName("logs"))
                            .streamDescriptionSummary()
                            .streamStatusAsString())
                    .isEqualTo("ACTIVE");
            assertThat(client.describeStream(r -> r.streamName("logs"))
                            .streamDescription()
                            .shards())
                    .hasSize(1);
        }
    }
}
