package io.github.kinlog.testsupport;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;
import software.amazon.awssdk.regions.Region;

/** LocalStack's Kinesis in a Docker container, through Testcontainers. Loaded only when selected. */
final class LocalStackBackend {
    private static final int EDGE_PORT = 4566;

    private LocalStackBackend() {}

    static KinesisEndpoint start(String image) {
        if (!DockerClientFactory.instance().isDockerAvailable()) {
            throw new KinesisSetupException("The localstack backend (" + KinesisTestSettings.BACKEND + "=localstack)"
                    + " needs a running Docker engine, and none answered. Start Docker, or use the default"
                    + " kinesis-mock backend, which needs only Node.js.");
        }
        GenericContainer<?> container = new GenericContainer<>(DockerImageName.parse(image))
                .withExposedPorts(EDGE_PORT)
                .withEnv("SERVICES", "kinesis")
                .waitingFor(Wait.forHttp("/_localstack/health")
                        .forStatusCode(200)
                        .withStartupTimeout(Duration.ofMinutes(3)));
        String token = System.getenv("LOCALSTACK_AUTH_TOKEN");
        if (token != null && !token.isBlank()) {
            container.withEnv("LOCALSTACK_AUTH_TOKEN", token);
        }
        try {
            container.start();
        } catch (RuntimeException e) {
            container.stop();
            throw new KinesisSetupException(
                    "LocalStack (" + image + ") did not start: " + e.getMessage()
                            + ". Newer LocalStack images need LOCALSTACK_AUTH_TOKEN in the environment; "
                            + KinesisTestSettings.LOCALSTACK_IMAGE + " chooses the image.",
                    e);
        }
        URI endpoint = URI.create("http://" + container.getHost() + ":" + container.getMappedPort(EDGE_PORT));
        return new KinesisEndpoint(
                "LocalStack " + image + " at " + endpoint,
                Optional.of(endpoint),
                Region.US_EAST_1,
                KinesisBackends.EMULATOR_CREDENTIALS,
                Optional.empty(),
                container::stop,
                Optional.empty());
    }
}
