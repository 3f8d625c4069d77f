package io.github.kinlog.logback;

import ch.qos.logback.core.spi.ContextAware;
import io.github.kinlog.common.status.StatusListener;

/** Kinlog's own problems go to Logback's status manager, never to a logger that could feed back into the appender. */
final class ContextStatus implements StatusListener {
    private final ContextAware component;

    ContextStatus(ContextAware component) {
        this.component = component;
    }

    @Override
    public void info(String message) {
        component.addInfo(message);
    }

    @Override
    public void warn(String message, Throwable cause) {
        component.addWarn(message, cause);
    }

    @Override
    public void error(String message, Throwable cause) {
        component.addError(message, cause);
    }
}
