package io.github.kinlog.common.send;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.kinlog.common.send.ErrorClassifier.Kind;
import io.github.kinlog.common.testing.FakeTransport;
import java.io.IOException;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.kinesis.model.KinesisException;

class ErrorClassifierTest {
    private static KinesisException error(String code, int status) {
        return (KinesisException) KinesisException.builder()
                .statusCode(status)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).build())
                .message(code)
                .build();
    }

    @Test
    void throttlingServerErrorsTimeoutsAndIoAreTransient() {
        assertThat(ErrorClassifier.classify(FakeTransport.throttled())).isEqualTo(Kind.TRANSIENT);
        assertThat(ErrorClassifier.classify(error("KMSThrottlingException", 400)))
                .isEqualTo(Kind.TRANSIENT);
        assertThat(ErrorClassifier.classify(error("InternalFailure", 500))).isEqualTo(Kind.TRANSIENT);
        assertThat(ErrorClassifier.classify(FakeTransport.serverError())).isEqualTo(Kind.TRANSIENT);
        assertThat(ErrorClassifier.classify(ApiCallAttemptTimeoutException.create(1000)))
                .isEqualTo(Kind.TRANSIENT);
        assertThat(ErrorClassifier.classify(SdkClientException.create("Connection reset", new IOException())))
                .isEqualTo(Kind.TRANSIENT);
        assertThat(ErrorClassifier.classify(new CompletionException(new IOException("broken pipe"))))
                .isEqualTo(Kind.TRANSIENT);
    }

    @Test
    void missingStreamsDeniedAccessKmsAndCredentialsAreConfiguration() {
        assertThat(ErrorClassifier.classify(FakeTransport.streamNotFound())).isEqualTo(Kind.CONFIGURATION);
        assertThat(ErrorClassifier.classify(error("AccessDeniedException", 400)))
                .isEqualTo(Kind.CONFIGURATION);
        assertThat(ErrorClassifier.classify(error("UnrecognizedClientException", 400)))
                .isEqualTo(Kind.CONFIGURATION);
        assertThat(ErrorClassifier.classify(error("KMSAccessDeniedException", 400)))
                .isEqualTo(Kind.CONFIGURATION);
        assertThat(ErrorClassifier.classify(error("KMSDisabledException", 400))).isEqualTo(Kind.CONFIGURATION);
        assertThat(ErrorClassifier.classify(
                        SdkClientException.create("Unable to load credentials from any of the providers")))
                .isEqualTo(Kind.CONFIGURATION);
        assertThat(ErrorClassifier.classify(SdkClientException.create("Unable to load region")))
                .isEqualTo(Kind.CONFIGURATION);
        assertThat(ErrorClassifier.classify(olderSdk())).isEqualTo(Kind.CONFIGURATION);
    }

    /** What an application's older SDK, winning over Kinlog's, gives when Kinlog calls a method it lacks. */
    private static NoSuchMethodError olderSdk() {
        return new NoSuchMethodError("'software.amazon.awssdk.core.SdkBytes"
                + " software.amazon.awssdk.core.SdkBytes.fromByteArrayUnsafe(byte[])'");
    }

    @Test
    void invalidRequestsAreRejected() {
        assertThat(ErrorClassifier.classify(FakeTransport.invalidArgument())).isEqualTo(Kind.REJECTED);
        assertThat(ErrorClassifier.classify(error("ValidationException", 400))).isEqualTo(Kind.REJECTED);
    }

    @Test
    void recordErrorCodesFollowTheSameRules() {
        assertThat(ErrorClassifier.classifyRecordError("ProvisionedThroughputExceededException"))
                .isEqualTo(Kind.TRANSIENT);
        assertThat(ErrorClassifier.classifyRecordError("InternalFailure")).isEqualTo(Kind.TRANSIENT);
        assertThat(ErrorClassifier.classifyRecordError("KMSNotFoundException")).isEqualTo(Kind.CONFIGURATION);
        assertThat(ErrorClassifier.isThrottlingCode("ProvisionedThroughputExceededException"))
                .isTrue();
        assertThat(ErrorClassifier.isThrottlingCode("InternalFailure")).isFalse();
        assertThat(ErrorClassifier.isThrottling(FakeTransport.throttled())).isTrue();
        assertThat(ErrorClassifier.isThrottling(FakeTransport.serverError())).isFalse();
    }

    @Test
    void failuresAreDescribedInOneLineWithoutTheSdksNoise() {
        assertThat(ErrorClassifier.describe(FakeTransport.streamNotFound()))
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
