package io.github.kinlog.benchmarks;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import io.github.kinlog.logback.KinesisAppender;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
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
import org.slf4j.Logger;
import org.slf4j.MDC;

/**
 * What one log call costs the calling thread with Kinlog's Logback appender, with Logback's FileAppender writing
 * LogstashEncoder JSON lines (the set-up Kinlog replaces), with kdgregory's logback-aws-appenders 3.2.1 Kinesis
 * appender, and with guardian's kinesis-logback-appender 2.1.3; the Kinesis appenders send to a local sink in another
 * JVM.
 * {@code java -jar benchmarks/target/benchmarks.jar LogbackAppenderBenchmark -prof gc}
 *
 * <p>See {@link Log4j2AppenderBenchmark} for the {@code kinlog-offline} variant and {@link CallerCost}.
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
public class LogbackAppenderBenchmark {
    private static final Integer ORDER_ID = 1234;
    private static final Integer USER_ID = 42;
    private static final RuntimeException ERROR = BenchEvent.withException().errorForLoggers();

    @Param({"kinlog", "kinlog-offline", "file", "kdgregory", "guardian"})
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
            MDC.put("user_id", "42");
            MDC.put("session_id", "5f1c9a7e-3a0b-4a53-9d35-1c2b7a1f9e21");
            MDC.put("request_id", "req-8c1d2e");
        }
    }

    @Setup(Level.Trial)
    public void setUp() throws IOException, JoranException {
        String config;
        switch (appender) {
            case "kinlog" -> {
                sink = LocalSink.start();
                config = "bench-logback-kinlog.xml";
            }
            case "kinlog-offline" -> {
                sink = LocalSink.down();
                config = "bench-logback-kinlog.xml";
            }
            case "kdgregory" -> {
                sink = LocalSink.start();
                config = "bench-logback-kdgregory.xml";
            }
            case "guardian" -> {
                sink = LocalSink.start();
                config = "bench-logback-guardian.xml";
            }
            default -> {
                file = Files.createTempFile("kinlog-bench", ".jsonl");
                System.setProperty("bench.file", file.toString());
                config = "bench-logback-file.xml";
            }
        }
        context = new LoggerContext();
        context.setMDCAdapter(MDC.getMDCAdapter());
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(getClass().getClassLoader().getResource(config));
        logger = context.getLogger("com.example.shop.OrderService");
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        if (appender.startsWith("kinlog")) {
            KinesisAppender kinesis =
                    (KinesisAppender) context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("KINESIS");
            var metrics = kinesis.pipeline().metrics();
            System.out.printf(
                    "%nKinlog: %d events accepted, %d dropped (buffer full), %d sent%n",
                    metrics.accepted(), metrics.droppedTotal(), metrics.sent());
        }
        context.stop();
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
