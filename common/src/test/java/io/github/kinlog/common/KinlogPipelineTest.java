package io.github.kinlog.common;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.kinlog.common.metrics.DropReason;
import io.github.kinlog.common.testing.FakeTransport;
import io.github.kinlog.common.testing.RecordingStatus;
import io.github.kinlog.common.testing.Records;
import io.github.kinlog.common.testing.TestEvent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class KinlogPipelineTest {
    private final FakeTransport transport = new FakeTransport();
    private final RecordingStatus status = new RecordingStatus();
    private KinlogPipeline pipeline;

    @AfterEach
    void close() {
        if (pipeline != null) {
            pipeline.close(Duration.ofSeconds(5));
        }
    }

    private KinlogPipeline start(KinlogConfig.Builder config) {
        pipeline = KinlogPipeline.start(config.streamName("logs").jmx(false).build(), status, () -> transport);
        return pipeline;
    }

    @Test
    void encodesWithTheConfiguredFieldsAndPartitionKeys() {
        start(KinlogConfig.builder()
                .service("shop")
                .env("prod")
                .staticField("team", "payments")
                .partitionKey("mdc:user_id"));

        pipeline.append(TestEvent.typical());
        pipeline.flush(Duration.ofSeconds(10));

        JsonNode json = Records.parse(transport.received().get(0).getBytes(StandardCharsets.UTF_8));
        assertThat(json.get("service").asText()).isEqualTo("shop");
        assertThat(json.get("env").asText()).isEqualTo("prod");
        assertThat(json.get("team").asText()).isEqualTo("payments");
        assertThat(pipeline.metrics().sent()).isEqualTo(1);
    }

    @Test
    void recordsFromOtherLayoutsAreSentAsTheyAreOrDroppedWhenOversize() {
        start(KinlogConfig.builder().maxRecordBytes(8 * 1024));
        byte[] small = "{\"custom\":true}".getBytes(StandardCharsets.UTF_8);
        byte[] large = new byte[9 * 1024];

        pipeline.appendEncoded(() -> small, new TestEvent());
        pipeline.appendEncoded(() -> large, new TestEvent());
        pipeline.appendEncoded(() -> large, new TestEvent());
        pipeline.flush(Duration.ofSeconds(10));

        assertThat(transport.received()).containsExactly("{\"custom\":true}");
        assertThat(pipeline.metrics().dropped(DropReason.OVERSIZE)).isEqualTo(2);
        // Explained once, then counted with the other drops.
        assertThat(status.at("WARN"))
                .filteredOn(message -> message.contains("over maxRecordBytes=8192"))
                .hasSize(1);
    }

    @Test
    void anEventThatCannotBeEncodedIsCountedAndNothingThrows() {
        start(KinlogConfig.builder());
        TestEvent broken = new TestEvent() {
            @Override
            public long epochSecond() {
                throw new IllegalStateException("no clock");
            }
        };

        pipeline.append(broken);
        pipeline.append(broken);
        pipeline.append(TestEvent.typical());
        pipeline.flush(Duration.ofSeconds(10));

        assertThat(pipeline.metrics().dropped(DropReason.ENCODING_FAILED)).isEqualTo(2);
        assertThat(pipeline.metrics().sent()).isEqualTo(1);
        // Explained once; the drop reports count the rest.
        assertThat(status.at("ERROR"))
                .filteredOn(message -> message.contains("could not encode an event"))
                .hasSize(1);
    }

    @Test
    void truncatedEventsAreCountedInTheMetrics() {
        start(KinlogConfig.builder().maxStringBytes(100));

        pipeline.append(new TestEvent().message("x".repeat(500)));
        pipeline.flush(Duration.ofSeconds(10));

        assertThat(pipeline.metrics().truncated()).isEqualTo(1);
    }

    @Test
    void reportsAreOneLineAndCarryStackTracesOnlyWhenAskedFor() {
        KinlogConfig.Builder config =
                KinlogConfig.builder().streamName("logs").jmx(false).flushOnExit(false);
        RecordingStatus plain = new RecordingStatus();
        RecordingStatus traced = new RecordingStatus();
        KinlogPipeline withoutTraces = KinlogPipeline.start(config.build(), plain, () -> transport);
        KinlogPipeline withTraces =
                KinlogPipeline.start(config.reportStackTraces(true).build(), traced, () -> transport);
        TestEvent broken = new TestEvent() {
            @Override
            public long epochSecond() {
                throw new IllegalStateException("no clock");
            }
        };
        try {
            withoutTraces.append(broken);
            withTraces.append(broken);
        } finally {
            withoutTraces.close(Duration.ofSeconds(5));
            withTraces.close(Duration.ofSeconds(5));
        }

        assertThat(plain.at("ERROR"))
                .filteredOn(message -> message.contains("could not encode"))
                .singleElement()
                .asString()
                .contains("could not encode an event (IllegalStateException: no clock)");
        assertThat(plain.causes()).isEmpty();
        assertThat(traced.at("ERROR"))
                .filteredOn(message -> message.contains("could not encode"))
                .hasSize(1);
        assertThat(traced.causes())
                .singleElement()
                .extracting(Throwable::getMessage)
                .isEqualTo("no clock");
    }
}
