package io.github.kinlog.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.testcontainers.DockerClientFactory;

/** Runs small test classes through the extension with JUnit's test kit, to see how it behaves around them. */
class KinesisExtensionIT {
    static final AtomicReference<ProcessHandle> SERVER = new AtomicReference<>();

    @Test
    void theServerIsStoppedAfterTheRunEvenWhenATestFails() {
        EngineExecutionResults results = run(FailsWhileUsingTheEndpoint.class, Map.of());

        results.testEvents().assertStatistics(stats -> stats.failed(1));
        assertThat(failureMessages(results)).containsExactly("deliberate failure");
        ProcessHandle server = SERVER.get();
        assertThat(server).as("the fixture saw a kinesis-mock process").isNotNull();
        assertThat(server.isAlive())
                .as("kinesis-mock still running after the run")
                .isFalse();
    }

    @Test
    void streamsGivenToATestAreDeletedAfterIt() {
        EngineExecutionResults results = run(StreamLifecycle.class, Map.of());

        results.testEvents().assertStatistics(stats -> stats.succeeded(2).failed(0));
    }

    @Test
    void aPortInUseIsAClearError() throws IOException {
        try (ServerSocket taken = new ServerSocket(0)) {
            int port = taken.getLocalPort();
            EngineExecutionResults results =
                    run(UsesTheEndpoint.class, Map.of(KinesisTestSettings.MOCK_PORT, Integer.toString(port)));

            assertThat(failureMessages(results))
                    .singleElement()
                    .asString()
                    .startsWith("Port " + port + " is already in use")
                    .contains("leave kinlog.kinesis.mock.port unset to use any free port");
        }
    }

    @Test
    void aMissingNodeIsAClearErrorSaidOnceForEveryTest() {
        EngineExecutionResults results =
                run(UsesTheEndpointTwice.class, Map.of(KinesisTestSettings.MOCK_NODE, "/nonexistent/bin/node"));

        List<String> messages = failureMessages(results);
        assertThat(messages)
                .hasSize(2)
                .allSatisfy(message -> assertThat(message)
                        .contains("names '/nonexistent/bin/node', which is not an executable file")
                        .contains("Install Node.js 18 or newer, with npm"));
        results.testEvents().failed().stream()
                .map(KinesisExtensionIT::failure)
                .forEach(failure -> assertThat(failure.getStackTrace()).isEmpty());
    }

    @Test
    void anUnknownBackendIsAClearError() {
        EngineExecutionResults results = run(UsesTheEndpoint.class, Map.of(KinesisTestSettings.BACKEND, "kinesis"));

        assertThat(failureMessages(results))
                .containsExactly(
                        "kinlog.kinesis.backend must be one of kinesis-mock, localstack, aws, but is 'kinesis'.");
    }

    @Test
    void theAwsBackendNeedsARegion() {
        EngineExecutionResults results = run(UsesTheEndpoint.class, Map.of(KinesisTestSettings.AWS_STREAM, "app-logs"));

        assertThat(failureMessages(results))
                .singleElement()
                .asString()
                .contains("needs the region of stream 'app-logs': set kinlog.kinesis.aws.region");
    }

    @Test
    void theLocalStackBackendWithoutDockerIsAClearError() {
        assumeFalse(DockerClientFactory.instance().isDockerAvailable(), "Docker is running here");
        EngineExecutionResults results = run(UsesTheEndpoint.class, Map.of(KinesisTestSettings.BACKEND, "localstack"));

        assertThat(failureMessages(results))
                .singleElement()
                .asString()
                .startsWith("The localstack backend (kinlog.kinesis.backend=localstack) needs a running Docker engine");
    }

    @Test
    void aStreamThatDoesNotExistCannotBeUsed() {
        assertThatThrownBy(() -> {
                    EngineExecutionResults results = run(UsesAMissingStream.class, Map.of());
                    throw failure(
                            results.testEvents().failed().stream().findFirst().orElseThrow());
                })
                .isInstanceOf(KinesisSetupException.class)
                .hasMessageStartingWith("Stream 'never-created' does not exist at kinesis-mock");
    }

    private static EngineExecutionResults run(Class<?> fixture, Map<String, String> configuration) {
        return EngineTestKit.engine("junit-jupiter")
                .configurationParameters(configuration)
                .selectors(selectClass(fixture))
                .execute();
    }

    private static List<String> failureMessages(EngineExecutionResults results) {
        return results.testEvents().failed().stream()
                .map(event -> failure(event).getMessage())
                .toList();
    }

    private static Throwable failure(Event event) {
        return event.getPayload(TestExecutionResult.class)
                .flatMap(TestExecutionResult::getThrowable)
                .orElseThrow();
    }

    // Fixtures: nested classes are not picked up by Failsafe; only the test kit above runs them.

    @ExtendWith(KinesisExtension.class)
    static class UsesTheEndpoint {
        @Test
        void test(KinesisEndpoint kinesis) {
            assertThat(kinesis.client().listStreams().hasStreamNames()).isTrue();
        }
    }

    @ExtendWith(KinesisExtension.class)
    static class UsesTheEndpointTwice {
        @Test
        void first(KinesisEndpoint kinesis) {}

        @Test
        void second(KinesisEndpoint kinesis) {}
    }

    @ExtendWith(KinesisExtension.class)
    static class FailsWhileUsingTheEndpoint {
        @Test
        void test(KinesisEndpoint kinesis, TestStream stream) {
            SERVER.set(kinesis.serverProcess().orElseThrow());
            throw new AssertionError("deliberate failure");
        }
    }

    @ExtendWith(KinesisExtension.class)
    static class UsesAMissingStream {
        @Test
        void test(KinesisEndpoint kinesis) {
            kinesis.stream("never-created");
        }
    }

    @ExtendWith(KinesisExtension.class)
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class StreamLifecycle {
        static final AtomicReference<String> NAME = new AtomicReference<>();

        @Test
        @Order(1)
        void getsAStream(@Shards(3) TestStream stream) {
            NAME.set(stream.name());
            assertThat(stream.shardCount()).isEqualTo(3);
            assertThat(stream.endpoint().stream(stream.name()).shardCount()).isEqualTo(3);
        }

        @Test
        @Order(2)
        void findsItGoneOrGoing(KinesisEndpoint kinesis) {
            List<String> remaining = kinesis.client().listStreams().streamNames();
            if (remaining.contains(NAME.get())) {
                assertThat(kinesis.describe(NAME.get()).streamStatusAsString()).isEqualTo("DELETING");
            }
        }
    }
}
