package io.github.kinlog.compatibility;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.kinlog.testsupport.KinesisEndpoint;
import io.github.kinlog.testsupport.TestStream;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import software.amazon.awssdk.auth.credentials.AwsCredentials;

/**
 * One program of this module run in a JVM of its own, whose class path holds this module's classes, Kinlog with its
 * runtime dependencies, and one framework version's jars (copied by the build into {@code target/compat}). A version
 * such as {@code logback-1.2.13+sdk-2.20.0} runs on Kinlog with that AWS SDK, as an application that imports the
 * SDK's BOM at that version has it (resolved by the {@code sdk-floor} module).
 */
final class ContractRun {
    static final Path DIR = Path.of(System.getProperty("kinlog.compat.dir"));
    private static final Path SDK_DIR = Path.of(System.getProperty("kinlog.compat.sdkDir"));
    private static final String SDK = "+sdk-";
    /** The newest Logback the build copies; the first Logback in the versions run by default. */
    static final String NEWEST_LOGBACK = System.getProperty("kinlog.compat.newestLogback");

    private final Path scratch;
    private final List<String> options = new ArrayList<>();
    private Path java = javaHome();
    private String version;

    private ContractRun(Path scratch) {
        this.scratch = scratch;
    }

    static ContractRun in(Path scratch) {
        return new ContractRun(scratch);
    }

    /** -Dkinlog.compat.java runs the programs on another Java, for example the JDK 25 beside the build's. */
    static Path javaHome() {
        String chosen = System.getProperty("kinlog.compat.java", "");
        return Path.of(chosen.isBlank() ? System.getProperty("java.home") : chosen);
    }

    ContractRun java(Path home) {
        this.java = home;
        return this;
    }

    /** A directory name under target/compat, such as logback-1.2.13, with {@code +sdk-<version>} to change the SDK. */
    ContractRun version(String version) {
        this.version = version;
        return this;
    }

    ContractRun property(String name, String value) {
        options.add("-D" + name + "=" + value);
        return this;
    }

    ContractRun jvmOption(String option) {
        options.add(option);
        return this;
    }

    /** Runs the program to its end (two minutes at most) and returns what it printed; it must exit with 0. */
    String run(Class<?> program, TestStream stream, KinesisEndpoint kinesis, String... args) throws Exception {
        int sdkAt = version.indexOf(SDK);
        String framework = sdkAt < 0 ? version : version.substring(0, sdkAt);
        Path kinlogClassPath = sdkAt < 0
                ? DIR.resolve("kinlog.classpath")
                : SDK_DIR.resolve("kinlog-sdk-" + version.substring(sdkAt + SDK.length()) + ".classpath");
        Path versionJars = DIR.resolve(framework);
        assertThat(versionJars)
                .as("the jars of " + framework + " (copied by the build)")
                .isDirectory();
        assertThat(kinlogClassPath)
                .as("Kinlog's class path for " + version + " (written by the build)")
                .isRegularFile();
        List<String> classPath = new ArrayList<>();
        // This module's classes: the programs and their configuration files.
        classPath.add(Path.of(Contract.class
                        .getProtectionDomain()
                        .getCodeSource()
                        .getLocation()
                        .toURI())
                .toString());
        classPath.add(Files.readString(kinlogClassPath, StandardCharsets.UTF_8).trim());
        try (Stream<Path> jars = Files.list(versionJars)) {
            jars.map(Path::toString).sorted().forEach(classPath::add);
        }
        AwsCredentials credentials = kinesis.credentials().resolveCredentials();
        List<String> command = new ArrayList<>();
        command.add(java.resolve("bin").resolve("java").toString());
        command.add("-Dkinlog.stream=" + stream.name());
        command.add("-Dkinlog.region=" + kinesis.region().id());
        command.add("-Dkinlog.endpoint=" + kinesis.endpointOverride().orElseThrow());
        command.add("-Daws.accessKeyId=" + credentials.accessKeyId());
        command.add("-Daws.secretAccessKey=" + credentials.secretAccessKey());
        command.addAll(options);
        command.add("-cp");
        command.add(String.join(File.pathSeparator, classPath));
        command.add(program.getName());
        command.addAll(Arrays.asList(args));
        Path output = scratch.resolve("output.txt");
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        boolean ended = process.waitFor(2, TimeUnit.MINUTES);
        if (!ended) {
            process.destroyForcibly();
        }
        String printed = Files.readString(output, StandardCharsets.UTF_8);
        assertThat(ended).as("the program ends; it printed:%n%s", printed).isTrue();
        assertThat(process.exitValue())
                .as("exit code; it printed:%n%s", printed)
                .isZero();
        return printed;
    }
}
