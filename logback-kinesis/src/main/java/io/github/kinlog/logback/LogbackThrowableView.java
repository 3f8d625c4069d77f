package io.github.kinlog.logback;

import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import io.github.kinlog.common.event.ThrowableView;
import java.util.ArrayList;
import java.util.List;

/** A throwable known only through Logback's proxy, as an event from another process carries it. */
final class LogbackThrowableView implements ThrowableView {
    private final IThrowableProxy proxy;

    LogbackThrowableView(IThrowableProxy proxy) {
        this.proxy = proxy;
    }

    @Override
    public String className() {
        return proxy.getClassName();
    }

    @Override
    public String message() {
        return proxy.getMessage();
    }

    @Override
    public StackTraceElement[] stackTrace() {
        StackTraceElementProxy[] frames = proxy.getStackTraceElementProxyArray();
        if (frames == null) {
            return new StackTraceElement[0];
        }
        StackTraceElement[] trace = new StackTraceElement[frames.length];
        for (int i = 0; i < frames.length; i++) {
            trace[i] = frames[i] == null ? null : frames[i].getStackTraceElement();
        }
        return trace;
    }

    @Override
    public ThrowableView cause() {
        IThrowableProxy cause = proxy.getCause();
        return cause == null ? null : new LogbackThrowableView(cause);
    }

    @Override
    public List<ThrowableView> suppressed() {
        IThrowableProxy[] suppressed = proxy.getSuppressed();
        List<ThrowableView> views = new ArrayList<>();
        if (suppressed != null) {
            for (IThrowableProxy each : suppressed) {
                views.add(new LogbackThrowableView(each));
            }
        }
        return views;
    }

    @Override
    public Object identity() {
        return proxy;
    }
}
