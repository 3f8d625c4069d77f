package io.github.kinlog.benchmarks;

import io.github.kinlog.common.KinlogConfig;
import io.github.kinlog.common.encode.EventEncoder;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What encoding one event costs the calling thread. Run with the GC profiler for bytes per event:
 * {@code java -jar benchmarks/target/benchmarks.jar EncoderBenchmark -prof gc}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
// A fixed, pre-touched heap: otherwise page faults while the heap grows land on whichever thread allocates.
@Fork(
        value = 2,
        jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch"})
public class EncoderBenchmark {
    private EventEncoder encoder;
    private BenchEvent typical;
    private BenchEvent withException;

    @Setup
    public void setUp() {
        encoder = new EventEncoder(
                KinlogConfig.builder().service("shop").env("prod").buildEncoderSettings());
        typical = BenchEvent.typical();
        withException = BenchEvent.withException();
    }

    @Benchmark
    public byte[] typicalEvent() {
        return encoder.encode(typical.tick(), 16);
    }

    @Benchmark
    public byte[] eventWithThreeLevelException() {
        return encoder.encode(withException.tick(), 16);
    }
}
