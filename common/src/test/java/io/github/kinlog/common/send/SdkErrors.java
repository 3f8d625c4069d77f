package io.github.kinlog.common.send;

import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.kinesis.model.InvalidArgumentException;
import software.amazon.awssdk.services.kinesis.model.KinesisException;
import software.amazon.awssdk.services.kinesis.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.kinesis.model.ResourceNotFoundException;

/** Exceptions as the AWS SDK's Kinesis client throws them, for the tests of how the transports read them. */
final class SdkErrors {
    private SdkErrors() {}

    static ProvisionedThroughputExceededException throttled() {
        return (ProvisionedThroughputExceededException) ProvisionedThroughputExceededException.builder()
                .statusCode(400)
                .awsErrorDetails(details("ProvisionedThroughputExceededException"))
                .message("Rate exceeded")
                .build();
    }

    static ResourceNotFoundException streamNotFound() {
        return (ResourceNotFoundException) ResourceNotFoundException.builder()
                .statusCode(400)
                .awsErrorDetails(details("ResourceNotFoundException"))
                .message("Stream logs under account 000000000000 not found.")
                .build();
    }

    static InvalidArgumentException invalidArgument() {
        return (InvalidArgumentException) InvalidArgumentException.builder()
                .statusCode(400)
                .awsErrorDetails(details("InvalidArgumentException"))
                .message("scripted invalid argument")
                .build();
    }

    static KinesisException serverError() {
        return (KinesisException) KinesisException.builder()
                .statusCode(503)
                .awsErrorDetails(details("ServiceUnavailable"))
                .message("scripted 503")
                .build();
    }

    static KinesisException error(String code, int status) {
        return (KinesisException) KinesisException.builder()
                .statusCode(status)
                .awsErrorDetails(details(code))
                .message(code)
                .build();
    }

    private static AwsErrorDetails details(String code) {
        return AwsErrorDetails.builder().errorCode(code).serviceName("Kinesis").build();
    }
}
