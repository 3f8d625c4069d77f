package io.github.kinlog.benchmarks;

import ch.qos.logback.classic.joran.JoranConfigurator;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.apache.logging.log4j.ThreadContext;
import org.apache.logging.log4j.core.LoggerContext;
import org.slf4j.MDC;

/**
 * One contender in its own JVM, for {@link PeerComparison}: logs typical events (two parameters, three MDC entries)
 * whose message carries the event's number and its log time in epoch microseconds, either as fast as the appender
 * takes them or at a fixed rate. Prints {@code LOGGED}, waits for {@code STOP} on standard input (the harness sends
 * it once the sink has what it will get), then prints the process's CPU time and allocation and stops logging.
 *
 * <p>Arguments: contender ({@code kinlog-log4j2}, {@code kinlog-logback}, {@code kdgregory}, {@code guardian}, or
 * {@code none}: the load generator alone, whose log calls do nothing, to tell its own cost), mode ({@code burst} or
 * {@code rate}), events (burst) or events per second (rate), and the longest it logs, in seconds. The endpoint comes
 * from {@code bench.endpoint}; {@code bench.warmUpSeconds} sets the warm-up (default 2).
 */
public final class DeliveryRun {
    static final String LOGGED = "LOGGED";
    static final String RESULT = "RESULT";

    public static void main(String[] args) throws Exception {
        String contender = args[0];
        String mode = args[1];
        int amount = Integer.parseInt(args[2]);
        long maxNanos = TimeUnit.SECONDS.toNanos(Integer.parseInt(args[3]));
        System.setProperty("aws.accessKeyId", "bench");
        System.setProperty("aws.secretAccessKey", "bench");
        // The SDK v1, under kdgregory's appender, reads the secret from this name.
        System.setProperty("aws.secretKey", "bench");
        System.setProperty("aws.region", "us-east-1");

        Contender logging = Contender.start(contender);
        // Warm-up, not counted: the same load with messages the sink does not match, then time to drain.
        logPhase(logging, mode, amount, TimeUnit.SECONDS.toNanos(Integer.getInteger("bench.warmUpSeconds", 2)), true);
        Thread.sleep(4_000);
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpuBefore = os.getProcessCpuTime();
        long allocatedBefore = allocated();
        long start = System.nanoTime();
        long logged = logPhase(logging, mode, amount, maxNanos, false);
        long logNanos = System.nanoTime() - start;
        System.out.println(LOGGED + " " + logged + " " + logNanos);
        System.out.flush();
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        System.out.printf(
                "%s cpuNanos=%d allocatedBytes=%d%n",
                RESULT, os.getProcessCpuTime() - cpuBefore, allocated() - allocatedBefore);
        System.out.flush();
        logging.stop();
        System.exit(0);
    }

    /** Logs a burst of {@code amount} events, or {@code amount} a second, for at most {@code maxNanos}. */
    private static long logPhase(Contender logging, String mode, int amount, long maxNanos, boolean warmUp)
            throws InterruptedException {
        long start = System.nanoTime();
        long logged = 0;
        if (mode.equals("burst")) {
            long count = warmUp ? amount / 5 : amount;
            while (logged < count && System.nanoTime() - start < maxNanos) {
                logging.log(logged++, warmUp);
            }
            return logged;
        }
        while (System.nanoTime() - start < maxNanos) {
            long due = (System.nanoTime() - start) * amount / 1_000_000_000L;
            while (logged < due) {
                logging.log(logged++, warmUp);
            }
            Thread.sleep(0, 200_000);
        }
        return logged;
    }

    /** Bytes allocated by the live threads; the appenders' threads live for the whole run. */
    private static long allocated() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long sum = 0;
        for (long bytes :
                ((com.sun.management.ThreadMXBean) threads).getThreadAllocatedBytes(threads.getAllThreadIds())) {
            sum += Math.max(0, bytes);
        }
        return sum;
    }

    /** A logging framework configured with one contender, logging the typical event. */
    private record Contender(Logging logger, Runnable stopper) {
        /** One log call: the message (measured or warm-up), the event's number and its log time. */
        interface Logging {
            void log(String message, long n, long t);
        }

        private static final Integer ORDER_ID = 1234;
        private static final Integer USER_ID = 42;
        private static final String MESSAGE = "Order {} placed by user {} n={} t={}";
        private static final String WARM_UP = "Order {} placed by user {} w={} t={}";

        /** Keeps the generator's values alive without logging them. */
        private static volatile long sink;

        static Contender start(String name) throws Exception {
            if (name.equals("none")) {
                return new Contender((m, n, t) -> sink = n + t + m.length(), () -> {});
            }
            if (name.equals("kinlog-log4j2")) {
                LoggerContext context = new LoggerContext(
                        "bench",
                        null,
                        DeliveryRun.class
                                .getClassLoader()
                                .getResource("bench-log4j2-kinlog.xml")
                                .toURI());
                context.start();
                org.apache.logging.log4j.Logger logger = context.getLogger("com.example.shop.OrderService");
                ThreadContext.put("user_id", "42");
                ThreadContext.put("session_id", "5f1c9a7e-3a0b-4a53-9d35-1c2b7a1f9e21");
                ThreadContext.put("request_id", "req-8c1d2e");
                return new Contender(
                        (m, n, t) -> logger.info(m, ORDER_ID, USER_ID, n, t), () -> context.stop(30, TimeUnit.SECONDS));
            }
            String config = switch (name) {
                case "kinlog-logback" -> "bench-logback-kinlog.xml";
                case "kdgregory" -> "bench-logback-kdgregory.xml";
                case "guardian" -> "bench-logback-guardian.xml";
                default -> throw new IllegalArgumentException("unknown contender " + name);
            };
            ch.qos.logback.classic.LoggerContext context = new ch.qos.logback.classic.LoggerContext();
            context.setMDCAdapter(MDC.getMDCAdapter());
            JoranConfigurator configurator = new JoranConfigurator();
            configurator.setContext(context);
            configurator.doConfigure(DeliveryRun.class.getClassLoader().getResource(config));
            org.slf4j.Logger logger = context.getLogger("com.example.shop.OrderService");
            MDC.put("user_id", "42");
            MDC.put("session_id", "5f1c9a7e-3a0b-4a53-9d35-1c2b7a1f9e21");
            MDC.put("request_id", "req-8c1d2e");
            return new Contender((m, n, t) -> logger.info(m, ORDER_ID, USER_ID, n, t), () -> {
                // What the appender reported about itself, warnings and errors, for the harness's log.
                context.getStatusManager().getCopyOfStatusList().stream()
                        .filter(status -> status.getLevel()
                                >= Integer.getInteger("bench.statusLevel", ch.qos.logback.core.status.Status.WARN))
                        .forEach(status -> System.out.println("status: " + status));
                System.out.flush();
                context.stop();
            });
        }

        void log(long n, boolean warmUp) {
            Instant now = Instant.now();
            logger.log(warmUp ? WARM_UP : MESSAGE, n, now.getEpochSecond() * 1_000_000 + now.getNano() / 1000);
        }

        void stop() {
            stopper.run();
        }
    }
}
