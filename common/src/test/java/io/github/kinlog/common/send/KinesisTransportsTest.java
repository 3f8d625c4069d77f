package io.github.kinlog.common.send;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.kinlog.common.KinlogConfig;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
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

    /** A transport to a server whose backlog accepts the connection, but which never reads or answers. */
    private static KinesisTransport toSilentServer(ServerSocket silent, String name, long requestTimeoutMs) {
        return KinesisTransports.create(
                settings(KinlogConfig.builder()
                        .name(name)
                        .endpoint("http://127.0.0.1:" + silent.getLocalPort())
                        .requestTimeoutMs(requestTimeoutMs)),
                StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")));
    }

    private static PutAnswer putOne(KinesisTransport transport) throws Exception {
        return transport
                .putRecords("s", List.of(new OutboundRecord(new byte[] {'{', '}'}, "k", 1, 0, true)))
                .get(10, TimeUnit.SECONDS);
    }

    @Test
    void aCallNobodyAnswersFailsAtTheRequestTimeoutAndIsResent() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            KinesisTransport transport = toSilentServer(silent, "silent", 300);
            try {
                long start = System.nanoTime();
                PutAnswer answer = putOne(transport);
                long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

                assertThat(answer.requestFailed()).isTrue();
                assertThat(answer.outcome(0)).isEqualTo(RecordOutcome.RETRY);
                assertThat(tookMs).isBetween(300L, 5_000L);
            } finally {
                transport.close();
            }
        }
    }

    @Test
    void theCallTimerIsAKinlogThreadThatEndsWithTheTransport() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            KinesisTransport transport = toSilentServer(silent, "timer", 100);
            putOne(transport);
            List<Thread> timers = Thread.getAllStackTraces().keySet().stream()
                    .filter(thread -> thread.getName().startsWith("kinlog-timeout-timer"))
                    .collect(Collectors.toList());

            transport.close();

            assertThat(timers).hasSize(1).allMatch(Thread::isDaemon);
            timers.get(0).join(10_000);
            assertThat(timers.get(0).isAlive()).isFalse();
        }
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
