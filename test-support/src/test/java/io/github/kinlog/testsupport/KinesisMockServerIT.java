package io.github.kinlog.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class KinesisMockServerIT {
    private static final String PID_LINE = "kinesis-mock pid=";

    @Test
    void theServerExitsWhenTheJvmThatStartedItIsKilled() throws Exception {
        Path javaExecutable = Path.of(System.getProperty("java.home"), "bin", "java");
        Process jvm = new ProcessBuilder(List.of(
                        javaExecutable.toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        HoldsAServer.class.getName(),
                        new KinesisTestSettings(key -> Optional.empty())
                                .mockDirectory()
                                .toString()))
                .redirectErrorStream(true)
                .start();
        try {
            BufferedReader output =
                    new BufferedReader(new InputStreamReader(jvm.getInputStream(), StandardCharsets.UTF_8));
            long pid = CompletableFuture.supplyAsync(() -> readPid(output)).get(3, TimeUnit.MINUTES);
            ProcessHandle server = ProcessHandle.of(pid).orElseThrow();
            assertThat(server.isAlive()).isTrue();

            jvm.destroyForcibly(); // SIGKILL: no shutdown hook runs
            assertThat(jvm.waitFor(30, TimeUnit.SECONDS)).isTrue();

            assertThat(server.onExit().get(30, TimeUnit.SECONDS).isAlive()).isFalse();
        } finally {
            jvm.destroyForcibly();
        }
    }

    private static long readPid(BufferedReader output) {
        try {
            StringBuilder seen = new StringBuilder();
            for (String line; (line = output.readLine()) != null; ) {
                if (line.startsWith(PID_LINE)) {
                    return Long.parseLong(line.substring(PID_LINE.length()));
                }
                seen.append(line).append('\n');
            }
            throw new AssertionError("The child JVM ended without starting kinesis-mock:\n" + seen);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Run in a child JVM: starts kinesis-mock, prints its pid, and waits to be killed. */
    static final class HoldsAServer {
        public static void main(String[] args) throws InterruptedException {
            KinesisMockServer server = KinesisMockServer.start(Path.of(args[0]), 0);
            System.out.println(PID_LINE + server.process().pid());
            System.out.flush();
            Thread.sleep(Duration.ofMinutes(10).toMillis());
        }
    }
}
