package io.github.kinlog.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs short external commands (node --version, npm ci) with a time limit and their output in a log file. */
final class Commands {
    private Commands() {}

    record Result(int exitCode, String output) {}

    /** Runs a command whose output is only wanted as a string. */
    static Result run(List<String> command, Duration timeout) {
        Path log = null;
        try {
            log = Files.createTempFile("kinlog-command", ".log");
            return run(command, log.getParent(), log, timeout);
        } catch (IOException e) {
            throw new KinesisSetupException("Could not create a temporary file: " + e.getMessage(), e);
        } finally {
            if (log != null) {
                log.toFile().delete();
            }
        }
    }

    /** Runs a command, keeping its output in {@code log}. */
    static Result run(List<String> command, Path workingDirectory, Path log, Duration timeout) {
        try {
            Files.createDirectories(log.getParent());
            Process process = new ProcessBuilder(command)
                    .directory(workingDirectory.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            process.getOutputStream().close();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new KinesisSetupException("'" + String.join(" ", command) + "' did not finish within "
                        + timeout.toSeconds() + " s. Its output so far:\n" + tail(log, 20));
            }
            return new Result(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new KinesisSetupException("Could not run '" + String.join(" ", command) + "': " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KinesisSetupException("Interrupted while running '" + String.join(" ", command) + "'.", e);
        }
    }

    /** The last lines of a log, for error messages. */
    static String tail(Path log, int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }
}
