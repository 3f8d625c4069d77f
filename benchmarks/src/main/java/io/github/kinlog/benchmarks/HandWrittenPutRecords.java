package io.github.kinlog.benchmarks;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.github.kinlog.common.send.KinesisTransport;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
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
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequest;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResultEntry;

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
    public CompletableFuture<PutRecordsResponse> putRecords(PutRecordsRequest request) {
        return CompletableFuture.supplyAsync(() -> call(request), threads);
    }

    private PutRecordsResponse call(PutRecordsRequest request) {
        try {
            int estimate = 64;
            for (PutRecordsRequestEntry entry : request.records()) {
                estimate += entry.data().asByteBuffer().remaining() * 4 / 3
                        + entry.partitionKey().length()
                        + 40;
            }
            ByteArrayOutputStream body = new ByteArrayOutputStream(estimate);
            try (JsonGenerator gen = json.createGenerator(body)) {
                gen.writeStartObject();
                gen.writeStringField("StreamName", request.streamName());
                gen.writeArrayFieldStart("Records");
                for (PutRecordsRequestEntry entry : request.records()) {
                    gen.writeStartObject();
                    gen.writeFieldName("Data");
                    gen.writeBinary(entry.data().asByteArrayUnsafe());
                    gen.writeStringField("PartitionKey", entry.partitionKey());
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
            List<PutRecordsResultEntry> results =
                    new ArrayList<>(request.records().size());
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
                            results.add(PutRecordsResultEntry.builder()
                                    .errorCode(error)
                                    .build());
                        }
                    }
                }
            }
            return PutRecordsResponse.builder().records(results).build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        threads.shutdownNow();
        http.close();
    }
}
