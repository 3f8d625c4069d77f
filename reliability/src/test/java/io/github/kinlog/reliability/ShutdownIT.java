package io.github.kinlog.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.kinlog.reliability.FaultProxy.Fault;
import io.github.kinlog.testsupport.KinesisEndpoint;
import io.github.kinlog.testsupport.KinesisExtension;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A program ends while Kinesis cannot be reached: its JVM must exit within the shutdown timeout, whatever the
 * endpoint does, and say how many events it could not send. Each case runs a real JVM that logs and returns from
 * main, relying on the framework's usual exit path (Log4j2's shutdown hook; for Logback, Kinlog's flushOnExit).
 */
@ExtendWith(KinesisExtension.class)
class ShutdownIT {
    private static final int EVENTS = 1000;
    private static final long SHUTDOWN_TIMEOUT_MS = 3000;
    /** JVM teardown after the flush: other hooks, class unloading, a loaded machine. */
    private static final long EXIT_SLACK_MS = 4000;

    @TempDir
    Path directory;

    @ParameterizedTest(name = "{0}, endpoint {1}")
    @CsvSource({
        "LOG4J2, refusing connections",
        "LOG4J2, never answering",
        "LOGBACK, refusing connections",
        "LOGBACK, never answering"
    })
    void theJvmExitsWithinTheShutdownTimeoutAndReportsWhatWasUnsent(
            Framework framework, String endpointBehaviour, KinesisEndpoint kinesis) throws Exception {
        assumeTrue(kinesis.managesStreams(), "needs a local endpoint to break");
        String stream = "shutdown-" + framework.name().toLowerCase(Locale.ROOT);
        boolean hang = endpointBehaviour.equals("never answering");
        try (FaultProxy proxy = new FaultProxy(kinesis.endpointOverride().orElseThrow())) {
            URI endpoint = hang ? proxy.endpoint() : URI.create("http://127.0.0.1:" + unusedPort());
            proxy.fault(Fault.HANG);
            Map<String, String> options = Options.quick(
                    "streamName",
                    stream,
                    "region",
                    "us-east-1",
                    "endpoint",
                    endpoint.toString(),
                    "shutdownTimeoutMs",
                    Long.toString(SHUTDOWN_TIMEOUT_MS),
                    "requestTimeoutMs",
                    "10000",
                    "flushOnExit",
                    "true",
                    Options.CONSOLE_STATUS,
                    "true");
            Result result = run(framework, options, kinesis);

            long exitMillis = result.exitedAt() - result.mainReturnedAt();
            Report.note(
                    "shutdown while the endpoint is " + endpointBehaviour,
                    String.format(
                            Locale.ROOT,
                            "%s: JVM exited %d ms after main returned (shutdownTimeoutMs=%d); reported %s unsent",
                            framework.display(),
                            exitMillis,
                            SHUTDOWN_TIMEOUT_MS,
                            result.reportedUnsent()));
            assertThat(result.exitCode())
                    .as("exit code; output:%n%s", result.output())
                    .isZero();
            assertThat(exitMillis)
                    .as("ms from main's return to the JVM's exit; output:%n%s", result.output())
                    .isLessThan(SHUTDOWN_TIMEOUT_MS + EXIT_SLACK_MS);
            // Once, though the exit hook and the framework's stop both end with the same events.
            assertThat(result.reportedUnsent())
                    .as("the unsent counts in the status output:%n%s", result.output())
                    .containsExactly((long) EVENTS);
        }
    }

