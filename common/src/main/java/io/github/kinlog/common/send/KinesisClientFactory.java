package io.github.kinlog.common.send;

import software.amazon.awssdk.core.SdkClient;

/**
 * Makes the Kinesis client yourself: name a class implementing this (with a public no-argument constructor) as the
 * {@code clientFactory} option. Return a {@code KinesisClient} or a {@code KinesisAsyncClient}; Kinlog closes it when
 * the appender stops. Turn off the SDK's own retries (Kinlog resends failed records itself) and keep the call timeout
 * short.
 */
public interface KinesisClientFactory {
    SdkClient create(ClientSettings settings);
}
