package io.github.kinlog.common.send;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;

class ErrorClassifierTest {
    @Test
    void throttlingIsToldApartFromOtherPassingFailures() {
        assertThat(ErrorClassifier.classify(SdkErrors.throttled())).isEqualTo(RecordOutcome.THROTTLED);
        assertThat(ErrorClassifier.classify(SdkErrors.error("KMSThrottlingException", 400)))
                .isEqualTo(RecordOutcome.THROTTLED);
        assertThat(ErrorClassifier.classify(SdkErrors.error("LimitExceededException", 400)))
                .isEqualTo(RecordOutcome.THROTTLED);
        assertThat(ErrorClassifier.classify(SdkErrors.error("SomeThrottlingException", 400)))
                .isEqualTo(RecordOutcome.THROTTLED);
    }

    @Test
    void serverErrorsTimeoutsAndIoAreResent() {
        assertThat(ErrorClassifier.classify(SdkErrors.error("InternalFailure", 500)))
                .isEqualTo(RecordOutcome.RETRY);
        assertThat(ErrorClassifier.classify(SdkErrors.serverError())).isEqualTo(RecordOutcome.RETRY);
        assertThat(ErrorClassifier.classify(ApiCallAttemptTimeoutException.create(1000)))
                .isEqualTo(RecordOutcome.RETRY);
        assertThat(ErrorClassifier.classify(SdkClientException.create("Connection reset", new IOException())))
                .isEqualTo(RecordOutcome.RETRY);
        assertThat(ErrorClassifier.classify(new CompletionException(new IOException("broken pipe"))))
                .isEqualTo(RecordOutcome.RETRY);
    }

    @Test
    void missingStreamsDeniedAccessKmsAndCredentialsAreConfiguration() {
        assertThat(ErrorClassifier.classify(SdkErrors.streamNotFound())).isEqualTo(RecordOutcome.CONFIGURATION);
        assertThat(ErrorClassifier.classify(SdkErrors.error("AccessDeniedException", 400)))
                .isEqualTo(RecordOutcome.CONFIGURATION);
        assertThat(ErrorClassifier.classify(SdkErrors.error("UnrecognizedClientException", 400)))
                .isEqualTo(RecordOutcome.CONFIGURATION);
        assertThat(ErrorClassifier.classify(SdkErrors.error("KMSAccessDeniedException", 400)))
                .isEqualTo(RecordOutcome.CONFIGURATION);
        assertThat(ErrorClassifier.classify(SdkErrors.error("KMSDisabledException", 400)))
                .isEqualTo(RecordOutcome.CONFIGURATION);
        assertThat(ErrorClassifier.classify(
                        SdkClientException.create("Unable to load credentials from any of the providers")))
                .isEqualTo(RecordOutcome.CONFIGURATION);
        assertThat(ErrorClassifier.classify(SdkClientException.create("Unable to load region")))
                .isEqualTo(RecordOutcome.CONFIGURATION);
        assertThat(ErrorClassifier.classify(olderSdk())).isEqualTo(RecordOutcome.CONFIGURATION);
    }

    /** What an application's older SDK, winning over Kinlog's, gives when Kinlog calls a method it lacks. */
    private static NoSuchMethodError olderSdk() {
        return new NoSuchMethodError("'software.amazon.awssdk.core.SdkBytes"
                + " software.amazon.awssdk.core.SdkBytes.fromByteArrayUnsafe(byte[])'");
    }

    @Test
    void invalidRequestsAreRejected() {
        assertThat(ErrorClassifier.classify(SdkErrors.invalidArgument())).isEqualTo(RecordOutcome.REJECTED);
        assertThat(ErrorClassifier.classify(SdkErrors.error("ValidationException", 400)))
                .isEqualTo(RecordOutcome.REJECTED);
    }

    @Test
    void recordErrorCodesFollowTheSameRules() {
        assertThat(ErrorClassifier.classifyRecordError("ProvisionedThroughputExceededException"))
                .isEqualTo(RecordOutcome.THROTTLED);
        assertThat(ErrorClassifier.classifyRecordError("InternalFailure")).isEqualTo(RecordOutcome.RETRY);
        assertThat(ErrorClassifier.classifyRecordError("KMSNotFoundException")).isEqualTo(RecordOutcome.CONFIGURATION);
        assertThat(ErrorClassifier.classifyRecordError("SomeNewError")).isEqualTo(RecordOutcome.RETRY);
    }

    @Test
    void failuresAreDescribedInOneLineWithoutTheSdksNoise() {
        assertThat(ErrorClassifier.describe(SdkErrors.streamNotFound()))
                .isEqualTo("ResourceNotFoundException: Stream logs under account 000000000000 not found");
        SdkClientException unknownHost = SdkClientException.create(
                "Received an UnknownHostException when attempting to interact with a service. See cause for the exact"
                        + " endpoint that is failing to resolve.",
                SdkClientException.create(
                        "Unable to execute HTTP request: kinesis.nowhere",
                        new java.net.UnknownHostException("kinesis.nowhere")));
        assertThat(ErrorClassifier.describe(new CompletionException(unknownHost)))
                .isEqualTo("UnknownHostException: kinesis.nowhere");
        assertThat(ErrorClassifier.describe(SdkClientException.create(
                        "Unable to load credentials from any of the providers in the chain AwsCredentialsProviderChain("
                                + "credentialsProviders=[SystemPropertyCredentialsProvider(), ...]) : [...]")))
                .startsWith("no AWS credentials found (")
                .contains("AWS_ACCESS_KEY_ID=test");
        assertThat(ErrorClassifier.describe(
                        SdkClientException.create("Unable to load region from any of the providers")))
                .isEqualTo("no AWS region: set the region option, or AWS_REGION");
        assertThat(ErrorClassifier.describe(ApiCallAttemptTimeoutException.create(1000)))
                .startsWith("ApiCallAttemptTimeoutException: ")
                .contains("1000");
        assertThat(ErrorClassifier.describe(new CompletionException(olderSdk())))
                .startsWith("NoSuchMethodError: 'software.amazon.awssdk.core.SdkBytes")
                .contains("the AWS SDK on the class path is older than Kinlog supports")
                .contains("importing the SDK's BOM");
        assertThat(ErrorClassifier.describe(new IllegalStateException("line one\n\tline two")))
                .isEqualTo("IllegalStateException: line one line two");
        assertThat(ErrorClassifier.describe(new IllegalStateException("x".repeat(1000))))
                .hasSizeLessThanOrEqualTo(400)
                .endsWith("…");
    }
}
