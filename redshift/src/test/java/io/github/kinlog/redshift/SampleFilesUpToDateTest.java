package io.github.kinlog.redshift;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * samples/redshift holds the generator's output for the default configuration, so readers can see it without running
 * anything. Any change to the schema or the generator must come with regenerated files:
 * {@code mvn -pl common test -Dtest=SampleFilesUpToDateTest -Dkinlog.redshift.regenerate=true}.
 */
class SampleFilesUpToDateTest {
    private static final Path DIR = Path.of("..", "samples", "redshift");

    @Test
    void theCommittedFilesAreWhatTheGeneratorWritesToday() throws IOException {
        Map<String, String> files = RedshiftSetup.builder().build().files();
        if (Boolean.getBoolean("kinlog.redshift.regenerate")) {
            Files.createDirectories(DIR);
            for (Map.Entry<String, String> file : files.entrySet()) {
                Files.writeString(DIR.resolve(file.getKey()), file.getValue(), StandardCharsets.UTF_8);
            }
        }
        for (Map.Entry<String, String> file : files.entrySet()) {
            Path path = DIR.resolve(file.getKey());
            assertThat(path)
                    .as("%s is missing; regenerate as this test's comment says", path)
                    .exists();
            assertThat(Files.readString(path, StandardCharsets.UTF_8))
                    .as("%s is out of date; regenerate as this test's comment says", path)
                    .isEqualTo(file.getValue());
        }
        try (Stream<Path> present = Files.list(DIR)) {
            assertThat(present.map(p -> p.getFileName().toString()).filter(n -> !n.equals("README.md")))
                    .as("files in %s the generator no longer writes", DIR)
                    .allMatch(files::containsKey);
        }
    }
}
