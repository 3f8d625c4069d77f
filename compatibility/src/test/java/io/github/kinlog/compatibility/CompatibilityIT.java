package io.github.kinlog.compatibility;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.kinlog.redshift.IngestibilityCheck;
import io.github.kinlog.testsupport.KinesisEndpoint;
import io.github.kinlog.testsupport.KinesisExtension;
import io.github.kinlog.testsupport.StreamRecord;
import io.github.kinlog.testsupport.TestStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each supported framework version runs the same contract in a JVM whose class path holds Kinlog, its runtime
 * dependencies and that version alone, on the build's JDK and on the newest installed beside it: events with MDC, markers, structured fields where the version has them and an
 * exception with a cause, then the framework stops. Every event must be in the stream, ingestible by Redshift, with
 * everything the version could give.
 */
@ExtendWith(KinesisExtension.class)
class CompatibilityIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path scratch;

    /** Each version on each JDK of {@link Jdks#toTest()}. */
    static Stream<Arguments> versions() {
        List<Path> jdks = Jdks.toTest();
        return Arrays.stream(System.getProperty("kinlog.compat.versions").split(","))
                .map(String::trim)
                .flatMap(version -> jdks.stream().map(jdk -> Arguments.of(version, jdk)));
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("versions")
    void theContractHolds(String version, Path jdk, KinesisEndpoint kinesis) throws Exception {
        boolean logback = version.startsWith("logback-");
        TestStream stream = kinesis.createStream(kinesis.uniqueStreamName("compat"), 1);

        String output = ContractRun.in(scratch)
                .java(jdk)
                .version(version)
                .run(logback ? LogbackContract.class : Log4j2Contract.class, stream, kinesis);

        assertThat(output)
                .as("the program's output")
                .contains(Contract.STOPPED + " on Java " + Jdks.feature(jdk))
                .doesNotContain("ERROR");
        List<StreamRecord> records = stream.awaitRecords(Contract.EVENTS, Duration.ofMinutes(1));
        assertThat(records).as("one record per event, all flushed at stop").hasSize(Contract.EVENTS);
        List<JsonNode> events = new ArrayList<>();
        for (StreamRecord record : records) {
            assertThat(IngestibilityCheck.defaults()
                            .check(record.data(), record.partitionKey())
                            .problems())
                    .isEmpty();
            events.add(JSON.readTree(record.data()));
        }
        events.sort(Comparator.comparingLong(event -> event.get("seq").asLong()));

        JsonNode placed = events.get(0);
        assertThat(placed.get("logger").asText()).isEqualTo(Contract.LOGGER);
        assertThat(placed.get("message").asText()).isEqualTo(Contract.PLACED);
        assertThat(placed.at("/mdc/" + Contract.MDC_KEY).asText()).isEqualTo(Contract.MDC_VALUE);
        assertThat(placed.get("markers").toString()).contains(Contract.MARKER, Contract.MARKER_REFERENCE);

        JsonNode paid = events.get(1);
        assertThat(paid.get("message").asText()).isEqualTo(Contract.PAID);
        assertThat(paid.has("mdc")).as("the MDC was cleared").isFalse();
        if (hasFields(version)) {
            assertThat(paid.at("/fields/" + Contract.FIELD).asText()).isEqualTo("12");
        } else {
            assertThat(paid.has("fields"))
                    .as("SLF4J 1.7 has no key-value pairs")
                    .isFalse();
        }

        JsonNode failed = events.get(2);
        assertThat(failed.get("level").asText()).isEqualTo("ERROR");
        assertThat(failed.at("/error/type").asText()).isEqualTo(RuntimeException.class.getName());
        assertThat(failed.at("/error/message").asText()).isEqualTo(Contract.FAILED);
        assertThat(failed.at("/error/stack").asText())
                .contains("Caused by: " + IllegalStateException.class.getName() + ": " + Contract.CAUSE);
    }

    /** Log4j2 has map messages in every supported version; Logback has key-value pairs from 1.3 (SLF4J 2). */
    private static boolean hasFields(String version) {
        return !version.startsWith("logback-1.2.");
    }
}
