package io.github.kinlog.logback;

import ch.qos.logback.core.Context;
import ch.qos.logback.core.spi.ContextAware;
import io.github.kinlog.common.status.StatusListener;

/**
 * Kinlog's own problems go to Logback's status manager, never to a logger that could feed back into the appender.
 * Once configuration is over, Logback prints nothing from its status manager unless a status listener is configured
 * (Spring Boot adds one), so while the context has none, reports also go to standard error: nothing is lost without a
 * word. Reports made on the configuring thread while the appender starts are left to Logback, which prints the whole
 * status list itself when configuration ends with warnings or errors.
 */
final class ContextStatus implements StatusListener {
    private final ContextAware component;
    private final StatusListener stderr;
    private volatile Thread starting;

    /** @param stderr where reports go when nobody listens to the status manager; null for nowhere */
    ContextStatus(ContextAware component, StatusListener stderr) {
        this.component = component;
        this.stderr = stderr;
    }

    /** Marks the calling thread as the one starting the appender, until {@link #started()}. */
    void starting() {
        starting = Thread.currentThread();
    }

    void started() {
        starting = null;
    }

    @Override
    public void info(String message) {
        component.addInfo(message);
        if (nobodyListens()) {
            stderr.info(message);
        }
    }

    @Override
    public void warn(String message, Throwable cause) {
        component.addWarn(message, cause);
        if (nobodyListens()) {
            stderr.warn(message, cause);
        }
    }

    @Override
    public void error(String message, Throwable cause) {
        component.addError(message, cause);
        if (nobodyListens()) {
            stderr.error(message, cause);
        }
    }

    private boolean nobodyListens() {
        if (stderr == null || starting == Thread.currentThread()) {
            return false;
        }
        Context context = component.getContext();
        return context == null
                || context.getStatusManager().getCopyOfStatusListenerList().isEmpty();
    }
}
