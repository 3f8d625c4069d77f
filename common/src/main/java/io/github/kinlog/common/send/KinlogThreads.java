package io.github.kinlog.common.send;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads Kinlog starts: daemon threads (they never keep a JVM alive) with names starting {@code kinlog-}, of a
 * class appenders can recognise so that events logged on them are never fed back into the sender.
 */
public final class KinlogThreads {
    private KinlogThreads() {}

    /** Whether the current thread is one of Kinlog's. */
    public static boolean isCurrentThreadOurs() {
        return Thread.currentThread() instanceof KinlogThread;
    }

    static Thread newThread(Runnable task, String name) {
        return new KinlogThread(task, name);
    }

    static ThreadFactory factory(String prefix) {
        AtomicInteger counter = new AtomicInteger();
        return task -> newThread(task, prefix + "-" + counter.incrementAndGet());
    }

    private static final class KinlogThread extends Thread {
        KinlogThread(Runnable task, String name) {
            super(task, name);
            setDaemon(true);
        }
    }
}
