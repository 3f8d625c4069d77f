package io.github.kinlog.common.send;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.client.config.SdkAdvancedClientOption;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpConfigurationOption;
import software.amazon.awssdk.http.SdkHttpService;
import software.amazon.awssdk.http.async.SdkAsyncHttpClient;
import software.amazon.awssdk.http.async.SdkAsyncHttpService;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kinesis.KinesisAsyncClient;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.utils.AttributeMap;

/**
 * Builds the transport from {@link ClientSettings}: the HTTP client through the SDK's own service-provider interface
 * (so no other client is needed at compile time), credentials from the default chain, a named profile or an assumed
 * role, and the SDK's retries turned off because the sender resends failed records itself, with its own backoff.
 */
public final class KinesisTransports {
    private static final Duration MAX_CONNECT_TIMEOUT = Duration.ofSeconds(5);

    private KinesisTransports() {}

    /** A transport over a client you made and own; Kinlog does not close it. */
    public static KinesisTransport of(KinesisClient client, int maxInFlight, String name) {
        return new SyncClientTransport(client, () -> {}, maxInFlight, name);
    }

    /** A transport over a non-blocking client you made and own; Kinlog does not close it. */
    public static KinesisTransport of(KinesisAsyncClient client) {
        return new AsyncClientTransport(client, () -> {});
    }

    /** Makes the transport the settings describe. May take a moment (class loading, region lookup): not on a caller. */
    public static KinesisTransport create(ClientSettings settings) {
        return create(settings, null);
    }

    /** As {@link #create(ClientSettings)}, signing with the given credentials instead of the configured ones. */
    public static KinesisTransport create(ClientSettings settings, AwsCredentialsProvider credentials) {
        if (settings.clientFactory() != null) {
            return fromFactory(settings);
        }
        // A client closes neither the HTTP client nor the credentials provider it was given: the transport closes
        // what it made, so a stopped appender leaves nothing behind.
        List<AutoCloseable> owned = new ArrayList<>();
        AwsCredentialsProvider signer = credentials;
        if (signer == null) {
            signer = credentials(settings, owned);
            closeable(signer, owned);
        }
        if (settings.httpClient().async()) {
            SdkAsyncHttpClient http = asyncHttpClient(settings);
            owned.add(0, http);
            KinesisAsyncClient client = configure(KinesisAsyncClient.builder(), settings, signer, owned)
                    .httpClient(http)
                    .build();
            owned.add(0, client);
            return new AsyncClientTransport(client, () -> closeAll(owned));
        }
        SdkHttpClient http = syncHttpClient(settings);
        owned.add(0, http);
        KinesisClient client = configure(KinesisClient.builder(), settings, signer, owned)
                .httpClient(http)
                .build();
        owned.add(0, client);
        return new SyncClientTransport(client, () -> closeAll(owned), settings.maxInFlight(), settings.name());
    }

    private static <B extends AwsClientBuilder<B, ?>> B configure(
            B builder, ClientSettings settings, AwsCredentialsProvider credentials, List<AutoCloseable> owned) {
        if (settings.region() != null) {
            builder.region(Region.of(settings.region()));
        }
        URI endpoint = settings.endpoint();
        if (endpoint != null) {
            builder.endpointOverride(endpoint);
        }
        builder.credentialsProvider(credentials);
        builder.overrideConfiguration(override -> SdkTimeouts.bound(
                        SdkRetries.off(override), settings.requestTimeout(), settings.name(), owned)
                .putAdvancedOption(SdkAdvancedClientOption.USER_AGENT_SUFFIX, "kinlog"));
        return builder;
    }

