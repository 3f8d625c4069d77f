package io.github.kinlog.benchmarks;

import io.github.kinlog.benchmarks.sink.PutRecordsSink;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Kinlog against its peers in one run, writing {@code docs/benchmarks.md}: the calling thread's cost per event (JMH,
 * 1 and 2 threads) for Kinlog's two appenders, kdgregory's and guardian's Kinesis appenders and the two file
 * baselines; and, against a PutRecords sink in this JVM, delivered events per second at 0 and 20 ms round trips,
 * delivery latency at 1,000 and 10,000 events/s, CPU and allocation per delivered event, requests per 10,000
 * events, and what 20% throttling does. Every contender runs in a JVM of its own.
 *
 * <p>{@code java -cp benchmarks/target/benchmarks.jar io.github.kinlog.benchmarks.PeerComparison [output.md]}; while
 * working on it, {@code --contenders kinlog-logback,guardian} and {@code --no-jmh} shorten the run.
 */
public final class PeerComparison {
    static final List<String> DELIVERING = List.of("kinlog-log4j2", "kinlog-logback", "kdgregory", "guardian");
    private static final Pattern NUMBERS = Pattern.compile("n=(\\d+) t=(\\d+)");
    private static final Pattern FIELD = Pattern.compile("(\\w+)=(\\d+)");
    private static final int BURST_EVENTS = 100_000;
    /** How long a contender may take to deliver after it stopped logging, and how long without progress ends it. */
    private static final long DRAIN_NANOS = 20_000_000_000L;

    private static final long QUIET_NANOS = 4_000_000_000L;

