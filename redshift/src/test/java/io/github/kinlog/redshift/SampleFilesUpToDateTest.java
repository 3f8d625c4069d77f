package io.github.kinlog.redshift;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The generator's output, committed, as golden files: samples/redshift for the default configuration (readers see it
 * without running anything), and a test resource for a configuration that changes every name and option. Any change
 * to the schema or the generator must come with regenerated files:
 * {@code mvn -pl redshift -am test -Dtest=SampleFilesUpToDateTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Dkinlog.redshift.regenerate=true}.
 */
class SampleFilesUpToDateTest {
    /** A configuration that differs from the defaults everywhere it can. */
    static RedshiftSetup customised() {
        return RedshiftSetup.builder()
                .streamName("Shop.Orders")
                .externalSchema("orders_kds")
                .streamingView("analytics.orders_landing")
                .table("analytics.orders_events")
                .liveView("analytics.orders_live")
                .loadProcedure("analytics.orders_load")
                .loadLog("analytics.orders_loads")
                .retentionDays(30)
                .iamRole("arn:aws:iam::123456789012:role/redshift-streaming")
                .region("eu-west-1")
                .accountId("123456789012")
                .kmsKeyArn("arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab")
                .clusterId("orders-cluster")
                .database("analytics")
                .schedule("rate(5 minutes)")
                .staticField("team")
                .promote("mdc.traceId:varchar(32)")
                .promote("amount=fields.total:decimal(12,2)")
                .build();
    }

    @ParameterizedTest
    @ValueSource(strings = {"default", "customised"})
    void theCommittedFilesAreWhatTheGeneratorWritesToday(String configuration) throws IOException {
        Path dir = configuration.equals("default")
                ? Path.of("..", "samples", "redshift")
                : Path.of("src", "test", "resources", "golden", configuration);
        Map<String, String> files =
                (configuration.equals("default") ? RedshiftSetup.builder().build() : customised()).files();
        if (Boolean.getBoolean("kinlog.redshift.regenerate")) {
            Files.createDirectories(dir);
            try (Stream<Path> old = Files.list(dir)) {
                for (Path path : old.filter(p -> !p.getFileName().toString().equals("README.md"))
                        .toList()) {
                    Files.delete(path);
                }
            }
            for (Map.Entry<String, String> file : files.entrySet()) {
                Files.writeString(dir.resolve(file.getKey()), file.getValue(), StandardCharsets.UTF_8);
            }
        }
        for (Map.Entry<String, String> file : files.entrySet()) {
            Path path = dir.resolve(file.getKey());
            assertThat(path)
                    .as("%s is missing; regenerate as this test's comment says", path)
                    .exists();
            assertThat(Files.readString(path, StandardCharsets.UTF_8))
                    .as("%s is out of date; regenerate as this test's comment says", path)
                    .isEqualTo(file.getValue());
        }
        try (Stream<Path> present = Files.list(dir)) {
            assertThat(present.map(p -> p.getFileName().toString()).filter(n -> !n.equals("README.md")))
                    .as("files in %s the generator no longer writes", dir)
                    .allMatch(files::containsKey);
        }
    }
}
