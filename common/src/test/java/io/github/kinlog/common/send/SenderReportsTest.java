package io.github.kinlog.common.send;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.kinlog.common.metrics.DropReason;
import io.github.kinlog.common.metrics.SenderMetrics;
import io.github.kinlog.common.testing.RecordingStatus;
import io.github.kinlog.common.testing.Settings;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** How often the sender speaks, driven by hand-picked times: no clock, no stream, no sleeping. */
class SenderReportsTest {
    private static final long S = 1_000_000_000L;

    private final RecordingStatus status = new RecordingStatus();
    private final SenderMetrics metrics = new SenderMetrics();
    private final SenderReports reports = reports();

    private SenderReports reports() {
        Settings settings = new Settings();
        settings.retryMaxBackoff = Duration.ofSeconds(10);
        SenderSettings built = settings.build();
        RecordBuffer buffer = new RecordBuffer(
                built.bufferBytes(),
                built.bufferFullPolicy(),
                0,
                built.maxBatchRecords(),
                built.maxRequestBytes(),
                metrics,
                new SenderWakeup(SenderClock.SYSTEM));
        return new SenderReports(built, status, metrics, buffer, 0);
    }

    @Test
    void theFirstFailureIsAWarningAtOnceAndLaterOnesASummaryEveryThirtySeconds() {
        IOException reset = new IOException("Connection reset");
        reports.requestFailed(10, "IOException: Connection reset", reset, 0);
        assertThat(status.at("WARN")).singleElement().asString().contains("failed (", "its 10 events will be resent");
        for (long t = 1; t < 30; t++) {
            reports.requestFailed(10, "IOException: Connection reset", reset, t * S);
        }
        assertThat(status.at("WARN")).hasSize(1);
        reports.requestFailed(10, "IOException: Connection reset", reset, 30 * S);
        assertThat(status.at("WARN")).hasSize(2).last().asString().contains("failed 30 more times");
        assertThat(reports.lastFailure()).contains("Connection reset");
    }

    @Test
    void nothingDeliveredForTheLongestBackoffIsOneErrorAndDeliveringAgainSaysSo() {
        reports.nothingDelivered("ServiceUnavailable", 0);
        reports.nothingDelivered("ServiceUnavailable", 9 * S);
        assertThat(status.at("ERROR")).isEmpty();
        reports.nothingDelivered("ServiceUnavailable", 10 * S);
        reports.nothingDelivered("ServiceUnavailable", 60 * S);
        assertThat(status.at("ERROR"))
                .singleElement()
                .asString()
                .contains("has delivered nothing", "for 10 s", "ServiceUnavailable");

        reports.delivered(61 * S);
        assertThat(status.at("INFO")).singleElement().asString().contains("delivers to Kinesis stream", "again");
        assertThat(reports.lastFailure()).isNull();
    }

    @Test
    void aShortHiccupSaysNothing() {
        reports.nothingDelivered("ServiceUnavailable", 0);
        reports.delivered(S);
        assertThat(status.messages()).isEmpty();
    }

    @Test
    void aBrokenSetupIsAnErrorAtOnceThenAReminderEveryMinute() {
        IOException denied = new IOException("AccessDeniedException");
        reports.broken(denied, "AccessDeniedException", true, 0, 0);
        assertThat(status.at("ERROR")).singleElement().asString().contains("cannot write", "AccessDeniedException");
        reports.broken(denied, "AccessDeniedException", false, 0, 59 * S);
        assertThat(status.at("ERROR")).hasSize(1);
        reports.broken(denied, "AccessDeniedException", false, 0, 60 * S);
        assertThat(status.at("ERROR")).hasSize(2).last().asString().contains("still cannot write", "after 60 s");
        reports.repaired(0, 61 * S);
        assertThat(status.at("INFO")).singleElement().asString().contains("writes to Kinesis stream", "again");
    }

    @Test
    void dropsAreReportedByReasonAtMostEveryThirtySeconds() {
        metrics.dropped(DropReason.BUFFER_FULL, 3);
        metrics.dropped(DropReason.REJECTED);
        reports.drops(0);
        assertThat(status.at("ERROR"))
                .singleElement()
                .asString()
                .contains("dropped 4 events", "buffer_full=3", "rejected=1");

        metrics.dropped(DropReason.BUFFER_FULL, 2);
        reports.drops(29 * S);
        assertThat(status.at("ERROR")).hasSize(1);
        reports.drops(30 * S);
        assertThat(status.at("ERROR"))
                .hasSize(2)
                .last()
                .asString()
                .contains("dropped 2 events", "buffer_full=2")
                .doesNotContain("rejected");
        reports.drops(90 * S);
        assertThat(status.at("ERROR")).as("nothing new, nothing said").hasSize(2);
    }

    @Test
    void rejectionsAreReportedAtMostEveryThirtySeconds() {
        reports.rejected("InvalidArgumentException: bad", 5, 0);
        reports.rejected("InvalidArgumentException: bad", 5, 10 * S);
        reports.rejected("InvalidArgumentException: bad", 5, 30 * S);
        assertThat(status.at("ERROR")).hasSize(2).first().asString().contains("rejected 5 events");
    }
}
