package io.github.kinlog.common.metrics;

import io.github.kinlog.common.status.Causes;
import io.github.kinlog.common.status.StatusListener;
import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/** Registers a sender's metrics as an MXBean, and unregisters them on close so nothing outlives the sender. */
public final class MetricsJmx implements AutoCloseable {
    private final ObjectName name;
    private final StatusListener status;

    private MetricsJmx(ObjectName name, StatusListener status) {
        this.name = name;
        this.status = status;
    }

    /** Registers; on failure (a name taken, no JMX) warns and returns a registration that does nothing. */
    public static MetricsJmx register(
            String senderName, String streamName, SenderMetrics metrics, StatusListener status) {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        try {
            ObjectName name =
                    new ObjectName("io.github.kinlog:type=KinesisSender,name=" + ObjectName.quote(senderName));
            server.registerMBean(new Bean(streamName, metrics), name);
            return new MetricsJmx(name, status);
        } catch (JMException | RuntimeException e) {
            status.warn(
                    "Could not register Kinlog's metrics for '" + senderName + "' with JMX: " + Causes.oneLine(e), e);
            return new MetricsJmx(null, status);
        }
    }

    public ObjectName objectName() {
        return name;
    }

    @Override
    public void close() {
        if (name == null) {
            return;
        }
        try {
            ManagementFactory.getPlatformMBeanServer().unregisterMBean(name);
        } catch (JMException | RuntimeException e) {
            status.warn("Could not unregister " + name + " from JMX: " + Causes.oneLine(e), e);
        }
    }

    private static final class Bean implements KinlogSenderMXBean {
        private final String streamName;
        private final SenderMetrics metrics;

        Bean(String streamName, SenderMetrics metrics) {
            this.streamName = streamName;
            this.metrics = metrics;
        }

        private MetricsSnapshot now() {
            return metrics.snapshot();
        }

        @Override
        public String getStreamName() {
            return streamName;
        }

        @Override
        public long getAcceptedEvents() {
            return now().accepted();
        }

        @Override
        public long getSentEvents() {
            return now().sent();
        }

        @Override
        public long getRetriedEvents() {
            return now().retried();
        }

        @Override
        public long getThrottledEvents() {
            return now().throttled();
        }

        @Override
        public long getTruncatedEvents() {
            return now().truncated();
        }

        @Override
        public long getDroppedEvents() {
            return now().droppedTotal();
        }

        @Override
        public Map<String, Long> getDroppedEventsByReason() {
            Map<String, Long> byReason = new LinkedHashMap<>();
            now().dropped().forEach((reason, count) -> byReason.put(reason.metricName(), count));
            return byReason;
        }

        @Override
        public long getRequests() {
            return now().requests();
        }

        @Override
        public long getFailedRequests() {
            return now().failedRequests();
        }

        @Override
        public long getBytesSent() {
            return now().bytesSent();
        }

        @Override
        public long getRecordsSent() {
            return now().recordsSent();
        }

        @Override
        public long getBufferedBytes() {
            return now().bufferedBytes();
        }

        @Override
        public long getBufferedEvents() {
            return now().bufferedEvents();
        }

        @Override
        public double getLatencyP50Millis() {
            return now().latencyP50Millis();
        }

        @Override
        public double getLatencyP99Millis() {
            return now().latencyP99Millis();
        }

        @Override
        public double getLatencyMaxMillis() {
            return now().latencyMaxMillis();
        }
    }
}
