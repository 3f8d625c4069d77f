package io.github.kinlog.testsupport;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.ResourceInUseException;
import software.amazon.awssdk.services.kinesis.model.ResourceNotFoundException;
import software.amazon.awssdk.services.kinesis.model.StreamDescriptionSummary;
import software.amazon.awssdk.services.kinesis.model.StreamStatus;

/**
 * A Kinesis API a test can use: where it is, how to sign for it, a ready client, and the streams on it. Tests receive
 * one from {@link KinesisExtension}; it is shared by every test of the run.
 */
public final class KinesisEndpoint implements AutoCloseable {
    private static final Pattern STREAM_NAME = Pattern.compile("[a-zA-Z0-9_.-]{1,128}");
    private static final Duration STREAM_ACTIVE_TIMEOUT = Duration.ofSeconds(60);
    private static final AtomicInteger STREAM_COUNTER = new AtomicInteger();
    /** The region kinesis-mock's streams live in, as far as signing goes. */
    public static final Region EMULATOR_REGION = Region.US_EAST_1;

    private final String description;
    private final Optional<URI> endpointOverride;
    private final Region region;
    private final AwsCredentialsProvider credentials;
    private final Optional<String> sharedStream;
    private final AutoCloseable backend;
    private final Optional<ProcessHandle> serverProcess;
    private final KinesisClient client;

    KinesisEndpoint(
            String description,
            Optional<URI> endpointOverride,
            Region region,
            AwsCredentialsProvider credentials,
            Optional<String> sharedStream,
            AutoCloseable backend,
            Optional<ProcessHandle> serverProcess) {
        this.description = description;
        this.endpointOverride = endpointOverride;
        this.region = region;
        this.credentials = credentials;
        this.sharedStream = sharedStream;
        this.backend = backend;
        this.serverProcess = serverProcess;
        this.client = configure(KinesisClient.builder())
                .httpClient(UrlConnectionHttpClient.builder()
                        .socketTimeout(Duration.ofSeconds(30))
                        .build())
                .overrideConfiguration(override -> override.apiCallTimeout(Duration.ofSeconds(60)))
                .build();
    }

    /**
     * An endpoint over a kinesis-mock server started separately (for example later, on a chosen port, to play an
     * endpoint that comes back). Closing the endpoint stops the server.
     */
    public static KinesisEndpoint of(KinesisMockServer server) {
        return new KinesisEndpoint(
                server.toString(),
                Optional.of(server.endpoint()),
                EMULATOR_REGION,
                KinesisBackends.EMULATOR_CREDENTIALS,
                Optional.empty(),
                server,
                Optional.of(server.process()));
    }

    /** Whether this is kinesis-mock, which tests can also start themselves with {@link KinesisMockServer}. */
    public boolean isKinesisMock() {
        return serverProcess.isPresent();
    }

    /** The URI to override the SDK's endpoint with; empty for real AWS. */
    public Optional<URI> endpointOverride() {
        return endpointOverride;
    }

    public Region region() {
        return region;
    }

    public AwsCredentialsProvider credentials() {
        return credentials;
    }

    /** A synchronous client for this endpoint, owned by the endpoint: do not close it. */
    public KinesisClient client() {
        return client;
    }

    /**
     * Makes this endpoint's credentials the ones the AWS SDK's default chain finds first (the {@code aws.accessKeyId}
     * and {@code aws.secretAccessKey} system properties), until the returned handle is closed, so that code building
     * its own client, as the appenders do, can sign requests to an emulator. Does nothing on the AWS backend, whose
     * real credentials must stay in charge.
     */
    public AutoCloseable exportCredentials() {
        if (!managesStreams()) {
            return () -> {};
        }
        var identity = credentials.resolveCredentials();
        String previousKey = System.setProperty("aws.accessKeyId", identity.accessKeyId());
        String previousSecret = System.setProperty("aws.secretAccessKey", identity.secretAccessKey());
        return () -> {
            restore("aws.accessKeyId", previousKey);
            restore("aws.secretAccessKey", previousSecret);
        };
    }

    private static void restore(String property, String previous) {
        if (previous == null) {
            System.clearProperty(property);
        } else {
            System.setProperty(property, previous);
        }
    }

    /** Points any AWS SDK client builder (sync or async) at this endpoint: region, credentials, endpoint. */
    public <B extends AwsClientBuilder<B, ?>> B configure(B builder) {
        builder.region(region).credentialsProvider(credentials);
        endpointOverride.ifPresent(builder::endpointOverride);
        return builder;
    }

    /**
     * Whether streams can be created and deleted here. False on the AWS backend, where every {@link TestStream} is the
     * one stream the user named.
     */
    public boolean managesStreams() {
        return sharedStream.isEmpty();
    }

