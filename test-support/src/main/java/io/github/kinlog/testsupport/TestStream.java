package io.github.kinlog.testsupport;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.opentest4j.AssertionFailedError;

/** A Kinesis stream handed to a test, with ways to read back what was written to it. */
public final class TestStream {
    private static final Duration POLL_INTERVAL = Duration.ofMillis(100);

    private final KinesisEndpoint endpoint;
    private final String name;
    private final int shardCount;
    private final Instant readFrom;

    TestStream(KinesisEndpoint endpoint, String name, int shardCount, Instant readFrom) {
        this.endpoint = endpoint;
        this.name = name;
        this.shardCount = shardCount;
        this.readFrom = readFrom;
    }

    public String name() {
        return name;
    }

    /** The number of open shards when the stream was handed out. */
    public int shardCount() {
        return shardCount;
    }

    public KinesisEndpoint endpoint() {
        return endpoint;
    }

    /**
     * Every record in every shard now, read with GetRecords from the start of each shard. On the AWS backend the read
     * starts shortly before the stream was handed to the test, and may include records other writers put there.
     */
    public List<StreamRecord> readAll() {
        return reader().drain();
    }

    /**
     * Reads until at least {@code count} records have arrived, and returns all of them.
     *
     * @throws AssertionFailedError if fewer arrived within {@code timeout}
     */
    public List<StreamRecord> awaitRecords(int count, Duration timeout) {
        StreamReader reader = reader();
        List<StreamRecord> records = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            records.addAll(reader.drain());
            if (records.size() >= count) {
                return records;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionFailedError("Expected at least " + count + " records in stream '" + name
                        + "' within " + timeout + ", but " + records.size() + " arrived.");
            }
            Sleeper.sleep(POLL_INTERVAL);
        }
    }

    /**
     * Follows the stream: each call of the returned supplier reads every shard to its current end and returns the
     * records that arrived since the previous call (the first call returns everything).
     */
    public Supplier<List<StreamRecord>> follow() {
        return reader()::drain;
    }

    private StreamReader reader() {
        return new StreamReader(endpoint.client(), name, readFrom);
    }

    @Override
    public String toString() {
        return name + " (" + shardCount + " shards) at " + endpoint;
    }
}