    /** The configured credentials; anything else made for them (the STS client) is added to {@code owned}. */
    private static AwsCredentialsProvider credentials(ClientSettings settings, List<AutoCloseable> owned) {
        AwsCredentialsProvider base = settings.profile() != null
                ? ProfileCredentialsProvider.builder()
                        .profileName(settings.profile())
                        .build()
                : DefaultCredentialsProvider.builder().build();
        if (settings.roleArn() == null) {
            return base;
        }
        try {
            closeable(base, owned);
            SdkHttpClient stsHttp = syncHttpClient(settings);
            owned.add(stsHttp);
            return AssumedRoleCredentials.create(settings, base, stsHttp);
        } catch (NoClassDefFoundError e) {
            throw new IllegalStateException("roleArn is set, so Kinlog assumes that role through AWS STS, but the STS"
                    + " client is not on the classpath: add the dependency software.amazon.awssdk:sts");
        }
    }

    private static AttributeMap httpOptions(ClientSettings settings) {
        Duration connect = settings.requestTimeout().compareTo(MAX_CONNECT_TIMEOUT) < 0
                ? settings.requestTimeout()
                : MAX_CONNECT_TIMEOUT;
        return AttributeMap.builder()
                .put(SdkHttpConfigurationOption.CONNECTION_TIMEOUT, connect)
                .put(SdkHttpConfigurationOption.READ_TIMEOUT, settings.requestTimeout())
                .put(SdkHttpConfigurationOption.WRITE_TIMEOUT, settings.requestTimeout())
                .put(SdkHttpConfigurationOption.MAX_CONNECTIONS, Math.max(2, settings.maxInFlight()))
                .build();
    }

    static SdkHttpClient syncHttpClient(ClientSettings settings) {
        return httpService(SdkHttpService.class, settings.httpClient())
                .createHttpClientBuilder()
                .buildWithDefaults(httpOptions(settings));
    }

    private static SdkAsyncHttpClient asyncHttpClient(ClientSettings settings) {
        return httpService(SdkAsyncHttpService.class, settings.httpClient())
                .createAsyncHttpClientFactory()
                .buildWithDefaults(httpOptions(settings));
    }

    /** The SDK's provider of the chosen client, found the way the SDK finds them itself. */
    private static <S> S httpService(Class<S> spi, HttpClientChoice choice) {
        for (S service : ServiceLoader.load(spi, KinesisTransports.class.getClassLoader())) {
            if (service.getClass().getName().equals(choice.serviceClass())) {
                return service;
            }
        }
        throw missingClient(choice);
    }

    private static IllegalStateException missingClient(HttpClientChoice choice) {
        return new IllegalStateException("httpClient=" + choice.configName() + " needs the dependency"
                + " software.amazon.awssdk:" + choice.artifact() + " (same version as the AWS SDK) on the classpath");
    }

    private static KinesisTransport fromFactory(ClientSettings settings) {
        Object made;
        try {
            Class<?> type = Class.forName(settings.clientFactory(), true, KinesisTransports.class.getClassLoader());
            KinesisClientFactory factory =
                    (KinesisClientFactory) type.getDeclaredConstructor().newInstance();
            made = factory.create(settings);
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new IllegalStateException("clientFactory " + settings.clientFactory() + " must name a class"
                    + " implementing " + KinesisClientFactory.class.getName() + " with a public no-argument"
                    + " constructor: " + e);
        }
        if (made instanceof KinesisAsyncClient) {
            KinesisAsyncClient async = (KinesisAsyncClient) made;
            return new AsyncClientTransport(async, async::close);
        }
        if (made instanceof KinesisClient) {
            KinesisClient sync = (KinesisClient) made;
            return new SyncClientTransport(sync, sync::close, settings.maxInFlight(), settings.name());
        }
        throw new IllegalStateException("clientFactory " + settings.clientFactory()
                + " must return a KinesisClient or a KinesisAsyncClient, but returned " + made);
    }

    /** Most credential providers hold resources (caches, clients) and are closeable; the interface is not. */
    private static void closeable(AwsCredentialsProvider provider, List<AutoCloseable> owned) {
        if (provider instanceof AutoCloseable) {
            owned.add(((AutoCloseable) provider));
        }
    }

    private static void closeAll(List<AutoCloseable> owned) {
        for (AutoCloseable closeable : owned) {
            try {
                closeable.close();
            } catch (Exception e) {
                // close the rest regardless
            }
        }
    }
}
