package io.github.kinlog.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs a main class of this jar in its own JVM, so each measurement starts cold and its CPU time is its own. */
final class ChildJvm implements AutoCloseable {
    private final Process process;
    private final BufferedReader output;

    private ChildJvm(Process process) {
        this.process = process;
        this.output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    static ChildJvm start(Class<?> main, List<String> jvmOptions, String... args) throws IOException {
        return startWithClassPathFirst(main, jvmOptions, "", args);
    }

    /**
     * As {@link #start(Class, List, String...)}, with {@code classPathFirst} (jars or folders, or "") ahead of this
     * jar: classes there win, so the same run can measure an older build of Kinlog's own classes.
     */
    static ChildJvm startWithClassPathFirst(
            Class<?> main, List<String> jvmOptions, String classPathFirst, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        String own = System.getProperty("java.class.path");
        command.add(classPathFirst.isEmpty() ? own : classPathFirst + java.io.File.pathSeparator + own);
        command.add(main.getName());
        command.addAll(List.of(args));
        return new ChildJvm(
                new ProcessBuilder(command).redirectErrorStream(true).start());
    }

    /** Reads output until a line starts with {@code prefix}; returns the rest of that line. Echoes other lines. */
    String awaitLine(String prefix) throws IOException {
        for (String line; (line = output.readLine()) != null; ) {
            if (line.startsWith(prefix)) {
                return line.substring(prefix.length()).trim();
            }
            System.err.println("  | " + line);
        }
        throw new IOException("The child JVM ended without printing '" + prefix + "'");
    }

    /** Writes a line to the child's standard input. */
    void send(String line) throws IOException {
        process.getOutputStream().write((line + "\n").getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().flush();
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