    /** Creates a stream and waits until it is ACTIVE. */
    public TestStream createStream(String name, int shards) {
        requireManagedStreams("create stream '" + name + "'");
        if (name == null || !STREAM_NAME.matcher(name).matches()) {
            throw new KinesisSetupException(
                    "'" + name + "' is not a valid stream name: use 1 to 128 letters, digits, '_', '.' or '-'.");
        }
        if (shards < 1) {
            throw new KinesisSetupException(
                    "A stream needs at least one shard; stream '" + name + "' was asked for " + shards + ".");
        }
        try {
            client.createStream(request -> request.streamName(name).shardCount(shards));
        } catch (ResourceInUseException e) {
            throw new KinesisSetupException("Stream '" + name + "' already exists at " + description
                    + ". Use stream(name) to get it, or pick a name no other test uses.");
        }
        return new TestStream(this, name, awaitActive(name).openShardCount(), null);
    }

    /** A stream that already exists. */
    public TestStream stream(String name) {
        if (!managesStreams() && !sharedStream.get().equals(name)) {
            throw new KinesisSetupException("The aws backend only uses the stream named by "
                    + KinesisTestSettings.AWS_STREAM + " ('" + sharedStream.get() + "'), not '" + name + "'.");
        }
        return new TestStream(this, name, describe(name).openShardCount(), null);
    }

    /** Deletes a stream if it exists, without waiting for the deletion to finish. */
    public void deleteStream(String name) {
        requireManagedStreams("delete stream '" + name + "'");
        try {
            client.deleteStream(request -> request.streamName(name).enforceConsumerDeletion(true));
        } catch (ResourceNotFoundException alreadyGone) {
            // nothing to delete
        }
    }

    /** A stream name no other test in this run uses, starting with {@code prefix}. */
    public String uniqueStreamName(String prefix) {
        String cleaned = prefix.replaceAll("[^a-zA-Z0-9_.-]", "-");
        String suffix = "-" + STREAM_COUNTER.incrementAndGet() + "-"
                + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x100000, 0x1000000));
        return cleaned.substring(0, Math.min(cleaned.length(), 128 - suffix.length())) + suffix;
    }

    /** A fresh stream for one test, or the user's stream on the AWS backend (read from now on). */
    TestStream newTestStream(String prefix, int shards) {
        if (sharedStream.isPresent()) {
            String name = sharedStream.get();
            // Other writers may share this stream; start reading a little before now to allow for clock skew.
            return new TestStream(
                    this, name, describe(name).openShardCount(), Instant.now().minusSeconds(60));
        }
        return createStream(uniqueStreamName(prefix), shards);
    }

    /** The kinesis-mock process, if this endpoint runs one. */
    Optional<ProcessHandle> serverProcess() {
        return serverProcess;
    }

    StreamDescriptionSummary describe(String name) {
        try {
            return client.describeStreamSummary(request -> request.streamName(name))
                    .streamDescriptionSummary();
        } catch (ResourceNotFoundException e) {
            String existing =
                    managesStreams() ? " Streams there: " + client.listStreams().streamNames() + "." : "";
            throw new KinesisSetupException("Stream '" + name + "' does not exist at " + description + "." + existing
                    + " Create it with KinesisEndpoint.createStream(name, shards), or take a TestStream parameter.");
        }
    }

    private StreamDescriptionSummary awaitActive(String name) {
        long deadline = System.nanoTime() + STREAM_ACTIVE_TIMEOUT.toNanos();
        while (true) {
            StreamDescriptionSummary summary = describe(name);
            if (summary.streamStatus() == StreamStatus.ACTIVE) {
                return summary;
            }
            if (System.nanoTime() > deadline) {
                throw new KinesisSetupException("Stream '" + name + "' is still " + summary.streamStatus() + " after "
                        + STREAM_ACTIVE_TIMEOUT.toSeconds() + " s at " + description + ".");
            }
            Sleeper.sleep(Duration.ofMillis(100));
        }
    }

    private void requireManagedStreams(String action) {
        if (!managesStreams()) {
            throw new KinesisSetupException("Cannot " + action + ": the aws backend writes only to the stream named by "
                    + KinesisTestSettings.AWS_STREAM + " ('" + sharedStream.get() + "') and never creates or deletes"
                    + " streams. Run this test against kinesis-mock (the default) or localstack.");
        }
    }

    @Override
    public void close() {
        client.close();
        try {
            backend.close();
        } catch (Exception e) {
            throw new IllegalStateException("Could not stop " + description, e);
        }
    }

    @Override
    public String toString() {
        return description;
    }
}
