package io.github.kinlog.testsupport;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;
import java.util.stream.Collectors;
import software.amazon.awssdk.regions.Region;

/**
 * Which Kinesis endpoint the tests get, and how it is started. Each setting is a JUnit configuration parameter, so it
 * can be given as a system property ({@code mvn verify -Dkinlog.kinesis.backend=localstack}) or in
 * {@code junit-platform.properties}. The README's testing section lists them.
 */
final class KinesisTestSettings {
    static final String BACKEND = "kinlog.kinesis.backend";
    static final String MOCK_NODE = "kinlog.kinesis.mock.node";
    static final String MOCK_PORT = "kinlog.kinesis.mock.port";
    static final String MOCK_DIR = "kinlog.kinesis.mock.dir";
    static final String LOCALSTACK_IMAGE = "kinlog.kinesis.localstack.image";
    static final String AWS_REGION = "kinlog.kinesis.aws.region";
    static final String AWS_STREAM = "kinlog.kinesis.aws.stream";

    /** A tag old enough to run without a LocalStack auth token; newer images need LOCALSTACK_AUTH_TOKEN. */
    static final String DEFAULT_LOCALSTACK_IMAGE = "localstack/localstack:4.4";

    enum Backend {
        KINESIS_MOCK("kinesis-mock"),
        LOCALSTACK("localstack"),
        AWS("aws");

        final String configName;

        Backend(String configName) {
            this.configName = configName;
        }
    }

    private final Function<String, Optional<String>> source;

    KinesisTestSettings(Function<String, Optional<String>> source) {
        this.source = key -> source.apply(key).map(String::trim).filter(value -> !value.isEmpty());
    }

    static KinesisTestSettings fromSystemProperties() {
        return new KinesisTestSettings(key -> Optional.ofNullable(System.getProperty(key)));
    }

    /** Naming an AWS stream selects the AWS backend; otherwise kinesis-mock unless another is chosen. */
    Backend backend() {
        Optional<String> named = source.apply(BACKEND);
        if (named.isEmpty()) {
            return awsStream().isPresent() ? Backend.AWS : Backend.KINESIS_MOCK;
        }
        return Arrays.stream(Backend.values())
                .filter(backend -> backend.configName.equalsIgnoreCase(named.get()))
                .findFirst()
                .orElseThrow(() -> new KinesisSetupException(BACKEND + " must be one of "
                        + Arrays.stream(Backend.values())
                                .map(backend -> backend.configName)
                                .collect(Collectors.joining(", "))
                        + ", but is '" + named.get() + "'."));
    }

    Optional<Path> node() {
        return source.apply(MOCK_NODE).map(Path::of);
    }

    /** A fixed port for kinesis-mock's plain HTTP listener; empty means any free port. */
    OptionalInt mockPort() {
        Optional<String> value = source.apply(MOCK_PORT);
        if (value.isEmpty()) {
            return OptionalInt.empty();
        }
        try {
            int port = Integer.parseInt(value.get());
            if (port >= 1 && port <= 65535) {
                return OptionalInt.of(port);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new KinesisSetupException(
                MOCK_PORT + " must be a port number from 1 to 65535, or unset for any free port," + " but is '"
                        + value.get() + "'.");
    }

    /** Where kinesis-mock is installed and logs; relative paths resolve against the module being tested. */
    Path mockDirectory() {
        return source.apply(MOCK_DIR)
                .map(Path::of)
                .orElse(Path.of("target", "kinesis-mock"))
                .toAbsolutePath();
    }

    String localStackImage() {
        return source.apply(LOCALSTACK_IMAGE).orElse(DEFAULT_LOCALSTACK_IMAGE);
    }

    Optional<String> awsStream() {
        return source.apply(AWS_STREAM);
    }

    Optional<Region> awsRegion() {
        return source.apply(AWS_REGION).map(Region::of);
    }
}
