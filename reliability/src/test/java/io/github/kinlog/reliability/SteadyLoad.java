package io.github.kinlog.reliability;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * An application thread logging at a steady rate, each message a unique id; it records what it logged, how long the
 * slowest call took, and anything a call threw (nothing should).
 */
final class SteadyLoad implements AutoCloseable {
    static final String LOGGER = "app.load";

    private final LoggingApp app;
    private final String prefix;
    private final long intervalNanos;
    private final Queue<String> logged = new ConcurrentLinkedQueue<>();
    private final Queue<Throwable> thrown = new ConcurrentLinkedQueue<>();
    private final Map<String, long[]> callTimes = new ConcurrentHashMap<>();
    private final AtomicLong worstCallNanos = new AtomicLong();
    private final Thread thread;
    private volatile boolean running = true;

    SteadyLoad(LoggingApp app, String prefix, int eventsPerSecond) {
        this.app = app;
        this.prefix = prefix;
        this.intervalNanos = TimeUnit.SECONDS.toNanos(1) / eventsPerSecond;
        this.thread = new Thread(this::run, "app-" + app.framework().display() + "-" + prefix);
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        long start = System.nanoTime();
        for (long n = 0; running; n++) {
            long due = start + n * intervalNanos;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            String id = prefix + "-" + n;
            long before = System.nanoTime();
            try {
                app.info(LOGGER, id);
            } catch (Throwable t) {
                thrown.add(t);
            }
            long after = System.nanoTime();
            worstCallNanos.accumulateAndGet(after - before, Math::max);
            callTimes.put(id, new long[] {before, after});
            logged.add(id);
        }
    }

    /** Stops logging and waits for the thread to finish its last call. */
    @Override
    public void close() {
        running = false;
        try {
            thread.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    List<String> logged() {
        return List.copyOf(logged);
    }

    int count() {
        return logged.size();
    }

    double worstCallMillis() {
        return worstCallNanos.get() / 1e6;
    }

    /** The events whose logging call overlapped the interval [from, to] of {@link System#nanoTime()}. */
    Set<String> loggedDuring(long from, long to) {
        Set<String> overlapping = new HashSet<>();
        callTimes.forEach((id, call) -> {
            if (call[0] <= to && call[1] >= from) {
                overlapping.add(id);
            }
        });
        return overlapping;
    }

    List<Throwable> thrown() {
        return List.copyOf(thrown);
    }

    LoggingApp app() {
        return app;
    }
}
