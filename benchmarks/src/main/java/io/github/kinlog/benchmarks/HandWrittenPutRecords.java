package io.github.kinlog.benchmarks;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.github.kinlog.common.send.KinesisRecord;
import io.github.kinlog.common.send.KinesisTransport;
import io.github.kinlog.common.send.PutAnswer;
import io.github.kinlog.common.send.RecordOutcome;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;

/**
 * A contender, not a product: PutRecords written by hand (JSON body with jackson-core) and sent with the SDK's own
 * signer and HTTP client, skipping the SDK's Kinesis client. It answers whether that client costs enough CPU to be
 * worth replacing; measured side by side with it in {@link ClientComparison}, it does not.
 */
final class HandWrittenPutRecords implements KinesisTransport {
    private final SdkHttpClient http = UrlConnectionHttpClient.create();
    private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();
    private final AwsCredentialsProvider credentials;
    private final URI endpoint;
    private final ExecutorService threads;
    private final JsonFactory json = new JsonFactory();

    HandWrittenPutRecords(URI endpoint, AwsCredentialsProvider credentials) {
        this.endpoint = endpoint;
        this.credentials = credentials;
        this.threads = Executors.newFixedThreadPool(4, task -> {
            Thread thread = new Thread(task, "hand-written-put");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public CompletableFuture<PutAnswer> putRecords(String streamName, List<? extends KinesisRecord> records) {
        return CompletableFuture.supplyAsync(
                () -> {
                    try {
                        return call(streamName, records);
                    } catch (IOException | RuntimeException e) {
                        return PutAnswer.requestFailed(RecordOutcome.RETRY, e.toString(), e);
                    }
                },
                threads);
    }

    private PutAnswer call(String streamName, List<? extends KinesisRecord> records) throws IOException {
        int estimate = 64;
        for (KinesisRecord record : records) {
            estimate += record.data().length * 4 / 3 + record.partitionKey().length() + 40;
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream(estimate);
        try (JsonGenerator gen = json.createGenerator(body)) {
            gen.writeStartObject();
            gen.writeStringField("StreamName", streamName);
            gen.writeArrayFieldStart("Records");
            for (KinesisRecord record : records) {
                gen.writeStartObject();
                gen.writeFieldName("Data");
                gen.writeBinary(record.data());
                gen.writeStringField("PartitionKey", record.partitionKey());
                gen.writeEndObject();
            }
            gen.writeEndArray();
            gen.writeEndObject();
        }
        byte[] bytes = body.toByteArray();
        SdkHttpFullRequest http = SdkHttpFullRequest.builder()
                .method(SdkHttpMethod.POST)
                .uri(endpoint)
                .putHeader("Content-Type", "application/x-amz-json-1.1")
                .putHeader("X-Amz-Target", "Kinesis_20131202.PutRecords")
                .putHeader("Content-Length", Integer.toString(bytes.length))
                .build();
        SignedRequest signed =
                signer.sign(r -> r.identity(credentials.resolveIdentity().join())
                        .request(http)
                        .payload(ContentStreamProvider.fromByteArrayUnsafe(bytes))
                        .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "kinesis")
                        .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1"));
        HttpExecuteResponse response = this.http
                .prepareRequest(HttpExecuteRequest.builder()
                        .request(signed.request())
                        .contentStreamProvider(signed.payload().orElse(null))
                        .build())
                .call();
        List<RecordOutcome> results = new ArrayList<>(records.size());
        List<String> errors = new ArrayList<>(records.size());
        try (InputStream in = response.responseBody().orElseThrow();
                JsonParser parser = json.createParser(in)) {
            while (parser.nextToken() != null) {
                if (parser.currentToken() == JsonToken.FIELD_NAME
                        && parser.currentName().equals("Records")) {
                    parser.nextToken();
                    while (parser.nextToken() == JsonToken.START_OBJECT) {
                        String error = null;
                        while (parser.nextToken() == JsonToken.FIELD_NAME) {
                            String name = parser.currentName();
                            parser.nextToken();
                            if (name.equals("ErrorCode")) {
                                error = parser.getText();
                            }
                        }
                        errors.add(error);
                        results.add(
                                error == null
                                        ? RecordOutcome.OK
                                        : error.equals("ProvisionedThroughputExceededException")
                                                ? RecordOutcome.THROTTLED
                                                : RecordOutcome.RETRY);
                    }
                }
            }
        }
        return PutAnswer.perRecord(results.toArray(new RecordOutcome[0]), errors.toArray(new String[0]));
    }

    @Override
    public void close() {
        threads.shutdownNow();
        http.close();
    }
}
