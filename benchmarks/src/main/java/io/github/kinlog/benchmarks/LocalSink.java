package io.github.kinlog.benchmarks;

import io.github.kinlog.benchmarks.sink.PutRecordsSink;
import java.io.IOException;
import java.util.List;

/**
 * Where benchmarked appenders send: a {@link PutRecordsSink} in a JVM of its own, or, for the "offline" variants,
 * an endpoint where nothing listens. Sets {@code bench.endpoint} and SDK credentials as system properties, which the
 * benchmark configurations read.
 */
final class LocalSink implements AutoCloseable {
    /** An address where nothing listens: the endpoint is down. */
    static final String DOWN = "http://127.0.0.1:9";

    private final ChildJvm sink;

    private LocalSink(ChildJvm sink, String endpoint) {
        this.sink = sink;
        System.setProperty("bench.endpoint", endpoint);
        System.setProperty("aws.accessKeyId", "bench");
        System.setProperty("aws.secretAccessKey", "bench");
        // The SDK v1, under kdgregory's appender, reads the secret from this name.
        System.setProperty("aws.secretKey", "bench");
    }

    /** A running sink answering at once. */
    static LocalSink start() throws IOException {
        ChildJvm sink = ChildJvm.start(PutRecordsSink.class, List.of("-Xmx512m"), "0", "0", "0");
        return new LocalSink(sink, "http://127.0.0.1:" + sink.awaitLine("sink listening on"));
    }

    /** No sink: requests fail at once and the sender only waits and retries. */
    static LocalSink down() {
        return new LocalSink(null, DOWN);
    }

    @Override
    public void close() {
        if (sink != null) {
            sink.close();
        }
    }
}
