package io.github.kinlog.benchmarks;

import io.github.kinlog.log4j2.KinesisAppender;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.ThreadContext;
import org.apache.logging.log4j.core.LoggerContext;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What one log call costs the calling thread with Kinlog's Log4j2 appender (sending to a local PutRecords sink in
 * another JVM) and with Log4j2's RandomAccessFile appender writing JsonTemplateLayout JSON lines, the set-up Kinlog
 * replaces. {@code java -jar benchmarks/target/benchmarks.jar Log4j2AppenderBenchmark -prof gc}
 *
 * <p>Besides JMH's wall-time score, {@link CallerCost} reports the CPU time and allocation of the calling thread
 * alone: on a small machine the sender's and the sink's threads take cores from the caller, which the wall time
 * counts. When JMH logs faster than the sender delivers, Kinlog's buffer fills and its default policy drops the
 * newest events; the teardown prints how many were accepted and dropped. A dropped event was still encoded, so its
 * cost is within a few percent of an accepted one.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
// A fixed, pre-touched heap: otherwise page faults while the heap grows land on whichever thread allocates.
@Fork(
        value = 2,
        jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch"})
public class Log4j2AppenderBenchmark {
    private static final Integer ORDER_ID = 1234;
    private static final Integer USER_ID = 42;
    private static final RuntimeException ERROR = BenchEvent.withException().errorForLoggers();

    /**
     * {@code kinlog}: sending to the sink. {@code kinlog-offline}: the endpoint is down, so the sender only waits and
     * retries and the buffer stays full; what remains is the calling thread's own work with no sender competing for
     * the machine. {@code file}: the baseline.
     */
    @Param({"kinlog", "kinlog-offline", "file"})
    public String appender;

    private LocalSink sink;
    private Path file;
    private LoggerContext context;
    private Logger logger;

    /** Each logging thread has the three MDC entries of the typical event. */
    @State(Scope.Thread)
    public static class Caller {
        @Setup
        public void setUp() {
            ThreadContext.put("user_id", "42");
            ThreadContext.put("session_id", "5f1c9a7e-3a0b-4a53-9d35-1c2b7a1f9e21");
            ThreadContext.put("request_id", "req-8c1d2e");
        }
    }

    @Setup(Level.Trial)
    public void setUp() throws IOException, URISyntaxException {
        String config;
        if (appender.startsWith("kinlog")) {
            sink = appender.equals("kinlog") ? LocalSink.start() : LocalSink.down();
            config = "bench-log4j2-kinlog.xml";
        } else {
            file = Files.createTempFile("kinlog-bench", ".jsonl");
            System.setProperty("bench.file", file.toString());
            config = "bench-log4j2-file.xml";
        }
        context = new LoggerContext(
                "bench", null, getClass().getClassLoader().getResource(config).toURI());
        context.start();
        logger = context.getLogger("com.example.shop.OrderService");
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        if (appender.startsWith("kinlog")) {
            KinesisAppender kinesis = context.getConfiguration().getAppender("kinesis");
            var metrics = kinesis.pipeline().metrics();
            System.out.printf(
                    "%nKinlog: %d events accepted, %d dropped (buffer full), %d sent%n",
                    metrics.accepted(), metrics.droppedTotal(), metrics.sent());
        }
        context.stop(10, TimeUnit.SECONDS);
        if (sink != null) {
            sink.close();
        }
        if (file != null) {
            Files.deleteIfExists(file);
        }
    }

    @Benchmark
    public void simpleEvent(Caller caller, CallerCost cost) {
        logger.info("Order placed");
        cost.call();
    }

    @Benchmark
    public void typicalEvent(Caller caller, CallerCost cost) {
        logger.info("Order {} placed by user {}", ORDER_ID, USER_ID);
        cost.call();
    }

    @Benchmark
    public void eventWithThreeLevelException(Caller caller, CallerCost cost) {
        logger.error("Payment failed for order {}", ORDER_ID, ERROR);
        cost.call();
    }
}