    public static void main(String[] args) throws Exception {
        Path output = Path.of("docs/benchmarks.md");
        List<String> delivering = DELIVERING;
        boolean jmh = true;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--contenders" -> delivering = List.of(args[++i].split(","));
                case "--no-jmh" -> jmh = false;
                default -> output = Path.of(args[i]);
            }
        }
        long started = System.nanoTime();
        Map<String, Delivery> burst0 = new LinkedHashMap<>();
        Map<String, Delivery> burst20 = new LinkedHashMap<>();
        Map<String, Delivery> rate1k = new LinkedHashMap<>();
        Map<String, Delivery> rate10k = new LinkedHashMap<>();
        Map<String, Delivery> throttled = new LinkedHashMap<>();
        for (String contender : delivering) {
            burst0.put(contender, deliver(contender, 0, 0, "burst", BURST_EVENTS, 15));
            burst20.put(contender, deliver(contender, 20, 0, "burst", BURST_EVENTS, 15));
            rate1k.put(contender, deliver(contender, 20, 0, "rate", 1_000, 5));
            rate10k.put(contender, deliver(contender, 20, 0, "rate", 10_000, 5));
            throttled.put(contender, deliver(contender, 20, 0.2, "rate", 1_000, 5));
        }
        List<CallerRow> caller = jmh ? callerCost() : List.of();
        String markdown = Report.markdown(
                caller, burst0, burst20, rate1k, rate10k, throttled, (System.nanoTime() - started) / 1_000_000_000L);
        Files.createDirectories(output.toAbsolutePath().getParent());
        // PackedComparison's section is its own run's: keep it.
        String packed = Files.exists(output)
                ? PackedComparison.sectionOf(Files.readString(output, StandardCharsets.UTF_8))
                : "";
        Files.writeString(
                output,
                packed.isEmpty() ? markdown : PackedComparison.withSection(markdown, packed),
                StandardCharsets.UTF_8);
        System.out.println(markdown);
        System.out.println("Written to " + output);
    }

    /** What one delivery run measured. */
    record Delivery(
            long logged,
            long logNanos,
            long delivered,
            long duplicates,
            long requests,
            long throttledRecords,
            double eventsPerSecond,
            long p50Micros,
            long p99Micros,
            long maxMicros,
            long cpuNanos,
            long allocatedBytes,
            RecordCosts records) {}

    /**
     * What Kinesis would bill for the records that carried measured events: how many, their bytes, on-demand billed
     * kilobytes (each record rounded up to 1 KiB) and provisioned PUT payload units (25 KiB each). The sink does not
     * keep partition keys; each record is counted with a 16-byte key, the longest random key Kinlog makes.
     */
    record RecordCosts(long records, long bytes, long billedKilobytes, long putUnits) {}

    static Delivery deliver(String contender, int delayMillis, double throttle, String mode, int amount, int seconds)
            throws Exception {
        return deliver(contender, delayMillis, throttle, mode, amount, seconds, List.of());
    }

    /** @param properties system properties for the contender's JVM ({@code -Dname=value}) */
    static Delivery deliver(
            String contender,
            int delayMillis,
            double throttle,
            String mode,
            int amount,
            int seconds,
            List<String> properties)
            throws Exception {
        int capacity = mode.equals("burst") ? amount : amount * seconds + amount;
        AtomicLongArray arrivals = new AtomicLongArray(capacity);
        AtomicLongArray sentAt = new AtomicLongArray(capacity);
        AtomicLong received = new AtomicLong();
        AtomicLong unique = new AtomicLong();
        AtomicLong lastArrival = new AtomicLong();
        AtomicLong records = new AtomicLong();
        AtomicLong recordBytes = new AtomicLong();
        AtomicLong billedKilobytes = new AtomicLong();
        AtomicLong putUnits = new AtomicLong();
        long epochOffset = epochMicros() * 1000 - System.nanoTime();
        try (PutRecordsSink sink = new PutRecordsSink(0, delayMillis, throttle)) {
            sink.onRecord((data, arrivalNanos) -> {
                // Every event in the record: one, or a packed record's many.
                Matcher matcher = NUMBERS.matcher(new String(data, StandardCharsets.ISO_8859_1));
                long arrival = (arrivalNanos + epochOffset) / 1000;
                boolean measured = false;
                while (matcher.find()) {
                    measured = true;
                    int n = Integer.parseInt(matcher.group(1));
                    received.incrementAndGet();
                    if (n < capacity && arrivals.compareAndSet(n, 0, arrival)) {
                        sentAt.set(n, Long.parseLong(matcher.group(2)));
                        unique.incrementAndGet();
                        lastArrival.accumulateAndGet(arrival, Math::max);
                    }
                }
                if (measured) {
                    long size = data.length + 16L;
                    records.incrementAndGet();
                    recordBytes.addAndGet(size);
                    billedKilobytes.addAndGet((size + 1023) / 1024);
                    putUnits.addAndGet((size + 25 * 1024 - 1) / (25 * 1024));
                }
            });
            System.err.printf(
                    "%s: %s %d%s at %d ms%s...%n",
                    contender,
                    mode,
                    amount,
                    mode.equals("rate") ? "/s" : "",
                    delayMillis,
                    throttle > 0 ? ", " + (int) (throttle * 100) + "% throttled" : "");
            List<String> jvm = new ArrayList<>(List.of(
                    "-Xms1g", "-Xmx1g", "-XX:+UseParallelGC", "-Dbench.endpoint=http://127.0.0.1:" + sink.port()));
            properties.forEach(property -> jvm.add("-D" + property));
            try (ChildJvm child = ChildJvm.start(
                    DeliveryRun.class, jvm, contender, mode, Integer.toString(amount), Integer.toString(seconds))) {
                String[] logged = child.awaitLine(DeliveryRun.LOGGED).split(" ");
                long count = Long.parseLong(logged[0]);
                long deadline = System.nanoTime() + DRAIN_NANOS;
                long seen = -1;
                long progressAt = System.nanoTime();
                while (unique.get() < count
                        && System.nanoTime() < deadline
                        && System.nanoTime() - progressAt < QUIET_NANOS) {
                    if (unique.get() != seen) {
                        seen = unique.get();
                        progressAt = System.nanoTime();
                    }
                    Thread.sleep(50);
                }
                child.send("STOP");
                Map<String, Long> result = fields(child.awaitLine(DeliveryRun.RESULT));
                long delivered = unique.get();
                long[] latencies = new long[(int) delivered];
                int i = 0;
                for (int n = 0; n < capacity && i < latencies.length; n++) {
                    if (arrivals.get(n) != 0) {
                        latencies[i++] = arrivals.get(n) - sentAt.get(n);
                    }
                }
                Arrays.sort(latencies, 0, i);
                // From the first measured log call (the warm-up and start-up before it do not count).
                long firstLog = Long.MAX_VALUE;
                for (int n = 0; n < capacity; n++) {
                    if (arrivals.get(n) != 0) {
                        firstLog = Math.min(firstLog, sentAt.get(n));
                    }
                }
                double span = Math.max(1, lastArrival.get() - firstLog) / 1e6;
                Delivery delivery = new Delivery(
                        count,
                        Long.parseLong(logged[1]),
                        delivered,
                        received.get() - delivered,
                        sink.requests(),
                        sink.throttledRecords(),
                        delivered / span,
                        percentile(latencies, i, 0.5),
                        percentile(latencies, i, 0.99),
                        i == 0 ? 0 : latencies[i - 1],
                        result.get("cpuNanos"),
                        result.get("allocatedBytes"),
                        new RecordCosts(records.get(), recordBytes.get(), billedKilobytes.get(), putUnits.get()));
                System.err.println("  " + delivery);
                return delivery;
            }
        }
    }

    private static long percentile(long[] sorted, int size, double share) {
        return size == 0 ? 0 : sorted[Math.min(size - 1, (int) Math.ceil(share * size) - 1)];
    }

    private static long epochMicros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000 + now.getNano() / 1000;
    }

    private static Map<String, Long> fields(String line) {
        Map<String, Long> values = new LinkedHashMap<>();
        Matcher matcher = FIELD.matcher(line);
        while (matcher.find()) {
            values.put(matcher.group(1), Long.parseLong(matcher.group(2)));
        }
        return values;
    }

    /** One JMH measurement of the calling thread. */
    record CallerRow(
            String framework,
            String appender,
            String shape,
            int threads,
            double nsPerOp,
            double bytesPerOp,
            double callerCpuNs) {}

    static List<CallerRow> callerCost() throws Exception {
        List<CallerRow> rows = new ArrayList<>();
        Map<String, String[]> contenders = new LinkedHashMap<>();
        contenders.put("Log4j2AppenderBenchmark", new String[] {"kinlog", "file"});
        contenders.put("LogbackAppenderBenchmark", new String[] {"kinlog", "file", "kdgregory", "guardian"});
        for (int threads : new int[] {1, 2}) {
            for (Map.Entry<String, String[]> benchmark : contenders.entrySet()) {
                rows.addAll(callerCost(benchmark.getKey(), benchmark.getValue(), threads));
            }
        }
        return rows;
    }

    private static List<CallerRow> callerCost(String benchmarkClass, String[] appenders, int threads) throws Exception {
        List<CallerRow> rows = new ArrayList<>();
        {
            Options options = new OptionsBuilder()
                    .include(benchmarkClass)
                    .param("appender", appenders)
                    .threads(threads)
                    .forks(1)
                    .warmupIterations(2)
                    .warmupTime(TimeValue.seconds(1))
                    .measurementIterations(MEASUREMENT_ITERATIONS)
                    .measurementTime(TimeValue.seconds(1))
                    .addProfiler("gc")
                    .shouldFailOnError(true)
                    .build();
            for (RunResult run : new Runner(options).run()) {
                String benchmark = run.getParams().getBenchmark();
                String framework = benchmark.contains("Log4j2") ? "Log4j2" : "Logback";
                String shape = benchmark.substring(benchmark.lastIndexOf('.') + 1);
                Map<String, Result> secondary = run.getSecondaryResults();
                rows.add(new CallerRow(
                        framework,
                        run.getParams().getParam("appender"),
                        shape,
                        threads,
                        run.getPrimaryResult().getScore(),
                        score(secondary, "gc.alloc.rate.norm"),
                        // Event counters are summed over the measurement iterations.
                        score(secondary, "callerCpuNs") / MEASUREMENT_ITERATIONS));
            }
        }
        return rows;
    }

    private static final int MEASUREMENT_ITERATIONS = 3;

    private static double score(Map<String, Result> results, String name) {
        Result result = results.get(name);
        return result == null ? Double.NaN : result.getScore();
    }
}
