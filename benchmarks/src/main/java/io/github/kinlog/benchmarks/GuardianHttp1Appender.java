package io.github.kinlog.benchmarks;

import ch.qos.logback.core.spi.DeferredProcessingAware;
import com.gu.logback.appender.kinesis.KinesisAppender;
import java.net.URI;
import java.util.Optional;
import java.util.concurrent.ThreadPoolExecutor;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.client.config.SdkAdvancedAsyncClientOption;
import software.amazon.awssdk.http.Protocol;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kinesis.KinesisAsyncClient;

/**
 * guardian's appender exactly as it builds its client (credentials, region, its override configuration, its
 * executor, the endpoint), except that the Netty client speaks HTTP/1.1: the SDK's Kinesis default is HTTP/2, which
 * the local sink does not speak. Everything else, batching and threads included, is guardian's own.
 */
public class GuardianHttp1Appender<E extends DeferredProcessingAware> extends KinesisAppender<E> {
    @Override
    protected KinesisAsyncClient createClient(
            AwsCredentialsProvider credentials,
            ClientOverrideConfiguration configuration,
            ThreadPoolExecutor executor,
            Region region,
            Optional<URI> endpoint) {
        var builder = KinesisAsyncClient.builder()
                .credentialsProvider(credentials)
                .region(region)
                .overrideConfiguration(configuration)
                .asyncConfiguration(
                        c -> c.advancedOption(SdkAdvancedAsyncClientOption.FUTURE_COMPLETION_EXECUTOR, executor))
                .httpClientBuilder(NettyNioAsyncHttpClient.builder().protocol(Protocol.HTTP1_1));
        endpoint.ifPresent(builder::endpointOverride);
        return builder.build();
    }
}
