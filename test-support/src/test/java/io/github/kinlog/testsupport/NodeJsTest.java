package io.github.kinlog.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

class NodeJsTest {
    @TempDir
    Path bin;

    @Test
    void missingNodeNamesWhatToInstall() {
        assertThatThrownBy(() -> NodeJs.locate(Optional.empty(), bin.toString()))
                .isInstanceOf(KinesisSetupException.class)
                .hasMessageContaining("no 'node' executable was found on PATH")
                .hasMessageContaining("Install Node.js 18 or newer, with npm")
                .satisfies(e -> assertThat(e.getStackTrace()).isEmpty());
    }

    @Test
    void configuredNodeThatIsNotThereIsNamed() {
        Path absent = bin.resolve("no-such-node");
        assertThatThrownBy(() -> NodeJs.locate(Optional.of(absent), ""))
                .isInstanceOf(KinesisSetupException.class)
                .hasMessageContaining(KinesisTestSettings.MOCK_NODE + " names '" + absent + "'")
                .hasMessageContaining("Install Node.js 18 or newer");
    }

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void tooOldNodeIsRejected() throws IOException {
        script("node", "echo v16.20.2");
        script("npm", "exit 0");
        assertThatThrownBy(() -> NodeJs.locate(Optional.empty(), bin.toString()))
                .isInstanceOf(KinesisSetupException.class)
                .hasMessageContaining("Found Node.js v16.20.2")
                .hasMessageContaining("too old");
    }

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void nodeWithoutNpmIsRejected() throws IOException {
        script("node", "echo v20.11.1");
        assertThatThrownBy(() -> NodeJs.locate(Optional.empty(), bin.toString()))
                .isInstanceOf(KinesisSetupException.class)
                .hasMessageContaining("no 'npm' beside it or on PATH");
    }

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void findsNodeAndNpmOnThePath() throws IOException {
        Path node = script("node", "echo v22.3.0");
        Path npm = script("npm", "exit 0");
        NodeJs found = NodeJs.locate(Optional.empty(), "/nonexistent-dir:" + bin);
        assertThat(found.node).isEqualTo(node);
        assertThat(found.npm).isEqualTo(npm);
        assertThat(found.version).isEqualTo("v22.3.0");
        assertThat(found.npmCommand("ci")).containsExactly(npm.toString(), "ci");
    }

    @Test
    void readsMajorVersions() {
        assertThat(NodeJs.majorVersion("v18.0.0")).isEqualTo(18);
        assertThat(NodeJs.majorVersion("v20.20.2\n")).isEqualTo(20);
        assertThat(NodeJs.majorVersion("24.1.0")).isEqualTo(24);
        assertThatThrownBy(() -> NodeJs.majorVersion("node: command not found"))
                .isInstanceOf(KinesisSetupException.class)
                .hasMessageContaining("Could not read the Node.js version");
    }

    private Path script(String name, String body) throws IOException {
        Path file = bin.resolve(name);
        Files.writeString(file, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }
}
