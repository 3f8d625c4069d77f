package io.github.kinlog.log4j2;

import io.github.kinlog.common.KinlogConfig;
import io.github.kinlog.common.KinlogPipeline;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.logging.log4j.core.appender.AbstractManager;
import org.apache.logging.log4j.core.appender.ManagerFactory;

/**
 * Owns the sending pipeline. Log4j2 keeps managers by name, here the whole configuration, and counts their users:
 * when a reconfiguration creates a Kinesis appender with the same settings, the new appender takes this manager, live,
 * before the old appender lets go of it. The sender never stops, so no event is lost or sent twice across it.
 */
final class KinesisManager extends AbstractManager {
    private static final ManagerFactory<KinesisManager, KinlogConfig> FACTORY = KinesisManager::new;

    private final KinlogPipeline pipeline;

    private KinesisManager(String key, KinlogConfig config) {
        super(null, key);
        this.pipeline = KinlogPipeline.start(config, StatusLoggerListener.INSTANCE);
    }

    /** The manager for this configuration: the running one if another appender uses it, else a new one. */
    static KinesisManager forConfig(String key, KinlogConfig config) {
        return getManager(key, FACTORY, config);
    }

    KinlogPipeline pipeline() {
        return pipeline;
    }

    /** Called when the last appender using it stops: sends what is held for up to the time given, then stops. */
    @Override
    protected boolean releaseSub(long timeout, TimeUnit unit) {
        return pipeline.close(Duration.ofNanos(unit.toNanos(timeout))).complete();
    }
}
