package io.github.kinlog.common.send;

import io.github.kinlog.common.status.Causes;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequest;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResultEntry;

/**
 * One PutRecords call through the AWS SDK, in Kinlog's terms both ways: Kinlog's records become the SDK's request,
 * and the SDK's response or exception becomes a {@link PutAnswer}. The transports over the SDK's clients share it.
 */
final class SdkPutRecords {
    private SdkPutRecords() {}

    /**
     * Builds the request and makes the call; never throws. An SDK too old for Kinlog fails here with a
     * {@link LinkageError}, which becomes a configuration error saying so.
     */
    static CompletableFuture<PutAnswer> call(
            String streamName,
            List<? extends KinesisRecord> records,
            Function<PutRecordsRequest, CompletableFuture<PutRecordsResponse>> client) {
        CompletableFuture<PutRecordsResponse> response;
        try {
            response = client.apply(request(streamName, records));
        } catch (RuntimeException | LinkageError e) {
            return CompletableFuture.completedFuture(failure(e));
        }
        return response.handle((answer, failure) -> failure != null ? failure(failure) : answer(answer));
    }

    static PutRecordsRequest request(String streamName, List<? extends KinesisRecord> records) {
        List<PutRecordsRequestEntry> entries = new ArrayList<>(records.size());
        for (KinesisRecord record : records) {
            entries.add(PutRecordsRequestEntry.builder()
                    .data(SdkBytes.fromByteArrayUnsafe(record.data()))
                    .partitionKey(record.partitionKey())
                    .build());
        }
        return PutRecordsRequest.builder()
                .streamName(streamName)
                .records(entries)
                .build();
    }

    /** Each record's outcome, from its error code. */
    static PutAnswer answer(PutRecordsResponse response) {
        List<PutRecordsResultEntry> results = response.records();
        RecordOutcome[] outcomes = new RecordOutcome[results.size()];
        String[] errors = null;
        for (int i = 0; i < outcomes.length; i++) {
            PutRecordsResultEntry result = results.get(i);
            if (result.errorCode() == null) {
                outcomes[i] = RecordOutcome.OK;
                continue;
            }
            outcomes[i] = ErrorClassifier.classifyRecordError(result.errorCode());
            if (errors == null) {
                errors = new String[outcomes.length];
            }
            errors[i] = result.errorCode() + ": " + result.errorMessage();
        }
        return PutAnswer.perRecord(outcomes, errors);
    }

    /** The whole request failed: what to do about it, and why in one line. */
    static PutAnswer failure(Throwable failure) {
        Throwable cause = Causes.unwrap(failure);
        return PutAnswer.requestFailed(ErrorClassifier.classify(cause), ErrorClassifier.describe(cause), cause);
    }

    /** Makes a transport; a failure (no region, no credentials, an SDK too old) says why in one line. */
    static KinesisTransport open(Supplier<KinesisTransport> transports) throws TransportUnavailable {
        try {
            return transports.get();
        } catch (RuntimeException | LinkageError e) {
            Throwable cause = Causes.unwrap(e);
            throw new TransportUnavailable(ErrorClassifier.describe(cause), cause);
        }
    }
}
