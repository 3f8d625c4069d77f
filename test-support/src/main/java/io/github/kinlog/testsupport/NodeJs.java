package io.github.kinlog.testsupport;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The machine's Node.js and npm, which run kinesis-mock. Found on PATH unless a node executable is configured. */
final class NodeJs {
    static final int MINIMUM_MAJOR_VERSION = 18;

    private static final boolean WINDOWS = System.getProperty("os.name", "").startsWith("Windows");
    private static final Pattern VERSION = Pattern.compile("v?(\\d+)\\.(\\d+)\\.(\\d+)");

    private static final String INSTALL_HINT = "Install Node.js " + MINIMUM_MAJOR_VERSION
            + " or newer, with npm (https://nodejs.org/en/download, or your package manager, for example"
            + " 'sudo apt-get install nodejs npm'), then run the build again. Or point -D"
            + KinesisTestSettings.MOCK_NODE
            + " at a node executable, or run against LocalStack with -D" + KinesisTestSettings.BACKEND
            + "=localstack when a Docker engine is running.";

    final Path node;
    final Path npm;
    final String version;

    private NodeJs(Path node, Path npm, String version) {
        this.node = node;
        this.npm = npm;
        this.version = version;
    }

    static NodeJs locate(Optional<Path> configuredNode) {
        return locate(configuredNode, Optional.ofNullable(System.getenv("PATH")).orElse(""));
    }

    static NodeJs locate(Optional<Path> configuredNode, String searchPath) {
        Path node = configuredNode
                .map(configured -> {
                    if (!Files.isRegularFile(configured) || !Files.isExecutable(configured)) {
                        throw new KinesisSetupException(
                                "Integration tests run kinesis-mock, the local Kinesis endpoint, on"
                                        + " Node.js, but " + KinesisTestSettings.MOCK_NODE + " names '" + configured
                                        + "', which is not an executable file. " + INSTALL_HINT);
                    }
                    return configured;
                })
                .or(() -> onPath(searchPath, executableName("node")))
                .orElseThrow(() -> new KinesisSetupException("Integration tests run kinesis-mock, the local Kinesis"
                        + " endpoint, on Node.js, and no 'node' executable was found on PATH. " + INSTALL_HINT));

        String version = versionOf(node);
        Path npm = sibling(node, npmName())
                .or(() -> onPath(searchPath, npmName()))
                .orElseThrow(() -> new KinesisSetupException("Found Node.js " + version + " at " + node
                        + " but no 'npm' beside it or on PATH; npm installs kinesis-mock. " + INSTALL_HINT));
        return new NodeJs(node, npm, version);
    }

    /** The command that runs npm with the given arguments. */
    List<String> npmCommand(String... arguments) {
        List<String> command = new ArrayList<>();
        if (WINDOWS) {
            // npm is a batch script on Windows and cannot be started directly.
            command.add("cmd.exe");
            command.add("/c");
        }
        command.add(npm.toString());
        command.addAll(List.of(arguments));
        return command;
    }

    static int majorVersion(String version) {
        Matcher matcher = VERSION.matcher(version.trim());
        if (!matcher.lookingAt()) {
            throw new KinesisSetupException("Could not read the Node.js version from '" + version.trim() + "'.");
        }
        return Integer.parseInt(matcher.group(1));
    }

    private static String versionOf(Path node) {
        Commands.Result result = Commands.run(List.of(node.toString(), "--version"), Duration.ofSeconds(30));
        String version = result.output().trim();
        if (result.exitCode() != 0) {
            throw new KinesisSetupException("'" + node + " --version' failed with exit code " + result.exitCode() + ": "
                    + version + ". " + INSTALL_HINT);
        }
        if (majorVersion(version) < MINIMUM_MAJOR_VERSION) {
            throw new KinesisSetupException("Found Node.js " + version + " at " + node
                    + ", which is too old for kinesis-mock. " + INSTALL_HINT);
        }
        return version;
    }

    private static Optional<Path> sibling(Path node, String name) {
        Path candidate = node.toAbsolutePath().resolveSibling(name);
        return Files.isExecutable(candidate) ? Optional.of(candidate) : Optional.empty();
    }

    private static Optional<Path> onPath(String searchPath, String name) {
        for (String directory : searchPath.split(File.pathSeparator)) {
            if (directory.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(directory, name);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static String executableName(String name) {
        return WINDOWS ? name + ".exe" : name;
    }

    private static String npmName() {
        return WINDOWS ? "npm.cmd" : "npm";
    }
}
