package io.github.kinlog.common.send;

import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;

/**
 * Turns the SDK's own retries off, on every SDK version Kinlog supports: the sender resends failed records itself.
 * Retry strategies exist from SDK 2.26; an application may bring an older SDK, which has only retry policies (kept,
 * deprecated, in newer ones).
 */
final class SdkRetries {
    private static final boolean STRATEGIES = present("software.amazon.awssdk.awscore.retry.AwsRetryStrategy");

    private SdkRetries() {}

    static ClientOverrideConfiguration.Builder off(ClientOverrideConfiguration.Builder override) {
        return STRATEGIES ? strategyOff(override) : policyOff(override);
    }

    // Separate methods, so that an SDK without retry strategies never links the call that names them.
    private static ClientOverrideConfiguration.Builder strategyOff(ClientOverrideConfiguration.Builder override) {
        return override.retryStrategy(AwsRetryStrategy.doNotRetry());
    }

    @SuppressWarnings("deprecation")
    private static ClientOverrideConfiguration.Builder policyOff(ClientOverrideConfiguration.Builder override) {
        // Named in full: importing a deprecated class warns on Java 8 source.
        return override.retryPolicy(software.amazon.awssdk.core.retry.RetryPolicy.none());
    }

    private static boolean present(String className) {
        try {
            Class.forName(className, false, SdkRetries.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
