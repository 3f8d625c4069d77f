package io.github.kinlog.common.send;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.kinlog.common.KinlogConfig;
import java.net.URI;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kinesis.KinesisClient;

class KinesisTransportsTest {
    private static ClientSettings settings(KinlogConfig.Builder builder) {
        return builder.streamName("s").region("us-east-1").build().clientSettings();
    }

    @Test
    void aChosenHttpClientThatIsNotOnTheClasspathIsNamed() {
        ClientSettings apache5 = settings(KinlogConfig.builder().httpClient("apache5"));

        assertThatThrownBy(() -> KinesisTransports.create(apache5, AnonymousCredentialsProvider.create()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("httpClient=apache5 needs the dependency software.amazon.awssdk:apache5-client (same"
                        + " version as the AWS SDK) on the classpath");
    }

    @Test
    void theDefaultClientBuildsAndCloses() {
        KinesisTransport transport = KinesisTransports.create(
                settings(KinlogConfig.builder().endpoint("http://127.0.0.1:9")), AnonymousCredentialsProvider.create());
        assertThat(transport).isInstanceOf(SyncClientTransport.class);
        transport.close();
    }

    @Test
    void aClientFactoryMakesTheClient() {
        KinesisTransport transport =
                KinesisTransports.create(settings(KinlogConfig.builder().clientFactory(LocalClients.class.getName())));
        assertThat(transport).isInstanceOf(SyncClientTransport.class);
        transport.close();
        assertThat(LocalClients.made).isNotNull();
    }

    @Test
    void aBadClientFactoryIsExplained() {
        assertThatThrownBy(() ->
                        KinesisTransports.create(settings(KinlogConfig.builder().clientFactory("com.example.Missing"))))
                .hasMessageContaining("clientFactory com.example.Missing must name a class implementing "
                        + KinesisClientFactory.class.getName());
    }

    /** A factory as a user would write one. */
    public static final class LocalClients implements KinesisClientFactory {
        static volatile KinesisClient made;

        @Override
        public SdkClient create(ClientSettings settings) {
            made = KinesisClient.builder()
                    .region(Region.of(settings.region()))
                    .endpointOverride(URI.create("http://127.0.0.1:9"))
                    .credentialsProvider(AnonymousCredentialsProvider.create())
                    .httpClient(software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient.create())
                    .build();
            return made;
        }
    }
}
