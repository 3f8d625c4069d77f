package io.github.kinlog.releasecheck;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.kinlog.testsupport.KinesisEndpoint;
import io.github.kinlog.testsupport.KinesisExtension;
import io.github.kinlog.testsupport.StreamRecord;
import io.github.kinlog.testsupport.TestStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * samples/bom-consumer, a project outside this build, built by Maven against this build's artifacts (installed into
 * it-repo) and nothing else: its test logs an order through kinlog-logback into a stream of the local endpoint, and the
 * event is read back here.
 */
@ExtendWith(KinesisExtension.class)
class BomConsumerIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration BUILD_TIMEOUT = Duration.ofMinutes(3);

    @Test
    void aProjectImportingTheBomSendsAnEvent(KinesisEndpoint kinesis, TestStream stream) throws Exception {
        Path target = Path.of(property("kinlog.releaseCheck.target"));
        Path project = copy(Path.of(property("kinlog.releaseCheck.consumer")), target.resolve("bom-consumer"));
        String orderId = "o-" + UUID.randomUUID();

        List<String> command = new ArrayList<>(List.of(
                maven(),
                "--batch-mode",
                "--no-snapshot-updates",
                "--settings",
                settings(target).toString(),
                "-Dmaven.repo.local=" + property("kinlog.releaseCheck.repository"),
                "--file",
                project.resolve("pom.xml").toString(),
                "verify",
                "-DKINLOG_STREAM=" + stream.name(),
                "-DAWS_REGION=" + kinesis.region().id(),
                "-Dorder.id=" + orderId));
        kinesis.endpointOverride().ifPresent(uri -> command.add("-DKINLOG_ENDPOINT=" + uri));
        if (kinesis.managesStreams()) {
            // A local endpoint takes any key; against AWS the SDK's default chain applies, as for any application.
            var credentials = kinesis.credentials().resolveCredentials();
            command.add("-Daws.accessKeyId=" + credentials.accessKeyId());
            command.add("-Daws.secretAccessKey=" + credentials.secretAccessKey());
        }
        // The consumer builds with exactly the versions this build resolved, so the local repository has them.
        for (String version : List.of(
                "kinlog.version",
                "logback.version",
                "junit.version",
                "resources-plugin.version",
                "compiler-plugin.version",
                "surefire.version",
                "jar-plugin.version")) {
            command.add("-D" + version + "=" + property("kinlog.releaseCheck." + version));
        }

        Path log = target.resolve("bom-consumer.log");
        Process build = new ProcessBuilder(command)
                .directory(project.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        if (!build.waitFor(BUILD_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            build.destroyForcibly();
            throw new AssertionError("The consumer's build took over " + BUILD_TIMEOUT + "; its output:\n" + read(log));
        }
        String output = read(log);
        assertThat(build.exitValue())
                .as("exit status of %s; its output:%n%s", String.join(" ", command), output)
                .isZero();
        assertThat(output).contains("Tests run: 1, Failures: 0, Errors: 0, Skipped: 0");

        JsonNode event = null;
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (event == null && System.nanoTime() < deadline) {
            for (StreamRecord record : stream.readAll()) {
                JsonNode json = JSON.readTree(record.data());
                if (orderId.equals(json.path("mdc").path("order_id").asText())) {
                    event = json;
                }
            }
            Thread.sleep(200);
        }
        assertThat(event).as("the consumer's event in %s", stream.name()).isNotNull();
        assertThat(event.get("message").asText()).isEqualTo("order placed");
        assertThat(event.get("service").asText()).isEqualTo("bom-consumer");
        assertThat(event.get("logger").asText()).isEqualTo("com.example.shop.Checkout");
        assertThat(event.get("fields").get("amount_cents").asLong()).isEqualTo(1299);
        assertThat(event.get("schema_version").asInt()).isEqualTo(1);
    }

    /**
     * Resolves everything but this build's artifacts from the user's local repository, read as a remote one: no
     * network, and nothing written to it.
     */
    private static Path settings(Path target) throws IOException {
        Path settings = target.resolve("bom-consumer-settings.xml");
        String localRepository =
                Path.of(property("kinlog.releaseCheck.localRepository")).toUri().toString();
        Files.writeString(settings, """
                <settings>
                  <mirrors>
                    <mirror>
                      <id>local-repository</id>
                      <mirrorOf>*</mirrorOf>
                      <url>%s</url>
                    </mirror>
                  </mirrors>
                </settings>
                """.formatted(localRepository));
        return settings;
    }

    private static String maven() {
        String home = property("kinlog.releaseCheck.mavenHome");
        boolean windows = System.getProperty("os.name").toLowerCase().startsWith("windows");
        return Path.of(home, "bin", windows ? "mvn.cmd" : "mvn").toString();
    }

    private static Path copy(Path from, Path to) throws IOException {
        if (Files.exists(to)) {
            try (Stream<Path> old = Files.walk(to)) {
                old.sorted((a, b) -> b.compareTo(a))
                        .forEach(path -> path.toFile().delete());
            }
        }
        try (Stream<Path> files = Files.walk(from)) {
            files.filter(path -> !from.relativize(path).startsWith("target")).forEach(path -> {
                try {
                    Files.copy(path, to.resolve(from.relativize(path).toString()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        return to;
    }

    private static String read(Path log) throws IOException {
        return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
    }

    static String property(String name) {
        String value = System.getProperty(name);
        if (value == null) {
            throw new IllegalStateException(name + " is not set; run this test through Maven (mvn verify)");
        }
        return value;
    }
}
