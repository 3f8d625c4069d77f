package io.github.kinlog.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.kinlog.testsupport.KinesisTestSettings.Backend;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;

class KinesisTestSettingsTest {
    private static KinesisTestSettings settings(Map<String, String> values) {
        return new KinesisTestSettings(key -> Optional.ofNullable(values.get(key)));
    }

    @Test
    void defaultsToKinesisMockOnAnyFreePort() {
        KinesisTestSettings defaults = settings(Map.of());
        assertThat(defaults.backend()).isEqualTo(Backend.KINESIS_MOCK);
        assertThat(defaults.mockPort()).isEmpty();
        assertThat(defaults.node()).isEmpty();
        assertThat(defaults.mockDirectory())
                .isEqualTo(Path.of("target", "kinesis-mock").toAbsolutePath());
        assertThat(defaults.localStackImage()).isEqualTo(KinesisTestSettings.DEFAULT_LOCALSTACK_IMAGE);
    }

    @Test
    void namingAnAwsStreamSelectsTheAwsBackend() {
        KinesisTestSettings aws = settings(
                Map.of(KinesisTestSettings.AWS_STREAM, "app-logs", KinesisTestSettings.AWS_REGION, "eu-west-1"));
        assertThat(aws.backend()).isEqualTo(Backend.AWS);
        assertThat(aws.awsStream()).contains("app-logs");
        assertThat(aws.awsRegion()).contains(Region.EU_WEST_1);
    }

    @Test
    void backendIsChosenByNameIgnoringCaseAndBlanks() {
        assertThat(settings(Map.of(KinesisTestSettings.BACKEND, " LocalStack ")).backend())
                .isEqualTo(Backend.LOCALSTACK);
        assertThat(settings(Map.of(KinesisTestSettings.BACKEND, "")).backend()).isEqualTo(Backend.KINESIS_MOCK);
    }

    @Test
    void unknownBackendListsTheChoices() {
        assertThatThrownBy(() ->
                        settings(Map.of(KinesisTestSettings.BACKEND, "dynamo")).backend())
                .isInstanceOf(KinesisSetupException.class)
                .hasMessage("kinlog.kinesis.backend must be one of kinesis-mock, localstack, aws, but is 'dynamo'.");
    }

    @Test
    void badPortsAreRejectedWithTheSetting() {
        assertThat(settings(Map.of(KinesisTestSettings.MOCK_PORT, "4568")).mockPort())
                .hasValue(4568);
        for (String bad : new String[] {"0", "65536", "http", "-1"}) {
            assertThatThrownBy(() ->
                            settings(Map.of(KinesisTestSettings.MOCK_PORT, bad)).mockPort())
                    .isInstanceOf(KinesisSetupException.class)
                    .hasMessageContaining("kinlog.kinesis.mock.port must be a port number from 1 to 65535")
                    .hasMessageContaining("'" + bad + "'");
        }
    }
}
