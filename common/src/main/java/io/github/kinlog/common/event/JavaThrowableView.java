package io.github.kinlog.common.event;

import java.util.ArrayList;
import java.util.List;

/** A {@link ThrowableView} over a real {@link Throwable}. */
final class JavaThrowableView implements ThrowableView {
    private final Throwable throwable;

    JavaThrowableView(Throwable throwable) {
        this.throwable = throwable;
    }

    @Override
    public String className() {
        return throwable.getClass().getName();
    }

    @Override
    public String message() {
        // What Throwable.toString() shows, without calling an overridden toString().
        return throwable.getLocalizedMessage();
    }

    @Override
    public StackTraceElement[] stackTrace() {
        return throwable.getStackTrace();
    }

    @Override
    public ThrowableView cause() {
        return ThrowableView.of(throwable.getCause());
    }

    @Override
    public List<ThrowableView> suppressed() {
        Throwable[] suppressed = throwable.getSuppressed();
        List<ThrowableView> views = new ArrayList<>(suppressed.length);
        for (Throwable each : suppressed) {
            views.add(new JavaThrowableView(each));
        }
        return views;
    }

    @Override
    public Object identity() {
        return throwable;
    }
}
