package io.github.kinlog.local;

import io.github.kinlog.testsupport.KinesisEndpoint;
import io.github.kinlog.testsupport.KinesisMockServer;
import io.github.kinlog.testsupport.KinesisSetupException;
import io.github.kinlog.testsupport.StreamRecord;
import io.github.kinlog.testsupport.TestStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A Kinesis endpoint on this machine for trying Kinlog without an AWS account: starts kinesis-mock, creates a stream,
 * says how to point an application at it, and prints every record that arrives on standard output, one per line, as
 * the {@code check} command reads them. Runs until interrupted (Ctrl-C), which stops kinesis-mock too.
 */
public final class LocalKinesis {
    static final String USAGE = """
            Usage: ./local-kinesis.sh [--stream NAME] [--shards N] [--port N]

            Starts a local Kinesis endpoint (kinesis-mock) with one stream and prints every record that arrives on
            standard output, one per line; everything else goes to standard error. Ctrl-C stops it.
              --stream NAME   the stream to create (default app-logs)
              --shards N      its shards (default 1)
              --port N        the endpoint's port (default 4567)
              --help          print this text
            """;

    /** What the command line asked for. */
    record Options(String stream, int shards, int port) {
        static Options parse(String[] args) {
            CommandLine line = CommandLine.parse(args, Set.of("--stream", "--shards", "--port"));
            return new Options(
                    line.text("--stream", "app-logs"), line.positive("--shards", 1), line.positive("--port", 4567));
        }
    }

    private LocalKinesis() {}

    public static void main(String[] args) throws InterruptedException {
        Options options = CommandLine.optionsOrExit("local-kinesis", USAGE, args, Options::parse);
        Path directory = Path.of(System.getProperty("kinlog.local.dir", "target/kinesis-mock"));
        PrintStream err = System.err;
        err.println("Starting kinesis-mock on port " + options.port() + " (the first run installs it with npm)...");
        KinesisEndpoint endpoint;
        TestStream stream;
        try {
            endpoint = KinesisEndpoint.of(KinesisMockServer.start(directory, options.port()));
            stream = endpoint.createStream(options.stream(), options.shards());
        } catch (KinesisSetupException e) {
            err.println("local-kinesis: " + e.getMessage());
            System.exit(1);
            return;
        }
        err.print(banner(endpoint, stream));
        follow(stream.follow(), System.out);
    }

    /** What to tell the application; the values match the appender options and the AWS SDK's variables. */
    static String banner(KinesisEndpoint endpoint, TestStream stream) {
        String uri = endpoint.endpointOverride().orElseThrow().toString().replace("127.0.0.1", "localhost");
        return """
                Local Kinesis endpoint %s, region %s, stream %s (%d shard%s). Point an application at it with
                  the appender options  streamName=%s  endpoint=%s  region=%s
                  and any credentials, which the AWS SDK requires even here:
                  AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test
                Every record that arrives is printed on standard output, one per line. Ctrl-C stops.
                """.formatted(
                        uri,
                        endpoint.region().id(),
                        stream.name(),
                        stream.shardCount(),
                        stream.shardCount() == 1 ? "" : "s",
                        stream.name(),
                        uri,
                        endpoint.region().id());
    }

    /** Prints records as they arrive until the output is closed or the thread interrupted. */
    static void follow(Supplier<List<StreamRecord>> records, PrintStream out) throws InterruptedException {
        while (!out.checkError()) {
            for (StreamRecord record : records.get()) {
                byte[] data = record.data();
                // The bytes as they are, so the check sees invalid UTF-8 too; one line per record.
                out.write(data, 0, data.length);
                if (data.length == 0 || data[data.length - 1] != '\n') {
                    out.write('\n');
                }
            }
            out.flush();
            Thread.sleep(200);
        }
    }
}
