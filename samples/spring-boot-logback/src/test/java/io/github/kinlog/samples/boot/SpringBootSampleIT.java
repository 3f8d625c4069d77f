package io.github.kinlog.samples.boot;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.kinlog.redshift.IngestibilityCheck;
import io.github.kinlog.testsupport.KinesisEndpoint;
import io.github.kinlog.testsupport.KinesisExtension;
import io.github.kinlog.testsupport.StreamRecord;
import io.github.kinlog.testsupport.TestStream;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The sample as a user runs it on Spring Boot 4: Spring Boot's own start-up line arrives, and the load generator's
 * every request arrives as one event named after the app.
 */
@ExtendWith(KinesisExtension.class)
class SpringBootSampleIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyRequestArrivesOnceWithTheApplicationNameAsService(KinesisEndpoint kinesis, TestStream stream)
            throws Exception {
        System.setProperty("KINLOG_STREAM", stream.name());
        System.setProperty("AWS_REGION", kinesis.region().id());
        kinesis.endpointOverride().ifPresent(uri -> System.setProperty("KINLOG_ENDPOINT", uri.toString()));
        long requests;
        try (AutoCloseable credentials = kinesis.exportCredentials()) {
            SpringApplication application = new SpringApplication(ShopApplication.class);
            application.setMainApplicationClass(ShopApplication.class);
            try (ConfigurableApplicationContext context = application.run("--server.port=0")) {
                int port =
                        ((WebServerApplicationContext) context).getWebServer().getPort();
                LoadGenerator load = new LoadGenerator(URI.create("http://localhost:" + port));
                requests = load.run(20, Duration.ofSeconds(3));
                assertThat(requests).isGreaterThan(30);
                assertThat(load.failures()).as("requests the shop failed").isZero();
            }
            // Stop Logback while the credentials are still set: stopping sends what the appender holds.
            ((LoggerContext) LoggerFactory.getILoggerFactory()).stop();
        } finally {
            // Spring Boot closed the web server; stopping Logback sends what its appender holds.
            ((LoggerContext) LoggerFactory.getILoggerFactory()).stop();
            System.clearProperty("KINLOG_STREAM");
            System.clearProperty("AWS_REGION");
            System.clearProperty("KINLOG_ENDPOINT");
        }

        List<JsonNode> api = new ArrayList<>();
        List<JsonNode> started = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while ((api.size() < requests || started.isEmpty()) && System.nanoTime() < deadline) {
            api.clear();
            started.clear();
            for (StreamRecord record : stream.readAll()) {
                assertThat(IngestibilityCheck.defaults().check(record.data()).ingestible())
                        .isTrue();
                JsonNode json = JSON.readTree(record.data());
                assertThat(json.get("service").asText()).isEqualTo("spring-webshop");
                if (json.get("logger").asText().equals(ShopController.LOGGER)) {
                    api.add(json);
                }
                if (json.get("logger").asText().equals(ShopApplication.class.getName())
                        && json.get("message").asText().startsWith("Started ShopApplication in ")) {
                    started.add(json);
                }
            }
            Thread.sleep(500);
        }

        assertThat(started).as("Spring Boot's own start-up line").hasSize(1);
        assertThat(api).hasSize((int) requests);
        assertThat(api.stream().map(j -> j.get("event_id").asText()).distinct()).hasSize((int) requests);
        assertThat(api).allSatisfy(json -> {
            assertThat(json.get("mdc").get("user_id").asText()).startsWith("u");
            assertThat(json.get("mdc").get("request_id").asText()).hasSize(36);
        });
        assertThat(api)
                .filteredOn(json -> json.get("level").asText().equals("ERROR"))
                .allSatisfy(json -> {
                    assertThat(json.get("error").get("type").asText()).isEqualTo("java.lang.IllegalStateException");
                    assertThat(json.get("fields").get("amount").isNumber()).isTrue();
                });
    }
}
