package io.github.kinlog.redshift;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The published jar runs the generator on its own: java -jar kinlog-redshift.jar generate, nothing else on the path. */
class RedshiftCliIT {
    @Test
    void theJarAloneGeneratesTheDdl() throws IOException, InterruptedException {
        Path jar = Path.of(System.getProperty("kinlog.redshiftJar", "target/missing.jar"));
        assertThat(jar)
                .as("the packaged jar (set by the build as kinlog.redshiftJar)")
                .exists();
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(
                        List.of(java.toString(), "-jar", jar.toString(), "generate", "--stream", "orders"))
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(process.exitValue()).as(output).isZero();
        Map<String, String> files =
                RedshiftSetup.builder().streamName("orders").build().files();
        assertThat(output).isEqualTo(files.get("01-streaming-ingestion.sql") + files.get("02-events-table.sql"));
    }
}
