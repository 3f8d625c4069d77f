package io.github.kinlog.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kinesis.KinesisClient;

/**
 * The tool as a user runs it: a process that says how to reach its stream, prints what arrives one record per line,
 * and takes kinesis-mock down with it.
 */
class LocalKinesisIT {
    @TempDir
    Path directory;

    @Test
    void printsEveryRecordThatArrivesOnePerLine() throws Exception {
        int port = freePort();
        Path stderr = directory.resolve("stderr.txt");
        Process tool = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Dkinlog.local.dir="
                                + Path.of("target", "kinesis-mock").toAbsolutePath(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        LocalKinesis.class.getName(),
                        "--stream",
                        "orders",
                        "--port",
                        Integer.toString(port))
                .redirectError(stderr.toFile())
                .start();
        try (BufferedReader records =
                new BufferedReader(new InputStreamReader(tool.getInputStream(), StandardCharsets.UTF_8))) {
            awaitBanner(stderr, tool);
            assertThat(Files.readString(stderr))
                    .contains("Local Kinesis endpoint http://localhost:" + port + ", region us-east-1, stream orders")
                    .contains("streamName=orders  endpoint=http://localhost:" + port + "  region=us-east-1")
                    .contains("AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test");

            try (KinesisClient client = KinesisClient.builder()
                    .endpointOverride(URI.create("http://localhost:" + port))
                    .region(Region.US_EAST_1)
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                    .httpClient(UrlConnectionHttpClient.create())
                    .build()) {
                for (String data : List.of("{\"n\":1}", "{\"n\":2}\n", "{\"text\":\"emoji \uD83D\uDE00\"}")) {
                    client.putRecord(request ->
                            request.streamName("orders").partitionKey("k").data(SdkBytes.fromUtf8String(data)));
                }
            }
            assertThat(List.of(records.readLine(), records.readLine(), records.readLine()))
                    .containsExactly("{\"n\":1}", "{\"n\":2}", "{\"text\":\"emoji \uD83D\uDE00\"}");
        } finally {
            tool.destroy();
            assertThat(tool.waitFor(30, TimeUnit.SECONDS)).as("the tool stops").isTrue();
        }
        // Its kinesis-mock went with it.
        assertThat(portIsFree(port)).isTrue();
    }

    private static void awaitBanner(Path stderr, Process tool) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            String printed = Files.readString(stderr);
            if (printed.contains("Ctrl-C stops")) {
                return;
            }
            assertThat(tool.isAlive())
                    .as("the tool runs; it said:%n%s", printed)
                    .isTrue();
            Thread.sleep(100);
        }
        throw new AssertionError("no banner within 3 minutes:\n" + Files.readString(stderr));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static boolean portIsFree(int port) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            try (ServerSocket socket = new ServerSocket(port)) {
                return true;
            } catch (IOException stillTaken) {
                Thread.sleep(200);
            }
        }
        return false;
    }
}
