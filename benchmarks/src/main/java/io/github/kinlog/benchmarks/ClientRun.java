package io.github.kinlog.benchmarks;

import io.github.kinlog.common.KinlogConfig;
import io.github.kinlog.common.KinlogPipeline;
import io.github.kinlog.common.metrics.MetricsSnapshot;
import io.github.kinlog.common.send.KinesisTransports;
import io.github.kinlog.common.status.StderrStatus;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * One measurement, in its own JVM: one thread logs typical events as fast as the sender takes them (the buffer
 * blocks when full, so nothing is dropped), or at a steady rate, and the run reports delivered events per second and
 * the CPU time this whole process spent per event (encoding included).
 *
 * <p>Arguments: sink port, HTTP client (or {@code hand-written}, or {@code none}: the load generator alone, with no
 * pipeline), maxInFlight, warm-up events, measured events, and optionally bufferBytes and events per second (0, the
 * default, for as fast as the sender takes them). At a steady rate the warm-up runs straight into the measurement.
 */
public final class ClientRun {
    public static final String RESULT = "RESULT";
    static final String THREADS = "CPU us/event by thread:";
    static final String ALLOCATION = "Bytes allocated per event by thread:";
    private static final String ALLOCATED = "bytes ";
    /** Names the {@link HandWrittenPutRecords} contender instead of an HTTP client. */
    static final String HAND_WRITTEN = "hand-written";
    /** Names no pipeline at all: the load generator's own cost, to subtract from the others. */
    static final String GENERATOR_ONLY = "none";

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        String httpClient = args[1];
        int maxInFlight = Integer.parseInt(args[2]);
        int warmup = Integer.parseInt(args[3]);
        int events = Integer.parseInt(args[4]);
        long bufferBytes = args.length > 5 ? Long.parseLong(args[5]) : 64L * 1024 * 1024;
        int perSecond = args.length > 6 ? Integer.parseInt(args[6]) : 0;
        if (httpClient.equals(GENERATOR_ONLY)) {
            generatorOnly(perSecond, warmup, events);
            return;
        }
        KinlogConfig config = KinlogConfig.builder()
                .name("bench")
                .streamName("bench")
                .region("us-east-1")
                .endpoint("http://127.0.0.1:" + port)
                .httpClient(httpClient.equals(HAND_WRITTEN) ? "url-connection" : httpClient)
                .maxInFlight(maxInFlight)
                .bufferFullPolicy("block")
                .maxBlockMs(600_000)
                .bufferBytes(bufferBytes)
                .jmx(false)
                .build();
        StaticCredentialsProvider credentials =
                StaticCredentialsProvider.create(AwsBasicCredentials.create("bench", "bench"));
        KinlogPipeline pipeline = KinlogPipeline.start(
                config,
                new StderrStatus(null),
                () -> httpClient.equals(HAND_WRITTEN)
                        ? new HandWrittenPutRecords(URI.create("http://127.0.0.1:" + port), credentials)
                        : KinesisTransports.create(config.clientSettings(), credentials));
        BenchEvent event = BenchEvent.typical();
        Load load = perSecond > 0 ? new Steady(perSecond) : Load.AS_FAST_AS_TAKEN;

        load.send(pipeline::append, event, warmup);
        if (perSecond == 0) {
            awaitSent(pipeline, warmup);
        }
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpuBefore = os.getProcessCpuTime();
        Map<String, Long> threadsBefore = cpuByThreadGroup();
        long requestsBefore = pipeline.metrics().requests();
        long start = System.nanoTime();
        load.send(pipeline::append, event, events);
        awaitSent(pipeline, (long) warmup + events);
        long elapsed = System.nanoTime() - start;
        long cpu = os.getProcessCpuTime() - cpuBefore;
        Map<String, Long> threadsAfter = cpuByThreadGroup();
        MetricsSnapshot metrics = pipeline.metrics();
        pipeline.close(Duration.ofSeconds(10));

