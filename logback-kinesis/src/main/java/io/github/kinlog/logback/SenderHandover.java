package io.github.kinlog.logback;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggerContextListener;
import ch.qos.logback.core.Context;
import io.github.kinlog.common.KinlogPipeline;
import java.util.HashMap;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Keeps a Kinesis appender's sender running across a Logback reset (a rescan of the configuration file, Spring
 * Boot's reinitialisation), as the Log4j2 appender's manager does across a reconfiguration: the appender a reset stops
 * parks its running pipeline here, and the appender of the same name and the same settings that the new configuration
 * starts takes it over. Nothing is closed or reopened, and events that reach the stopped appender meanwhile still go
 * to the pipeline.
 *
 * <p>A parked pipeline is closed when an appender of the same name starts with other settings, or when the context
 * stops (a configuration that no longer has the appender leaves its sender parked, idle, until then).
 */
final class SenderHandover {
    private static final String CONTEXT_CLASS = "ch.qos.logback.classic.LoggerContext";

    /** Per context, per appender name. Weak: a context that is gone takes its entries along. */
    private static final Map<Context, Map<String, Parked>> PARKED = new WeakHashMap<>();

    private SenderHandover() {}

    private static final class Parked {
        final String settings;
        final KinlogPipeline pipeline;

        Parked(String settings, KinlogPipeline pipeline) {
            this.settings = settings;
            this.pipeline = pipeline;
        }
    }

    /**
     * Whether the appender is being stopped by a reset of its context that reads a configuration next (a rescan, Spring
     * Boot's reinitialisation), not by the context stopping, which resets it too. Logback says so nowhere else before
     * the appenders are stopped.
     */
    static boolean stoppedByReset() {
        boolean reset = false;
        for (StackTraceElement frame : new Throwable().getStackTrace()) {
            if (frame.getClassName().equals(CONTEXT_CLASS)) {
                if (frame.getMethodName().equals("stop")) {
                    return false;
                }
                reset |= frame.getMethodName().equals("reset");
            }
        }
        return reset;
    }

    /** Parks a running pipeline under the appender's name and settings until the new configuration starts. */
    static synchronized void park(Context context, String name, String settings, KinlogPipeline pipeline) {
        Map<String, Parked> byName = PARKED.get(context);
        if (byName == null) {
            byName = new HashMap<>();
            PARKED.put(context, byName);
            if (context instanceof LoggerContext) {
                ((LoggerContext) context).addListener(new CloseOnStop());
            }
        }
        Parked previous = byName.put(name, new Parked(settings, pipeline));
        if (previous != null && previous.pipeline != pipeline) {
            previous.pipeline.close();
        }
    }

    /**
     * The pipeline parked for an appender of this name with these settings, now the caller's; null if there is none.
     * One parked with other settings is closed, so the new one starts alone.
     */
    static KinlogPipeline take(Context context, String name, String settings) {
        Parked parked;
        synchronized (SenderHandover.class) {
            Map<String, Parked> byName = PARKED.get(context);
            parked = byName == null ? null : byName.remove(name);
        }
        if (parked == null) {
            return null;
        }
        if (parked.settings.equals(settings) && parked.pipeline.isRunning()) {
            return parked.pipeline;
        }
        parked.pipeline.close();
        return null;
    }

    private static void closeAll(Context context) {
        Map<String, Parked> byName;
        synchronized (SenderHandover.class) {
            byName = PARKED.remove(context);
        }
        if (byName != null) {
            for (Parked parked : byName.values()) {
                parked.pipeline.close();
            }
        }
    }

    /** Closes what an earlier reset parked and no configuration took, when the context stops. */
    private static final class CloseOnStop implements LoggerContextListener {
        @Override
        public boolean isResetResistant() {
            // Logback drops other listeners in the reset that precedes onStop.
            return true;
        }

        @Override
        public void onStart(LoggerContext context) {}

        @Override
        public void onReset(LoggerContext context) {}

        @Override
        public void onStop(LoggerContext context) {
            closeAll(context);
        }

        @Override
        public void onLevelChange(Logger logger, Level level) {}
    }
}
