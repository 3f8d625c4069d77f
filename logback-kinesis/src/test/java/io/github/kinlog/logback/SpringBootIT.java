package io.github.kinlog.logback;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.kinlog.testsupport.KinesisEndpoint;
import io.github.kinlog.testsupport.KinesisExtension;
import io.github.kinlog.testsupport.TestStream;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

/** A Spring Boot 3 application configured through logback-spring.xml sends its own start-up lines. */
@ExtendWith(KinesisExtension.class)
class SpringBootIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void anApplicationsStartUpLinesArriveWithItsNameAsTheService(KinesisEndpoint kinesis, TestStream stream)
            throws Exception {
        String name = "boot-" + UUID.randomUUID().toString().substring(0, 8);
        System.setProperty("kinlog.it.stream", stream.name());
        System.setProperty("kinlog.it.region", kinesis.region().id());
        kinesis.endpointOverride().ifPresent(uri -> System.setProperty("kinlog.it.endpoint", uri.toString()));
        try (AutoCloseable credentials = kinesis.exportCredentials()) {
            SpringApplication application = new SpringApplication(Shop.class);
            application.setWebApplicationType(WebApplicationType.NONE);
            // Otherwise Spring Boot names the class whose main() is running, here the test runner's.
            application.setMainApplicationClass(Shop.class);
            try (ConfigurableApplicationContext context = application.run(
                    "--spring.application.name=" + name, "--logging.config=classpath:boot-logback-spring.xml")) {
                assertThat(context.isRunning()).isTrue();
            }

            List<JsonNode> ours = awaitStartedLine(stream, name);
            assertThat(ours)
                    .anySatisfy(json -> assertThat(json.get("message").asText())
                            .startsWith("Starting SpringBootIT.Shop using Java"))
                    .anySatisfy(json ->
                            assertThat(json.get("message").asText()).startsWith("Started SpringBootIT.Shop in"));
            assertThat(ours)
                    .allSatisfy(json -> assertThat(json.get("logger").asText()).startsWith("io.github.kinlog.logback"));
        } finally {
            // Spring Boot configured the JVM-wide Logback context; stop it so its appender sends and ends.
            ((LoggerContext) LoggerFactory.getILoggerFactory()).stop();
            System.clearProperty("kinlog.it.stream");
            System.clearProperty("kinlog.it.region");
            System.clearProperty("kinlog.it.endpoint");
        }
    }

    /** This application's events, read until its "Started" line is among them. */
    private static List<JsonNode> awaitStartedLine(TestStream stream, String name) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (true) {
            List<JsonNode> ours = stream.readAll().stream()
                    .map(record -> parse(record.data()))
                    .filter(json -> name.equals(json.path("service").asText()))
                    .toList();
            boolean started =
                    ours.stream().anyMatch(json -> json.path("message").asText().startsWith("Started "));
            if (started || System.nanoTime() > deadline) {
                return ours;
            }
            Thread.sleep(200);
        }
    }

    private static JsonNode parse(byte[] data) {
        try {
            return JSON.readTree(data);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The application. */
    @SpringBootConfiguration
    static class Shop {}
}
