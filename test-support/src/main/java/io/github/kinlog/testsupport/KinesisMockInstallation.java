package io.github.kinlog.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * kinesis-mock, installed with {@code npm ci} from the package.json and package-lock.json committed beside this class,
 * into a build directory. An installation that matches the committed lock file is reused.
 */
final class KinesisMockInstallation {
    private static final String RESOURCES = "kinesis-mock/";
    private static final String PACKAGE = "kinesis-local";
    private static final String INSTALLED_MARKER = ".kinlog-installed-lock";
    private static final Duration NPM_TIMEOUT = Duration.ofMinutes(5);
    private static final Object IN_PROCESS_LOCK = new Object();

    final Path directory;
    final String version;

    private KinesisMockInstallation(Path directory, String version) {
        this.directory = directory;
        this.version = version;
    }

    Path mainScript() {
        return directory.resolve("node_modules").resolve(PACKAGE).resolve("main.js");
    }

    /** The self-signed certificate the npm build needs (KINESIS_MOCK_CERT_PATH) even though tests use plain HTTP. */
    Path certificate() {
        return directory.resolve("node_modules").resolve(PACKAGE).resolve("server.json");
    }

    Path launcher() {
        return directory.resolve("launcher.js");
    }

    static KinesisMockInstallation ensure(NodeJs nodeJs, Path directory) {
        byte[] packageJson = resource("package.json");
        byte[] lock = resource("package-lock.json");
        byte[] launcher = resource("launcher.js");
        String version = pinnedVersion(packageJson);
        KinesisMockInstallation installation = new KinesisMockInstallation(directory, version);
        // One installer at a time, whether the others are threads here or forked test JVMs.
        synchronized (IN_PROCESS_LOCK) {
            try {
                Files.createDirectories(directory);
                try (FileChannel channel = FileChannel.open(
                        directory.resolve(".install.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
                    channel.lock(); // released when the channel closes
                    writeIfChanged(installation.launcher(), launcher);
                    if (!installation.isInstalled(lock)) {
                        installation.install(nodeJs, packageJson, lock);
                    }
                }
            } catch (IOException e) {
                throw new KinesisSetupException(
                        "Could not prepare " + directory + " for kinesis-mock: " + e.getMessage(), e);
            }
        }
        return installation;
    }

    private boolean isInstalled(byte[] lock) throws IOException {
        Path marker = directory.resolve(INSTALLED_MARKER);
        return Files.isRegularFile(marker)
                && Arrays.equals(Files.readAllBytes(marker), lock)
                && Files.isRegularFile(mainScript())
                && Files.isRegularFile(certificate());
    }

    private void install(NodeJs nodeJs, byte[] packageJson, byte[] lock) throws IOException {
        Files.deleteIfExists(directory.resolve(INSTALLED_MARKER));
        Files.write(directory.resolve("package.json"), packageJson);
        Files.write(directory.resolve("package-lock.json"), lock);
        Path log = directory.resolve("npm-ci.log");
        Commands.Result result = Commands.run(
                nodeJs.npmCommand("ci", "--no-audit", "--no-fund", "--ignore-scripts", "--loglevel=warn"),
                directory,
                log,
                NPM_TIMEOUT);
        if (result.exitCode() != 0 || !Files.isRegularFile(mainScript())) {
            throw new KinesisSetupException("'npm ci' could not install kinesis-mock (npm package " + PACKAGE + " "
                    + version + ") into " + directory + "; exit code " + result.exitCode()
                    + ". Check that the npm registry is reachable (npm config get registry). npm said:\n"
                    + Commands.tail(log, 20));
        }
        // Written last: its presence means the installation completed.
        Files.write(directory.resolve(INSTALLED_MARKER), lock);
    }

    private static void writeIfChanged(Path file, byte[] content) throws IOException {
        if (!Files.isRegularFile(file) || !Arrays.equals(Files.readAllBytes(file), content)) {
            Files.write(file, content);
        }
    }

    private static String pinnedVersion(byte[] packageJson) {
        Matcher matcher = Pattern.compile("\"" + PACKAGE + "\"\\s*:\\s*\"([^\"]+)\"")
                .matcher(new String(packageJson, StandardCharsets.UTF_8));
        if (!matcher.find()) {
            throw new IllegalStateException("package.json does not pin " + PACKAGE);
        }
        return matcher.group(1);
    }

    private static byte[] resource(String name) {
        try (InputStream in = KinesisMockInstallation.class.getResourceAsStream(RESOURCES + name)) {
            if (in == null) {
                throw new IllegalStateException(
                        "Missing resource " + RESOURCES + name + " beside " + KinesisMockInstallation.class.getName());
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
