package io.github.kinlog.common.send;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequest;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResultEntry;

class SdkPutRecordsTest {
    private static OutboundRecord record(String data, String key) {
        return new OutboundRecord(data.getBytes(StandardCharsets.UTF_8), key, key.length(), 0, true);
    }

    private static PutRecordsResultEntry failed(String code) {
        return PutRecordsResultEntry.builder()
                .errorCode(code)
                .errorMessage("scripted")
                .build();
    }

    @Test
    void theRequestCarriesEachRecordsDataAndKeyInOrder() {
        PutRecordsRequest request = SdkPutRecords.request("logs", List.of(record("a", "k1"), record("b", "k2")));

        assertThat(request.streamName()).isEqualTo("logs");
        assertThat(request.records())
                .extracting(entry -> entry.data().asUtf8String())
                .containsExactly("a", "b");
        assertThat(request.records()).extracting(entry -> entry.partitionKey()).containsExactly("k1", "k2");
    }

    @Test
    void eachRecordsErrorCodeBecomesItsOutcome() {
        PutRecordsResponse response = PutRecordsResponse.builder()
                .failedRecordCount(4)
                .records(
                        PutRecordsResultEntry.builder()
                                .shardId("shardId-0")
                                .sequenceNumber("1")
                                .build(),
                        failed("ProvisionedThroughputExceededException"),
                        failed("InternalFailure"),
                        failed("KMSNotFoundException"),
                        failed("InvalidArgumentException"))
                .build();

        PutAnswer answer = SdkPutRecords.answer(response);

        assertThat(answer.requestFailed()).isFalse();
        assertThat(List.of(
                        answer.outcome(0), answer.outcome(1), answer.outcome(2), answer.outcome(3), answer.outcome(4)))
                .containsExactly(
                        RecordOutcome.OK,
                        RecordOutcome.THROTTLED,
                        RecordOutcome.RETRY,
                        RecordOutcome.CONFIGURATION,
                        RecordOutcome.REJECTED);
        assertThat(answer.error(0)).isNull();
        assertThat(answer.error(1)).isEqualTo("ProvisionedThroughputExceededException: scripted");
        assertThat(answer.error(3)).isEqualTo("KMSNotFoundException: scripted");
    }

    @Test
    void aFailedCallIsOneAnswerForTheWholeRequestDescribedWithoutTheSdksNoise() {
        PutAnswer missing = SdkPutRecords.call(
                        "logs", List.of(record("a", "k")), request -> failedFuture(SdkErrors.streamNotFound()))
                .join();
        assertThat(missing.requestFailed()).isTrue();
        assertThat(missing.outcome(0)).isEqualTo(RecordOutcome.CONFIGURATION);
        assertThat(missing.failure())
                .isEqualTo("ResourceNotFoundException: Stream logs under account 000000000000 not found");
        assertThat(missing.cause())
                .isInstanceOf(software.amazon.awssdk.services.kinesis.model.ResourceNotFoundException.class);

        PutAnswer refused = SdkPutRecords.call("logs", List.of(record("a", "k")), request -> {
                    throw SdkClientException.create(
                            "Unable to execute HTTP request: Connection refused",
                            new java.net.ConnectException("Connection refused"));
                })
                .join();
        assertThat(refused.outcome(0)).isEqualTo(RecordOutcome.RETRY);
        assertThat(refused.failure()).isEqualTo("ConnectException: Connection refused");

        PutAnswer throttled = SdkPutRecords.call(
                        "logs", List.of(record("a", "k")), request -> failedFuture(SdkErrors.throttled()))
                .join();
        assertThat(throttled.outcome(0)).isEqualTo(RecordOutcome.THROTTLED);
    }

    @Test
    void anSdkTooOldToBuildTheRequestIsAConfigurationErrorThatSaysSo() {
        KinesisRecord missingMethod = new KinesisRecord() {
            @Override
            public byte[] data() {
                throw new NoSuchMethodError("'software.amazon.awssdk.core.SdkBytes"
                        + " software.amazon.awssdk.core.SdkBytes.fromByteArrayUnsafe(byte[])'");
            }

            @Override
            public String partitionKey() {
                return "k";
            }
        };

        PutAnswer answer = SdkPutRecords.call(
                        "logs", List.of(missingMethod), request -> CompletableFuture.completedFuture(null))
                .join();

        assertThat(answer.outcome(0)).isEqualTo(RecordOutcome.CONFIGURATION);
        assertThat(answer.failure()).contains("the AWS SDK on the class path is older than Kinlog supports");
    }

    @Test
    void aTransportThatCannotBeMadeSaysWhyInOneLine() {
        assertThatThrownBy(() -> SdkPutRecords.open(() -> {
                    throw SdkClientException.create("Unable to load region from any of the providers");
                }))
                .isInstanceOf(TransportUnavailable.class)
                .hasMessage("no AWS region: set the region option, or AWS_REGION")
                .hasCauseInstanceOf(SdkClientException.class);
    }

    private static <T> CompletableFuture<T> failedFuture(Throwable failure) {
        return CompletableFuture.failedFuture(failure);
    }
}
