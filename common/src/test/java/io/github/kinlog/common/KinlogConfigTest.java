package io.github.kinlog.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.kinlog.common.send.BufferFullPolicy;
import io.github.kinlog.common.send.HttpClientChoice;
import io.github.kinlog.common.send.RecordFormat;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class KinlogConfigTest {
    @Test
    void defaultsNeedOnlyAStreamName() {
        KinlogConfig config = KinlogConfig.builder().streamName("app-logs").build();

        assertThat(config.senderSettings().bufferBytes()).isEqualTo(32L * 1024 * 1024);
        assertThat(config.senderSettings().bufferFullPolicy()).isEqualTo(BufferFullPolicy.DROP_NEWEST);
        assertThat(config.senderSettings().linger()).isEqualTo(Duration.ofMillis(100));
        assertThat(config.senderSettings().maxBatchRecords()).isEqualTo(500);
        assertThat(config.senderSettings().maxRequestBytes()).isEqualTo(5 * 1024 * 1024);
        assertThat(config.senderSettings().maxInFlight()).isEqualTo(Options.MAX_IN_FLIGHT.defaultValue());
        assertThat(config.encoderSettings().maxStringBytes()).isEqualTo(65_535);
        assertThat(config.encoderSettings().maxRecordBytes()).isEqualTo(1_048_576);
        assertThat(config.clientSettings().httpClient()).isEqualTo(HttpClientChoice.URL_CONNECTION);
        assertThat(config.clientSettings().region()).isNull();
        assertThat(config.partitionKey()).isEqualTo("random");
        assertThat(config.shutdownTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(config.senderSettings().recordFormat()).isEqualTo(RecordFormat.SINGLE);
    }

    @Test
    void packedRecordsFitTheRecordLimitAndKeepPerEventKeysOnly() {
        KinlogConfig packed = KinlogConfig.builder()
                .streamName("s")
                .recordFormat("Packed")
                .partitionKey("mdc:tenant")
                .build();
        assertThat(packed.senderSettings().recordFormat()).isEqualTo(RecordFormat.PACKED);
        assertThat(packed.senderSettings().packedRecordBytes()).isEqualTo(25_000);
        assertThat(packed.senderSettings().keepsKeys()).isTrue();
        assertThat(KinlogConfig.builder()
                        .streamName("s")
                        .build()
                        .senderSettings()
                        .keepsKeys())
                .as("random keys")
                .isFalse();
        assertThatThrownBy(() -> KinlogConfig.builder()
                        .streamName("s")
                        .recordFormat("packed")
                        .maxRecordBytes(16 * 1024)
                        .maxRequestBytes(16 * 1024)
                        .packedRecordBytes(20_000)
                        .build())
                .hasMessageContaining("packedRecordBytes (20000) must not exceed maxRecordBytes (16384)");
        assertThatThrownBy(() -> KinlogConfig.builder()
                        .streamName("s")
                        .recordFormat("kpl")
                        .build())
                .hasMessageContaining("recordFormat must be single or packed, but is 'kpl'");
    }

    @Test
    void plainHttpIsAcceptedWhenSetButWarnedAboutUnlessOnThisMachine() {
        assertThat(endpointWarnings(null))
                .as("no endpoint: the SDK's https endpoint")
                .isEmpty();
        assertThat(endpointWarnings("https://kinesis.eu-west-1.amazonaws.com")).isEmpty();
        for (String local : new String[] {"http://localhost:4566", "http://127.0.0.1:4567", "http://[::1]:4567"}) {
            assertThat(endpointWarnings(local)).as(local).isEmpty();
        }
        assertThat(endpointWarnings("http://kinesis.internal.example:80"))
                .singleElement()
                .asString()
                .contains("app-logs", "plain HTTP", "unencrypted");
        assertThat(endpointWarnings("http://10.0.0.5")).hasSize(1);
    }

    private static java.util.List<String> endpointWarnings(String endpoint) {
        return KinlogConfig.builder()
                .streamName("app-logs")
                .endpoint(endpoint)
                .build()
                .warnings();
    }

    @Test
    void noOptionTakesASecret() {
        // Credentials come only from the SDK's provider chain, a named profile or an assumed role.
        for (Class<?> options : new Class<?>[] {KinlogConfig.Builder.class, KinlogConfig.class}) {
            for (java.lang.reflect.Method method : options.getMethods()) {
                assertThat(method.getName().toLowerCase(java.util.Locale.ROOT))
                        .as("%s.%s", options.getSimpleName(), method.getName())
                        .doesNotContain("secret", "accesskey", "password", "token", "credential");
            }
        }
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        KinlogConfig.Builder builder = KinlogConfig.builder()
                .region("Europe")
                .endpoint("localhost:4567")
                .partitionKey("shard")
                .bufferFullPolicy("wait")
                .httpClient("okhttp")
                .maxBatchRecords(501)
                .maxRequestBytes(11 * 1024 * 1024)
                .maxRecordBytes(100)
                .lingerMs(-1)
                .staticField("level", "x")
                .staticField("1bad", "y");

        assertThatThrownBy(builder::build)
                .isInstanceOf(KinlogConfigException.class)
                .satisfies(e -> assertThat(((KinlogConfigException) e).problems())
                        .anySatisfy(p -> assertThat(p).startsWith("streamName is required"))
                        .anySatisfy(p -> assertThat(p).startsWith("region must be an AWS region"))
                        .anySatisfy(p -> assertThat(p).startsWith("endpoint must be an http or https URI"))
                        .anySatisfy(p -> assertThat(p).startsWith("partitionKey must be"))
                        .anySatisfy(p -> assertThat(p).startsWith("bufferFullPolicy must be"))
                        .anySatisfy(p -> assertThat(p).startsWith("httpClient must be"))
                        .anySatisfy(
                                p -> assertThat(p).isEqualTo("maxBatchRecords must be between 1 and 500, but is 501"))
                        .anySatisfy(p -> assertThat(p).startsWith("maxRequestBytes must be between"))
                        .anySatisfy(p -> assertThat(p).startsWith("maxRecordBytes must be between 8192"))
                        .anySatisfy(p -> assertThat(p).startsWith("lingerMs must be between 0 and"))
                        .anySatisfy(p -> assertThat(p).startsWith("static field 'level' collides"))
                        .anySatisfy(p -> assertThat(p).startsWith("static field name '1bad'")))
                .hasMessageStartingWith("Invalid Kinlog configuration:\n  - ");
    }

    @Test
    void relatedLimitsAreCheckedAgainstEachOther() {
        assertThatThrownBy(() -> KinlogConfig.builder()
                        .streamName("s")
                        .maxRecordBytes(2 * 1024 * 1024)
                        .maxRequestBytes(1024 * 1024)
                        .build())
                .hasMessageContaining("maxRecordBytes (2097152) must not exceed maxRequestBytes (1048576)");
        assertThatThrownBy(() ->
                        KinlogConfig.builder().streamName("s").bufferBytes(1024).build())
                .hasMessageContaining("bufferBytes must be between 1049600");
        assertThatThrownBy(() -> KinlogConfig.builder()
                        .streamName("s")
                        .requestTimeoutMs(10_000)
                        .deliveryTimeoutMs(5_000)
                        .build())
                .hasMessageContaining("deliveryTimeoutMs must be between 10100");
        assertThatThrownBy(() -> KinlogConfig.builder()
                        .streamName("arn:aws:kinesis:us-east-1:123456789012:stream/logs")
                        .build())
                .hasMessageContaining("(a name, not an ARN)");
    }

    @Test
    void staticFieldsMustLeaveRoomInTheSmallestRecord() {
        KinlogConfig.Builder builder = KinlogConfig.builder().streamName("s").maxRecordBytes(8 * 1024);
        for (int i = 0; i < 20; i++) {
            builder.staticField("label_" + i, "v".repeat(1_000));
        }
        assertThatThrownBy(builder::build).hasMessageContaining("too small for the configured static fields");
    }

    @Test
    void encoderSettingsCanBeBuiltWithoutAStream() {
        assertThat(KinlogConfig.builder().service("shop").buildEncoderSettings().service())
                .isEqualTo("shop");
    }

    @Test
    void policiesParseInEveryCommonSpelling() {
        for (String spelling : new String[] {"drop-oldest", "DROP_OLDEST", "dropOldest", " drop_oldest "}) {
            assertThat(BufferFullPolicy.parse(spelling)).isEqualTo(BufferFullPolicy.DROP_OLDEST);
        }
        assertThat(BufferFullPolicy.BLOCK.configName()).isEqualTo("block");
    }
}