    /**
     * The README's Logback configuration in a plain program with no status listener, pointed at a stream that does not
     * exist: standard error says why at once, and how many events were lost at exit; the JVM does not wait out the
     * shutdown timeout for a setup that cannot work.
     */
    @Test
    void aPlainLogbackProgramSaysOnStandardErrorWhyItsEventsAreLost(KinesisEndpoint kinesis) throws Exception {
        assumeTrue(kinesis.managesStreams(), "needs a local endpoint without that stream");
        Map<String, String> readmeConfiguration = new LinkedHashMap<>();
        readmeConfiguration.put("streamName", "no-such-stream");
        readmeConfiguration.put("region", "us-east-1");
        readmeConfiguration.put(
                "endpoint", kinesis.endpointOverride().orElseThrow().toString());
        // Long, so that waiting it out cannot pass for ending early, even on a loaded machine.
        readmeConfiguration.put("shutdownTimeoutMs", "20000");

        Result result = run(Framework.LOGBACK, readmeConfiguration, kinesis);

        List<String> kinlogLines = result.stderr()
                .lines()
                .filter(line -> line.contains(" kinlog "))
                .toList();
        assertThat(kinlogLines).as("standard error:%n%s", result.stderr()).hasSize(2);
        assertThat(kinlogLines.get(0))
                .contains("kinlog ERROR [KINESIS] Kinlog cannot write to Kinesis stream no-such-stream at "
                        + readmeConfiguration.get("endpoint") + ": ResourceNotFoundException");
        assertThat(kinlogLines.get(1))
                .contains("kinlog ERROR [KINESIS] Kinlog could not send " + EVENTS
                        + " events for stream no-such-stream at " + readmeConfiguration.get("endpoint")
                        + " before the JVM exited");
        assertThat(result.stderr()).doesNotContain("\tat ");
        long exitMillis = result.exitedAt() - result.mainReturnedAt();
        Report.note(
                "a stream that does not exist, plain Logback program",
                String.format(
                        Locale.ROOT, "JVM exited %d ms after main returned (shutdownTimeoutMs=20000)", exitMillis));
        assertThat(exitMillis)
                .as("ms from main's return to the JVM's exit, with shutdownTimeoutMs=20000")
                .isLessThan(10_000);
    }

    private record Result(int exitCode, long mainReturnedAt, long exitedAt, String output, String stderr) {
        /** Every "N events for stream" count the status output gave. */
        List<Long> reportedUnsent() {
            Matcher matcher = Pattern.compile("(\\d+) events for stream").matcher(output);
            List<Long> counts = new ArrayList<>();
            while (matcher.find()) {
                counts.add(Long.parseLong(matcher.group(1)));
            }
            return counts;
        }
    }

    private Result run(Framework framework, Map<String, String> options, KinesisEndpoint kinesis) throws Exception {
        Path config;
        String property;
        if (framework == Framework.LOG4J2) {
            config = directory.resolve("log4j2.xml");
            Files.writeString(config, Log4j2App.xml(options));
            property = "-Dlog4j2.configurationFile=" + config.toUri();
        } else {
            config = directory.resolve("logback.xml");
            Files.writeString(config, LogbackApp.xml(options));
            property = "-Dlogback.configurationFile=" + config.toUri();
        }
        var credentials = kinesis.credentials().resolveCredentials();
        List<String> command = List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                property,
                "-Daws.accessKeyId=" + credentials.accessKeyId(),
                "-Daws.secretAccessKey=" + credentials.secretAccessKey(),
                "-cp",
                System.getProperty("java.class.path"),
                LoggingProgram.class.getName(),
                framework.name(),
                Integer.toString(EVENTS));
        Path stderr = directory.resolve("stderr.txt");
        Process program =
                new ProcessBuilder(command).redirectError(stderr.toFile()).start();
        StringBuilder output = new StringBuilder();
        long mainReturnedAt = 0;
        try (BufferedReader lines =
                new BufferedReader(new InputStreamReader(program.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                output.append(line).append('\n');
                if (line.startsWith(LoggingProgram.RETURNING)) {
                    mainReturnedAt = Long.parseLong(line.substring(LoggingProgram.RETURNING.length()));
                }
            }
        }
        assertThat(program.waitFor(2, TimeUnit.MINUTES)).as("the program ends").isTrue();
        long exitedAt = System.currentTimeMillis();
        String errors = Files.readString(stderr, StandardCharsets.UTF_8);
        assertThat(mainReturnedAt)
                .as("main returned; output:%n%s%s", output, errors)
                .isPositive();
        return new Result(program.exitValue(), mainReturnedAt, exitedAt, output + errors, errors);
    }

    private static int unusedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A program as people write them: log, and return from main. Nothing stops the logging framework. */
    public static final class LoggingProgram {
        static final String RETURNING = "main returns at ";

        public static void main(String[] args) {
            int events = Integer.parseInt(args[1]);
            if (args[0].equals("LOG4J2")) {
                org.apache.logging.log4j.Logger logger = org.apache.logging.log4j.LogManager.getLogger("program");
                for (int i = 0; i < events; i++) {
                    logger.info("event {}", i);
                }
            } else {
                org.slf4j.Logger logger = org.slf4j.LoggerFactory.getLogger("program");
                for (int i = 0; i < events; i++) {
                    logger.info("event {}", i);
                }
            }
            System.out.println(RETURNING + System.currentTimeMillis());
        }
    }
}
