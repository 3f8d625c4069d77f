package io.github.kinlog.docscheck;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs commands with bash in a directory, each one's output in a log file of its own, as a reader would type them
 * into a terminal opened there. Servers it starts keep running until it is closed, which stops them with everything
 * they started.
 */
final class CommandRunner implements AutoCloseable {
    private static final Duration READY_WITHIN = Duration.ofMinutes(5);
    private static final Duration STOP_WITHIN = Duration.ofSeconds(30);
    private static final int TAIL_LINES = 60;

    private final Path directory;
    private final Path logs;
    private final Deque<Process> servers = new ArrayDeque<>();
    private final Map<String, Path> ran = new LinkedHashMap<>();

    CommandRunner(Path directory, Path logs) throws IOException {
        this.directory = directory;
        this.logs = Files.createDirectories(logs);
    }

    /** Whether this exact command already ran or runs: a server is started once, a command run once. */
    boolean hasRun(String command) {
        return ran.containsKey(command);
    }

    /** Runs the command to its end; returns its output, or throws saying what went wrong. */
    String run(String command, Duration within) throws IOException, InterruptedException {
        Path log = logFor(command);
        Process process = start(command, log);
        if (!process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS)) {
            stop(process);
            throw new AssertionError(
                    "'" + command + "' did not end within " + within + ". Its output (" + log + "):\n" + tail(log));
        }
        if (process.exitValue() != 0) {
            throw new AssertionError("'" + command + "' ended with status " + process.exitValue() + ". Its output ("
                    + log + "):\n" + tail(log));
        }
        return Files.readString(log, StandardCharsets.UTF_8);
    }

    /** Starts a server, once its ports are free, and returns when its output says it is ready. */
    void startServer(String command, String readyWhen, List<Integer> ports) throws IOException, InterruptedException {
        for (int port : ports) {
            try (ServerSocket probe = new ServerSocket(port)) {
                probe.setReuseAddress(true);
            } catch (IOException taken) {
                throw new AssertionError("Port " + port + " is in use, and '" + command + "' needs it: stop what"
                        + " listens there (lsof -i :" + port + ") and run the check again.");
            }
        }
        Path log = logFor(command);
        Process process = start(command, log);
        servers.push(process);
        long deadline = System.nanoTime() + READY_WITHIN.toNanos();
        while (!Files.readString(log, StandardCharsets.UTF_8).contains(readyWhen)) {
            if (!process.isAlive()) {
                throw new AssertionError("'" + command + "' ended with status " + process.exitValue()
                        + " before saying '" + readyWhen + "'. Its output (" + log + "):\n" + tail(log));
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("'" + command + "' did not say '" + readyWhen + "' within " + READY_WITHIN
                        + ". Its output (" + log + "):\n" + tail(log));
            }
            Thread.sleep(200);
        }
    }

    private Process start(String command, Path log) throws IOException {
        ran.put(command, log);
        return new ProcessBuilder("bash", "-c", command)
                .directory(directory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .start();
    }

    private Path logFor(String command) {
        String name = String.format(
                "%02d-%s.log",
                ran.size() + 1,
                command.lines()
                        .filter(line -> !line.startsWith("cd "))
                        .findFirst()
                        .orElse(command)
                        .replaceAll("[^A-Za-z0-9.-]+", "-"));
        return logs.resolve(name.length() > 80 ? name.substring(0, 76) + ".log" : name);
    }

    /** Stops the servers, newest first, each with every process it started (Maven's forked JVM, Node.js). */
    @Override
    public void close() {
        while (!servers.isEmpty()) {
            stop(servers.pop());
        }
    }

    private static void stop(Process process) {
        List<ProcessHandle> tree = process.descendants().toList();
        tree.forEach(ProcessHandle::destroy);
        process.destroy();
        long deadline = System.nanoTime() + STOP_WITHIN.toNanos();
        for (ProcessHandle handle : tree) {
            handle.onExit()
                    .completeOnTimeout(handle, Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)
                    .join();
            handle.destroyForcibly();
        }
        try {
            if (!process.waitFor(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size()));
    }
}