        System.out.printf(
                "%s eventsPerSecond=%.0f cpuMicrosPerEvent=%.2f requests=%d p99Millis=%.1f dropped=%d%n",
                RESULT,
                events / (elapsed / 1e9),
                cpu / 1000.0 / events,
                metrics.requests() - requestsBefore,
                metrics.latencyP99Millis(),
                metrics.droppedTotal());
        StringBuilder split = new StringBuilder(THREADS);
        long accounted = 0;
        StringBuilder allocation = new StringBuilder(ALLOCATION);
        for (Map.Entry<String, Long> group : threadsAfter.entrySet()) {
            long spent = group.getValue() - threadsBefore.getOrDefault(group.getKey(), 0L);
            if (group.getKey().startsWith(ALLOCATED)) {
                if (spent / events > 0) {
                    allocation.append(
                            String.format(" %s=%d", group.getKey().substring(ALLOCATED.length()), spent / events));
                }
                continue;
            }
            accounted += spent;
            if (spent / events > 10) {
                split.append(String.format(" %s=%.2f", group.getKey(), spent / 1000.0 / events));
            }
        }
        split.append(String.format(" other(GC, JIT)=%.2f", (cpu - accounted) / 1000.0 / events));
        System.out.println(split);
        System.out.println(allocation);
        System.exit(0);
    }

    /** The load generator alone, at the same rate and with the same event: what the other runs subtract. */
    private static void generatorOnly(int perSecond, int warmup, int events) throws InterruptedException {
        Load load = new Steady(perSecond);
        BenchEvent event = BenchEvent.typical();
        long[] sink = new long[1];
        Consumer<BenchEvent> consume = e -> sink[0] += e.nanoOfSecond();
        load.send(consume, event, warmup);
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpuBefore = os.getProcessCpuTime();
        long start = System.nanoTime();
        load.send(consume, event, events);
        long elapsed = System.nanoTime() - start;
        System.out.printf(
                "%s eventsPerSecond=%.0f cpuMicrosPerEvent=%.2f requests=0 p99Millis=0 dropped=0 checksum=%d%n",
                RESULT, events / (elapsed / 1e9), (os.getProcessCpuTime() - cpuBefore) / 1000.0 / events, sink[0]);
        System.out.println(THREADS + " (generator only)");
        System.out.println(ALLOCATION + " (generator only)");
        System.exit(0);
    }

    /** How the events are offered: all at once, or at a steady rate. */
    private interface Load {
        Load AS_FAST_AS_TAKEN = (consumer, event, count) -> {
            for (int i = 0; i < count; i++) {
                consumer.accept(event.tick());
            }
        };

        void send(Consumer<BenchEvent> consumer, BenchEvent event, int count) throws InterruptedException;
    }

    /** A steady rate: every millisecond or so, the events due by then. */
    private static final class Steady implements Load {
        private final int perSecond;
        private long origin = -1;
        private long sent;

        Steady(int perSecond) {
            this.perSecond = perSecond;
        }

        @Override
        public void send(Consumer<BenchEvent> consumer, BenchEvent event, int count) throws InterruptedException {
            if (origin < 0) {
                origin = System.nanoTime();
            }
            long end = sent + count;
            while (sent < end) {
                long due = Math.min(end, (System.nanoTime() - origin) * perSecond / 1_000_000_000L);
                while (sent < due) {
                    consumer.accept(event.tick());
                    sent++;
                }
                Thread.sleep(1);
            }
        }
    }

    /** CPU time of live threads, summed by name with numbers removed (kinlog-put-bench-3 counts as kinlog-put). */
    private static Map<String, Long> cpuByThreadGroup() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<String, Long> byGroup = new TreeMap<>();
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info == null) {
                continue;
            }
            long cpu = threads.getThreadCpuTime(info.getThreadId());
            long allocated = ((com.sun.management.ThreadMXBean) threads).getThreadAllocatedBytes(info.getThreadId());
            String group = info.getThreadName().replaceAll("-bench|[-\\d]+$", "");
            if (cpu > 0) {
                byGroup.merge(group, cpu, Long::sum);
            }
            if (allocated > 0) {
                byGroup.merge(ALLOCATED + group, allocated, Long::sum);
            }
        }
        return byGroup;
    }

    private static void awaitSent(KinlogPipeline pipeline, long count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (pipeline.metrics().sent() + pipeline.metrics().droppedTotal() < count) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Only " + pipeline.metrics().sent() + " of " + count + " sent");
            }
            Thread.sleep(10);
        }
    }
}
