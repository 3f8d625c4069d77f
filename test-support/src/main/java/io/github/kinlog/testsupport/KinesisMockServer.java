package io.github.kinlog.testsupport;

import java.io.IOException;
import java.net.BindException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A kinesis-mock process on Node.js, listening on plain HTTP on a loopback port. {@link #close()} stops it; so does a
 * JVM shutdown hook, and the process also exits by itself when this JVM dies (see launcher.js).
 */
public final class KinesisMockServer implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);
    private static final int START_ATTEMPTS = 3;

    private final Process process;
    private final int port;
    private final Path log;
    private final String version;
    private final Thread shutdownHook;

    private KinesisMockServer(Process process, int port, Path log, String version) {
        this.process = process;
        this.port = port;
        this.log = log;
        this.version = version;
        this.shutdownHook = new Thread(this::stopProcess, "kinlog-kinesis-mock-stopper");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /**
     * Starts kinesis-mock on {@code port} (0 for any free port), installed where the test settings say (by default
     * {@code target/kinesis-mock}) with the Node.js they name.
     */
    public static KinesisMockServer start(int port) {
        KinesisTestSettings settings = KinesisTestSettings.fromSystemProperties();
        return start(NodeJs.locate(settings.node()), settings.mockDirectory(), port);
    }

    /**
     * Installs kinesis-mock into {@code directory} if needed and starts it.
     *
     * @param directory where kinesis-mock is installed and where its log is written
     * @param port the plain HTTP port, or 0 for any free port
     */
    public static KinesisMockServer start(Path directory, int port) {
        return start(NodeJs.locate(Optional.empty()), directory, port);
    }

    static KinesisMockServer start(NodeJs nodeJs, Path directory, int port) {
        // Node runs in the installation directory, so a relative path would be resolved twice.
        KinesisMockInstallation installation = KinesisMockInstallation.ensure(nodeJs, directory.toAbsolutePath());
        if (port != 0) {
            requireFree(port);
        }
        for (int attempt = 1; ; attempt++) {
            int plainPort = port != 0 ? port : freePort();
            try {
                return launch(nodeJs, installation, plainPort, freePortOtherThan(plainPort));
            } catch (PortTakenException e) {
                if (port != 0) {
                    throw portInUse(port);
                }
                if (attempt == START_ATTEMPTS) {
                    throw new KinesisSetupException("kinesis-mock could not bind a free port in " + START_ATTEMPTS
                            + " attempts; another process keeps taking them. Its log: " + e.getMessage());
                }
                // Another process took the free port between our probe and kinesis-mock's bind: try new ones.
            }
        }
    }

    /** The endpoint to give the AWS SDK, for example {@code http://127.0.0.1:41234}. */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public int port() {
        return port;
    }

    /** The kinesis-mock release that runs, as pinned in package.json. */
    public String version() {
        return version;
    }

    /** kinesis-mock's own output. */
    public Path log() {
        return log;
    }

    ProcessHandle process() {
        return process.toHandle();
    }

    @Override
    public void close() {
        stopProcess();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook is running or has run; nothing to remove
        }
    }

    private void stopProcess() {
        // Killed outright: it keeps nothing worth a graceful stop, and on SIGTERM or end of input it waits for idle
        // keep-alive connections to time out, which would add 5 to 10 seconds to every test run.
        process.destroyForcibly();
        try {
            process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static KinesisMockServer launch(
            NodeJs nodeJs, KinesisMockInstallation installation, int plainPort, int tlsPort) {
        Path log = installation.directory.resolve("kinesis-mock-" + plainPort + ".log");
        ProcessBuilder builder = new ProcessBuilder(
                        nodeJs.node.toString(),
                        installation.launcher().toString(),
                        installation.mainScript().toString())
                .directory(installation.directory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> environment = builder.environment();
        environment.put("KINESIS_MOCK_PLAIN_PORT", Integer.toString(plainPort));
        environment.put("KINESIS_MOCK_TLS_PORT", Integer.toString(tlsPort));
        environment.put("KINESIS_MOCK_CERT_PATH", installation.certificate().toString());
        environment.put("LOG_LEVEL", "WARN");
        environment.put("SHOULD_PERSIST_DATA", "false");
        environment.put("LOAD_DATA_IF_EXISTS", "false");
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new KinesisSetupException("Could not start " + nodeJs.node + ": " + e.getMessage(), e);
        }
        KinesisMockServer server = new KinesisMockServer(process, plainPort, log, installation.version);
        try {
            server.awaitHealthy();
            return server;
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
    }

    private void awaitHealthy() {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                String output = Commands.tail(log, 30);
                if (output.contains("EADDRINUSE")) {
                    throw new PortTakenException(output);
                }
                throw new KinesisSetupException("kinesis-mock " + version + " exited with code " + process.exitValue()
                        + " while starting. Its output (" + log + "):\n" + output);
            }
            if (answersHealthCheck()) {
                return;
            }
            Sleeper.sleep(Duration.ofMillis(100));
        }
        throw new KinesisSetupException("kinesis-mock " + version + " did not answer on port " + port + " within "
                + START_TIMEOUT.toSeconds() + " s. Its output (" + log + "):\n" + Commands.tail(log, 30));
    }

    private boolean answersHealthCheck() {
        try {
            HttpURLConnection connection = (HttpURLConnection)
                    endpoint().resolve("/healthcheck").toURL().openConnection();
            connection.setConnectTimeout(1000);
            connection.setReadTimeout(2000);
            try {
                return connection.getResponseCode() == 200;
            } finally {
                connection.disconnect();
            }
        } catch (IOException notYet) {
            return false;
        }
    }

    private static void requireFree(int port) {
        try (ServerSocket probe = new ServerSocket(port)) {
            probe.setReuseAddress(true);
        } catch (BindException e) {
            throw portInUse(port);
        } catch (IOException e) {
            throw new KinesisSetupException("Could not check port " + port + ": " + e.getMessage(), e);
        }
    }

    private static KinesisSetupException portInUse(int port) {
        return new KinesisSetupException("Port " + port + " is already in use, so kinesis-mock cannot listen on it."
                + " Stop the process using it (for example 'lsof -i :" + port + "' shows it) or choose another port;"
                + " in tests, leave " + KinesisTestSettings.MOCK_PORT + " unset to use any free port.");
    }

    /** A port free on every interface, as kinesis-mock binds the wildcard address. */
    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new KinesisSetupException("Could not find a free port: " + e.getMessage(), e);
        }
    }

    private static int freePortOtherThan(int taken) {
        int port;
        do {
            port = freePort();
        } while (port == taken);
        return port;
    }

    /** Kinesis-mock lost a race for a port we had just seen free. */
    private static final class PortTakenException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        PortTakenException(String log) {
            super(log, null, false, false);
        }
    }

    @Override
    public String toString() {
        return "kinesis-mock " + version + " at " + endpoint() + " (log " + log + ")";
    }
}
