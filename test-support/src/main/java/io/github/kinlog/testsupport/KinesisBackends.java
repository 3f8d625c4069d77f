package io.github.kinlog.testsupport;

import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.regions.Region;

/** Starts or connects to the Kinesis endpoint the settings select. */
final class KinesisBackends {
    /** Emulators accept any credentials; these make requests easy to spot in their logs. */
    static final StaticCredentialsProvider EMULATOR_CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("kinlog-test", "kinlog-test"));

    private KinesisBackends() {}

    static KinesisEndpoint start(KinesisTestSettings settings) {
        return switch (settings.backend()) {
            case KINESIS_MOCK -> startKinesisMock(settings);
            case LOCALSTACK -> LocalStackBackend.start(settings.localStackImage());
            case AWS -> connectToAws(settings);
        };
    }

    private static KinesisEndpoint startKinesisMock(KinesisTestSettings settings) {
        NodeJs nodeJs = NodeJs.locate(settings.node());
        return KinesisEndpoint.of(KinesisMockServer.start(
                nodeJs, settings.mockDirectory(), settings.mockPort().orElse(0)));
    }

    private static KinesisEndpoint connectToAws(KinesisTestSettings settings) {
        String stream = settings.awsStream()
                .orElseThrow(() -> new KinesisSetupException("The aws backend needs the stream to write to: set "
                        + KinesisTestSettings.AWS_STREAM + " (and " + KinesisTestSettings.AWS_REGION + ")."));
        Region region = settings.awsRegion()
                .orElseThrow(() -> new KinesisSetupException("The aws backend needs the region of stream '" + stream
                        + "': set " + KinesisTestSettings.AWS_REGION + ", for example us-east-1."));
        DefaultCredentialsProvider credentials =
                DefaultCredentialsProvider.builder().build();
        KinesisEndpoint endpoint = new KinesisEndpoint(
                "AWS Kinesis in " + region + " (stream '" + stream + "')",
                Optional.empty(),
                region,
                credentials,
                Optional.of(stream),
                credentials,
                Optional.empty());
        try {
            endpoint.describe(stream);
            return endpoint;
        } catch (SdkException e) {
            closeQuietly(endpoint);
            throw new KinesisSetupException("Could not reach stream '" + stream + "' in " + region + " with the default"
                    + " AWS credentials (environment, ~/.aws profile, instance role): " + e.getMessage());
        } catch (RuntimeException e) {
            closeQuietly(endpoint);
            throw e;
        }
    }

    static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // already failing; the original error matters more
        }
    }
}
