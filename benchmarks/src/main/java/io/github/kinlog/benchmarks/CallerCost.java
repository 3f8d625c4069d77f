package io.github.kinlog.benchmarks;

import java.lang.management.ManagementFactory;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * The calling thread's own cost per log call: its CPU time and the bytes it allocated, read from the JVM for that
 * thread alone. JMH's score is wall time, which on a small machine also counts the time the caller waited for a core
 * while background threads (a sender, an HTTP client, a sink) used it, and JMH's allocation profiler counts every
 * thread's garbage. Reported as {@code callerCpuNs} and {@code callerBytes} per operation, averaged over threads.
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.EVENTS)
public class CallerCost {
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    /** CPU nanoseconds the calling thread spent per call. */
    public double callerCpuNs;

    /** Bytes the calling thread allocated per call. */
    public double callerBytes;

    private long cpuAtStart;
    private long bytesAtStart;
    private long calls;
    private int threads;

    @Setup(Level.Iteration)
    public void start(BenchmarkParams params) {
        threads = params.getThreads();
        calls = 0;
        cpuAtStart = THREADS.getCurrentThreadCpuTime();
        bytesAtStart = THREADS.getThreadAllocatedBytes(Thread.currentThread().getId());
    }

    /** Counts one call; the benchmark method calls this once per operation. */
    public void call() {
        calls++;
    }

    @TearDown(Level.Iteration)
    public void stop() {
        long cpu = THREADS.getCurrentThreadCpuTime() - cpuAtStart;
        long bytes = THREADS.getThreadAllocatedBytes(Thread.currentThread().getId()) - bytesAtStart;
        // JMH sums auxiliary counters over threads; dividing here makes the sum an average.
        callerCpuNs = calls == 0 ? 0 : (double) cpu / calls / threads;
        callerBytes = calls == 0 ? 0 : (double) bytes / calls / threads;
    }
}
