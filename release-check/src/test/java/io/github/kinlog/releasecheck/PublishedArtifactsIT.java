package io.github.kinlog.releasecheck;

import static io.github.kinlog.releasecheck.BomConsumerIT.property;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * This build's published artifacts as users will get them: the POMs installed into it-repo (flattened), the jars, and
 * the sources and Javadoc jars the modules built. The Central bundle itself is checked by {@code release/dry-run.sh}.
 */
class PublishedArtifactsIT {
    /** The module directory of each published artifact. */
    private static final Map<String, String> MODULES = Map.of(
            "kinlog-bom", "bom",
            "kinlog-common", "common",
            "kinlog-log4j2", "log4j2-kinesis",
            "kinlog-logback", "logback-kinesis",
            "kinlog-redshift", "redshift");

    @Test
    void everyPublishedArtifactIsComplete() throws IOException {
        for (String jars : new String[] {"javadoc", "sources"}) {
            if (Boolean.parseBoolean(property("kinlog.releaseCheck." + jars + "Skipped"))) {
                // A quicker build on purpose, not a broken one: say so in one line and step aside.
                String why = "the " + jars + " jars were not built (-Dmaven." + jars.replace("sources", "source")
                        + ".skip), so the published artifacts are not checked";
                System.out.println("release-check: " + why);
                Assumptions.abort(why);
            }
        }
        String version = property("kinlog.releaseCheck.kinlog.version");
        Path repository = Path.of(property("kinlog.releaseCheck.repository"));
        Path root = Path.of(property("kinlog.releaseCheck.root"));
        PublishedArtifacts published = new PublishedArtifacts(Map.of(), version);

        Map<String, byte[]> files = new HashMap<>();
        for (String file : published.expectedFiles()) {
            Path installed = repository.resolve(file);
            String name = Path.of(file).getFileName().toString();
            String artifactId = name.substring(0, name.indexOf("-" + version));
            Path built = root.resolve(MODULES.get(artifactId)).resolve("target").resolve(name);
            if (file.endsWith(".pom")) {
                // Only the installed POM is the one users get; a module's own pom.xml is not.
                built = installed;
            }
            Path found = Files.exists(installed) ? installed : built;
            if (Files.exists(found)) {
                files.put(file, Files.readAllBytes(found));
            }
        }

        assertThat(new PublishedArtifacts(files, version).checkContents()).isEmpty();
    }
}
