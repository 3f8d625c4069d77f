package io.github.kinlog.samples.boot2;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import io.github.kinlog.redshift.IngestibilityCheck;
import io.github.kinlog.testsupport.KinesisEndpoint;
import io.github.kinlog.testsupport.KinesisExtension;
import io.github.kinlog.testsupport.StreamRecord;
import io.github.kinlog.testsupport.TestStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Properties;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringBootVersion;

/** Spring Boot 2.7 with its Logback 1.2 and SLF4J 1.7: the application's own start-up lines arrive in the stream. */
@ExtendWith(KinesisExtension.class)
class SpringBoot2SampleIT {
    @Test
    void theApplicationsStartUpLinesArriveInTheStream(KinesisEndpoint kinesis, TestStream stream) throws Exception {
        assertThat(SpringBootVersion.getVersion()).startsWith("2.7.");
        Properties logback = new Properties();
        try (InputStream in = LoggerContext.class.getResourceAsStream(
                "/META-INF/maven/ch.qos.logback/logback-classic/pom.properties")) {
            logback.load(in);
        }
        assertThat(logback.getProperty("version"))
                .as("Spring Boot 2.7's Logback")
                .startsWith("1.2.");
        System.setProperty("KINLOG_STREAM", stream.name());
        System.setProperty("AWS_REGION", kinesis.region().id());
        kinesis.endpointOverride().ifPresent(uri -> System.setProperty("KINLOG_ENDPOINT", uri.toString()));
        try (AutoCloseable credentials = kinesis.exportCredentials()) {
            InventoryApplication.main(new String[0]);
            // What a JVM exit does through Kinlog's shutdown hook: stopping Logback sends what the appender holds.
            ((LoggerContext) LoggerFactory.getILoggerFactory()).stop();
        } finally {
            System.clearProperty("KINLOG_STREAM");
            System.clearProperty("AWS_REGION");
            System.clearProperty("KINLOG_ENDPOINT");
        }

        Pattern started = Pattern.compile("\"logger\":\"" + Pattern.quote(InventoryApplication.class.getName())
                + "\",[^\\n]*\"message\":\"Started InventoryApplication in ");
        Pattern counted = Pattern.compile("\"message\":\"" + InventoryApplication.COUNTED
                + "\",\"service\":\"inventory\"[^\\n]*\"mdc\":\\{\"warehouse\":\"north\"\\}");
        String all = "";
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!(started.matcher(all).find() && counted.matcher(all).find()) && System.nanoTime() < deadline) {
            StringBuilder read = new StringBuilder();
            for (StreamRecord record : stream.readAll()) {
                assertThat(IngestibilityCheck.defaults()
                                .check(record.data(), record.partitionKey())
                                .problems())
                        .isEmpty();
                read.append(new String(record.data(), StandardCharsets.UTF_8)).append('\n');
            }
            all = read.toString();
            Thread.sleep(200);
        }
        assertThat(all)
                .as("Spring Boot's own start-up line, from the application's logger")
                .containsPattern(started);
        assertThat(all).as("the application's line, with its MDC").containsPattern(counted);
    }
}
