package io.github.kinlog.compatibility;

import ch.qos.logback.classic.LoggerContext;
import io.github.kinlog.common.metrics.MetricsSnapshot;
import io.github.kinlog.logback.KinesisAppender;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * One event from a virtual thread, then many virtual threads logging at once through the Logback appender, then a stop;
 * prints what the sender counted.
 * Virtual threads are reached by reflection: this module compiles for Java 8, and runs this on Java 21 or newer.
 */
public final class VirtualThreadsProgram {
    public static final String COUNTS = "counts:";

    private VirtualThreadsProgram() {}

    public static void main(String[] args) throws Exception {
        int threads = Integer.parseInt(args[0]);
        Logger log = LoggerFactory.getLogger(Contract.LOGGER);
        // Loads and initialises the classes of the path once, as any application's first event does: class loading
        // takes the JDK's locks, which is not what this program looks for.
        Object builder = Thread.class.getMethod("ofVirtual").invoke(null);
        Method start = Class.forName("java.lang.Thread$Builder").getMethod("start", Runnable.class);
        ((Thread) start.invoke(builder, (Runnable) () -> log.info("warm-up {}", 0))).join();
        List<Thread> started = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            int n = i;
            started.add((Thread) start.invoke(builder, (Runnable) () -> {
                MDC.put(Contract.MDC_KEY, Integer.toString(n));
                log.info("virtual thread {} logging", n);
                MDC.clear();
            }));
        }
        for (Thread thread : started) {
            thread.join();
        }
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        KinesisAppender appender =
                (KinesisAppender) context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("kinesis");
        context.stop();
        MetricsSnapshot metrics = appender.pipeline().metrics();
        System.out.println(COUNTS + " accepted=" + metrics.accepted() + " sent=" + metrics.sent() + " dropped="
                + metrics.droppedTotal());
    }
}
