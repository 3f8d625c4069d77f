package io.github.kinlog.reliability;

import io.github.kinlog.common.KinlogPipeline;
import io.github.kinlog.common.metrics.DropReason;
import io.github.kinlog.common.metrics.MetricsSnapshot;
import java.util.Collections;
import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every sender an application's appender has run: a reconfiguration may replace it, and the replaced one keeps the
 * counters of what it handled. Their sum is the application's.
 */
final class Pipelines {
    private final Set<KinlogPipeline> seen =
            Collections.synchronizedSet(Collections.newSetFromMap(new IdentityHashMap<>()));

    void note(KinlogPipeline pipeline) {
        if (pipeline != null) {
            seen.add(pipeline);
        }
    }

    MetricsSnapshot metrics() {
        synchronized (seen) {
            return sum(seen.stream().map(KinlogPipeline::metrics).toList());
        }
    }

    private static MetricsSnapshot sum(List<MetricsSnapshot> snapshots) {
        long accepted = 0, sent = 0, retried = 0, throttled = 0, truncated = 0, requests = 0, failedRequests = 0;
        long bytesSent = 0, recordsSent = 0, bufferedBytes = 0, bufferedEvents = 0;
        double p50 = 0, p99 = 0, max = 0;
        Map<DropReason, Long> dropped = new EnumMap<>(DropReason.class);
        for (MetricsSnapshot s : snapshots) {
            accepted += s.accepted();
            sent += s.sent();
            retried += s.retried();
            throttled += s.throttled();
            truncated += s.truncated();
            requests += s.requests();
            failedRequests += s.failedRequests();
            bytesSent += s.bytesSent();
            recordsSent += s.recordsSent();
            bufferedBytes += s.bufferedBytes();
            bufferedEvents += s.bufferedEvents();
            p50 = Math.max(p50, s.latencyP50Millis());
            p99 = Math.max(p99, s.latencyP99Millis());
            max = Math.max(max, s.latencyMaxMillis());
            s.dropped().forEach((reason, count) -> dropped.merge(reason, count, Long::sum));
        }
        return new MetricsSnapshot(
                accepted,
                sent,
                retried,
                throttled,
                truncated,
                dropped,
                requests,
                failedRequests,
                bytesSent,
                recordsSent,
                bufferedBytes,
                bufferedEvents,
                p50,
                p99,
                max);
    }
}
