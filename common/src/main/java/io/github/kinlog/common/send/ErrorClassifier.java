package io.github.kinlog.common.send;

import io.github.kinlog.common.status.Causes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * Sorts what the AWS SDK says into what the sender does about it ({@link RecordOutcome}): resend later, slow down,
 * hold everything and probe until someone fixes the setup, or give the records up. Used by the transports only: the
 * sender never sees an SDK type.
 */
final class ErrorClassifier {
    private ErrorClassifier() {}

    /** Classifies a whole-request failure. */
    static RecordOutcome classify(Throwable failure) {
        Throwable error = Causes.unwrap(failure);
        if (error instanceof AwsServiceException) {
            AwsServiceException service = (AwsServiceException) error;
            if (service.isThrottlingException()) {
                return RecordOutcome.THROTTLED;
            }
            String code = service.awsErrorDetails() == null
                    ? null
                    : service.awsErrorDetails().errorCode();
            if (code == null) {
                return service.statusCode() >= 500 || service.statusCode() == 429
                        ? RecordOutcome.RETRY
                        : RecordOutcome.CONFIGURATION;
            }
            return classifyCode(code, service.statusCode());
        }
        if (error instanceof ApiCallTimeoutException || error instanceof ApiCallAttemptTimeoutException) {
            return RecordOutcome.RETRY;
        }
        if (error instanceof SdkClientException && isSetupProblem((SdkClientException) error)
                || error instanceof LinkageError) {
            return RecordOutcome.CONFIGURATION;
        }
        if (error instanceof SdkClientException
                || error instanceof IOException
                || error instanceof UncheckedIOException) {
            return RecordOutcome.RETRY;
        }
        // Anything else (a bug in a user-supplied client, say) is retried: delivery timeouts bound it.
        return RecordOutcome.RETRY;
    }

    /** Classifies the error code of one failed record in a PutRecords response. */
    static RecordOutcome classifyRecordError(String code) {
        return classifyCode(code, 200);
    }

    private static boolean isThrottlingCode(String code) {
        return code.equals("ProvisionedThroughputExceededException")
                || code.equals("ThrottlingException")
                || code.equals("LimitExceededException")
                || code.equals("KMSThrottlingException");
    }

    private static RecordOutcome classifyCode(String code, int status) {
        if (isThrottlingCode(code)) {
            return RecordOutcome.THROTTLED;
        }
        if (code.equals("InternalFailure") || code.equals("ServiceUnavailable")) {
            return RecordOutcome.RETRY;
        }
        if (code.startsWith("KMS")) {
            // KMSDisabled, KMSNotFound, KMSAccessDenied, KMSInvalidState, KMSOptInRequired: fixed outside.
            return RecordOutcome.CONFIGURATION;
        }
        switch (code) {
            case "ResourceNotFoundException":
            case "AccessDeniedException":
            case "AccessDenied":
            case "UnrecognizedClientException":
            case "InvalidSignatureException":
            case "IncompleteSignature":
            case "MissingAuthenticationToken":
            case "ExpiredTokenException":
            case "ExpiredToken":
            case "InvalidClientTokenId":
            case "SignatureDoesNotMatch":
            case "NotAuthorized":
            case "OptInRequired":
            case "ResourceInUseException":
                // ResourceInUse: the stream is being created, updated or deleted. It will settle; keep probing.
                return RecordOutcome.CONFIGURATION;
            case "InvalidArgumentException":
            case "ValidationException":
            case "SerializationException":
                return RecordOutcome.REJECTED;
            default:
                if (code.toLowerCase(Locale.ROOT).contains("throttl")) {
                    return RecordOutcome.THROTTLED;
                }
                return status >= 400 && status < 500 ? RecordOutcome.CONFIGURATION : RecordOutcome.RETRY;
        }
    }

    /** No region, no credentials, a malformed endpoint: the client cannot even make the request. */
    private static boolean isSetupProblem(SdkClientException error) {
        String message = String.valueOf(error.getMessage()).toLowerCase(Locale.ROOT);
        return message.contains("unable to load credentials")
                || message.contains("unable to load region")
                || message.contains("credentials") && message.contains("profile")
                || message.contains("must specify a region");
    }

    /**
     * What went wrong, in one line for a status report: the service's error code and message without the SDK's
     * request ids, the network error under the SDK's wrapping, or a plain sentence for missing credentials or region
     * (the SDK lists every provider it tried).
     */
    static String describe(Throwable failure) {
        Throwable error = Causes.unwrap(failure);
        if (error instanceof AwsServiceException && ((AwsServiceException) error).awsErrorDetails() != null) {
            AwsServiceException service = (AwsServiceException) error;
            AwsErrorDetails details = service.awsErrorDetails();
            String code = details.errorCode() != null ? details.errorCode() : "HTTP " + service.statusCode();
            String message = details.errorMessage() != null ? details.errorMessage() : service.getMessage();
            if (message != null && message.contains(" (Service: ")) {
                // The SDK appends request ids, which say nothing to a person reading the report.
                message = message.substring(0, message.indexOf(" (Service: "));
            }
            return Causes.shorten(message == null || message.trim().isEmpty() ? code : code + ": " + message);
        }
        if (error instanceof ApiCallTimeoutException || error instanceof ApiCallAttemptTimeoutException) {
            return Causes.oneLine(error);
        }
        if (error instanceof LinkageError) {
            // A class or method of the SDK missing: an application's own, older SDK won over Kinlog's, in part.
            return Causes.shorten(Causes.oneLine(error) + " (the AWS SDK on the class path is older than Kinlog"
                    + " supports, see \"Supported versions\" in its README, or its modules have different versions:"
                    + " give every software.amazon.awssdk module one version, for example by importing the SDK's BOM)");
        }
        if (error instanceof SdkClientException) {
            String message = String.valueOf(error.getMessage()).toLowerCase(Locale.ROOT);
            if (message.contains("unable to load credentials")) {
                return "no AWS credentials found (environment variables AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY,"
                        + " system properties, ~/.aws profiles, web identity, container or instance role); a local"
                        + " emulator takes any, such as AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test";
            }
            if (message.contains("unable to load region") || message.contains("must specify a region")) {
                return "no AWS region: set the region option, or AWS_REGION";
            }
            // The SDK wraps network errors in sentences of its own; the innermost cause says what happened.
            Throwable root = error;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            return Causes.oneLine(root);
        }
        return Causes.oneLine(error);
    }
}
