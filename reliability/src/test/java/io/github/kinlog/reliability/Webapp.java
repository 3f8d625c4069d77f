package io.github.kinlog.reliability;

import io.github.kinlog.common.metrics.MetricsSnapshot;
import java.net.URI;
import java.util.Map;

/**
 * A web application's whole life: its logging starts with a Kinesis appender, logs, and stops when the application is
 * undeployed. {@link RedeployIT} loads it into a fresh class loader for every deployment, as a servlet container does.
 */
public final class Webapp {
    private Webapp() {}

    /**
     * Runs one deployment and returns "accepted sent" counts. Everything is left to the default except the short
     * timings: flushOnExit and JMX are on, so their shutdown hook and MBean must go away at stop.
     */
    public static String deploy(String framework, String stream, String endpoint, String prefix, int events) {
        Map<String, String> options = Options.quick("flushOnExit", "true", "jmx", "true");
        options.put(Options.NO_SHUTDOWN_HOOK, "true");
        LoggingApp app = Framework.valueOf(framework).start(stream, URI.create(endpoint), options);
        for (int i = 0; i < events; i++) {
            app.info("webapp", prefix + "-" + i);
        }
        app.stop();
        MetricsSnapshot metrics = app.metrics();
        return metrics.accepted() + " " + metrics.sent();
    }
}
