package io.github.kinlog.common.send;

import io.github.kinlog.common.metrics.DropReason;
import io.github.kinlog.common.metrics.SenderMetrics;
import io.github.kinlog.common.status.RateLimit;
import io.github.kinlog.common.status.StatusListener;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * What the sender tells people, and how often: the first failure at once, then summaries at most every 30 s; an
 * outage (nothing delivered for {@code retryMaxBackoffMs}) as one error; a broken setup at once and then every
 * minute; drops by reason. Errors where events are at stake, since Log4j2's status logger prints only errors by
 * default. Called on the sender thread, except {@link #lastFailure()}.
 */
final class SenderReports {
    private static final long REPORT_INTERVAL_NANOS = Duration.ofSeconds(30).toNanos();

    private final SenderSettings settings;
    private final StatusListener status;
    private final SenderMetrics metrics;
    private final RecordBuffer buffer;
    private final RateLimit transientWarnings = new RateLimit(REPORT_INTERVAL_NANOS);
    private final RateLimit brokenReminders = new RateLimit(REPORT_INTERVAL_NANOS * 2);
    private final RateLimit rejectionWarnings = new RateLimit(REPORT_INTERVAL_NANOS);
    private final Map<DropReason, Long> reportedDrops = new EnumMap<>(DropReason.class);
    private long nextDropReport;
    /** What the last failed request or record met, until something is delivered again; for the report of the unsent. */
    private volatile String lastFailure;

    private boolean stalled;
    private long stalledSince;
    private boolean stallReported;
    private int failuresSinceWarning;

    SenderReports(
            SenderSettings settings, StatusListener status, SenderMetrics metrics, RecordBuffer buffer, long now) {
        this.settings = settings;
        this.status = status;
        this.metrics = metrics;
        this.buffer = buffer;
        for (DropReason reason : DropReason.values()) {
            reportedDrops.put(reason, 0L);
        }
        this.nextDropReport = now;
    }

    /** What the last failure was while nothing has been delivered since; null when the last request worked. */
    String lastFailure() {
        return lastFailure;
    }

    /** The setup is broken ({@code news} the first time); {@code since} when it broke. */
    void broken(Throwable cause, String why, boolean news, long since, long now) {
        lastFailure = why;
        if (news) {
            brokenReminders.tryAcquire(now);
            status.error(
                    "Kinlog cannot write to Kinesis stream " + settings.streamAt() + ": " + why + ". Fix the stream"
                            + " name, region, permissions, KMS key or credentials; until then events are kept (up to"
                            + " bufferBytes=" + settings.bufferBytes() + ") and sending is retried.",
                    cause);
        } else if (brokenReminders.tryAcquire(now)) {
            status.error(
                    "Kinlog still cannot write to Kinesis stream " + settings.streamAt() + " after "
                            + seconds(now - since) + ": " + why + " (" + buffer.heldRecords() + " events held)",
                    null);
        }
    }

    /** The setup broken since {@code since} works again. */
    void repaired(long since, long now) {
        status.info("Kinlog writes to Kinesis stream " + settings.streamAt() + " again, after " + seconds(now - since));
    }

    /** A request of {@code events} failed for a passing reason (I/O, 5xx, timeout, throttling). */
    void requestFailed(int events, String why, Throwable cause, long now) {
        failuresSinceWarning++;
        if (transientWarnings.tryAcquire(now)) {
            status.warn(
                    failuresSinceWarning == 1
                            ? "PutRecords to stream " + settings.streamAt() + " failed (" + why + "); its " + events
                                    + " events will be resent (further failures reported at most every 30 s)"
                            : "PutRecords to stream " + settings.streamAt() + " failed " + failuresSinceWarning
                                    + " more times (last: " + why + "); " + buffer.heldRecords()
                                    + " events held, being resent",
                    cause);
            failuresSinceWarning = 0;
        }
        nothingDelivered(why, now);
    }

    /**
     * Nothing got through. Once that has lasted as long as the longest backoff ({@code retryMaxBackoffMs}), it is an
     * outage, not a hiccup: one error says so.
     */
    void nothingDelivered(String why, long now) {
        lastFailure = why;
        if (!stalled) {
            stalled = true;
            stalledSince = now;
        } else if (!stallReported
                && now - stalledSince >= settings.retryMaxBackoff().toNanos()) {
            stallReported = true;
            status.error(
                    "Kinlog has delivered nothing to Kinesis stream " + settings.streamAt() + " for "
                            + seconds(now - stalledSince) + ": " + why + ". "
                            + buffer.heldRecords() + " events are held and resent until they are "
                            + settings.deliveryTimeout().toMillis() + " ms old (deliveryTimeoutMs).",
                    null);
        }
    }

    /** Something got through. */
    void delivered(long now) {
        lastFailure = null;
        if (stallReported) {
            status.info("Kinlog delivers to Kinesis stream " + settings.streamAt() + " again, after "
                    + seconds(now - stalledSince));
        }
        stalled = false;
        stallReported = false;
        failuresSinceWarning = 0;
    }

    /** Kinesis refused {@code events} as invalid; they are dropped. */
    void rejected(String why, int events, long now) {
        if (rejectionWarnings.tryAcquire(now)) {
            status.error(
                    "Kinesis rejected " + events + " events for stream " + settings.streamName() + " as invalid (" + why
                            + "); they are dropped (further rejections reported at most every 30 s)",
                    null);
        }
    }

    /** Reports the drops counted since the last report, by reason, at most every 30 s. */
    void drops(long now) {
        if (now - nextDropReport < 0) {
            return;
        }
        StringBuilder counts = new StringBuilder();
        long total = 0;
        for (DropReason reason : DropReason.values()) {
            long count = metrics.droppedCount(reason);
            long fresh = count - reportedDrops.get(reason);
            if (fresh > 0) {
                counts.append(counts.length() == 0 ? "" : ", ")
                        .append(reason.metricName())
                        .append('=')
                        .append(fresh);
                total += fresh;
                reportedDrops.put(reason, count);
            }
        }
        if (total > 0) {
            status.error(
                    "Kinlog dropped " + total + " events for stream " + settings.streamName() + " (" + counts
                            + "); holding " + buffer.heldBytes() + " of " + settings.bufferBytes()
                            + " buffer bytes. Further drops are reported at most every 30 s.",
                    null);
            nextDropReport = now + REPORT_INTERVAL_NANOS;
        }
    }

    /** A duration for a report: "12 s", or "0.3 s" below ten seconds. */
    private static String seconds(long nanos) {
        double seconds = nanos / 1e9;
        return seconds < 10 ? String.format(Locale.ROOT, "%.1f s", seconds) : Math.round(seconds) + " s";
    }
}
