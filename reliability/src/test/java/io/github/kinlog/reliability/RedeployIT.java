package io.github.kinlog.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.kinlog.testsupport.KinesisEndpoint;
import io.github.kinlog.testsupport.KinesisExtension;
import io.github.kinlog.testsupport.TestStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.ref.WeakReference;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.management.ObjectName;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Isolated;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A servlet container redeploying an application 50 times: each deployment in a class loader of its own, with the
 * appender, the logging framework and the AWS SDK inside it. After the last undeployment nothing of them may remain:
 * every class loader is collected (so no thread, ThreadLocal value, shutdown hook or MBean of ours holds one), no
 * Kinlog thread is alive, and the thread count and heap are back to where they started.
 */
@ExtendWith(KinesisExtension.class)
@Isolated("counts the JVM's threads and measures its heap")
class RedeployIT {
    private static final int DEPLOYMENTS = 50;
    private static final int EVENTS = 10;
    private static final long HEAP_SLACK_BYTES = 16L * 1024 * 1024;

    @TempDir
    Path directory;

    @ParameterizedTest
    @EnumSource(Framework.class)
    void fiftyRedeploymentsLeaveNothingBehind(Framework framework, KinesisEndpoint kinesis, TestStream stream)
            throws Exception {
        assumeTrue(kinesis.managesStreams(), "writes 1,000 records");
        Fleet.exportCredentials(kinesis);
        URL[] classPath = webappClassPath();
        // Warm the JVM's own lazily started threads and caches with one deployment before taking the baseline.
        deployOnce(framework, stream, classPath, "warm-up");
        forceGc();
        int baselineThreads = Thread.activeCount();
        long baselineHeap = usedHeap();

        List<WeakReference<ClassLoader>> loaders = new ArrayList<>();
        List<String> logged = new ArrayList<>();
        for (int deployment = 1; deployment <= DEPLOYMENTS; deployment++) {
            String prefix = "deployment-" + deployment;
            loaders.add(new WeakReference<>(deployOnce(framework, stream, classPath, prefix)));
            for (int i = 0; i < EVENTS; i++) {
                logged.add(prefix + "-" + i);
            }
        }

        int collected = 0;
        for (int attempt = 0; attempt < 20 && collected < DEPLOYMENTS; attempt++) {
            forceGc();
            collected = (int) loaders.stream().filter(ref -> ref.get() == null).count();
        }
        int threads = Thread.activeCount();
        long heap = usedHeap();
        Report.note(
                "50 redeployments",
                String.format(
                        Locale.ROOT,
                        "%s: %d of %d class loaders collected; threads %d -> %d; heap after GC %.1f -> %.1f MB",
                        framework.display(),
                        collected,
                        DEPLOYMENTS,
                        baselineThreads,
                        threads,
                        baselineHeap / 1e6,
                        heap / 1e6));

        assertThat(collected)
                .as("class loaders of undeployed applications collected")
                .isEqualTo(DEPLOYMENTS);
        assertThat(Thread.getAllStackTraces().keySet())
                .as("Kinlog threads still alive")
                .noneMatch(thread -> thread.getName().startsWith("kinlog"));
        assertThat(threads).as("live threads").isLessThanOrEqualTo(baselineThreads);
        assertThat(heap).as("heap used after GC").isLessThan(baselineHeap + HEAP_SLACK_BYTES);
        assertThat(ManagementFactory.getPlatformMBeanServer().queryNames(new ObjectName("io.github.kinlog:*"), null))
                .as("Kinlog MBeans still registered")
                .isEmpty();

        Set<String> delivered = new HashSet<>();
        stream.readAll()
                .forEach(record -> delivered.add(
                        Reconciliation.parse(record.data()).path("message").asText()));
        assertThat(delivered).containsAll(logged);
    }

    /** Deploys, runs and undeploys the application in a new class loader, and returns that loader. */
    private ClassLoader deployOnce(Framework framework, TestStream stream, URL[] classPath, String prefix)
            throws Exception {
        URLClassLoader loader = new URLClassLoader("webapp-" + prefix, classPath, ClassLoader.getPlatformClassLoader());
        Thread current = Thread.currentThread();
        ClassLoader previous = current.getContextClassLoader();
        current.setContextClassLoader(loader);
        try {
            Object counts = loader.loadClass(Webapp.class.getName())
                    .getMethod("deploy", String.class, String.class, String.class, String.class, int.class)
                    .invoke(
                            null,
                            framework.name(),
                            stream.name(),
                            stream.endpoint().endpointOverride().orElseThrow().toString(),
                            prefix,
                            EVENTS);
            assertThat(counts).as("accepted and sent").isEqualTo(EVENTS + " " + EVENTS);
        } finally {
            current.setContextClassLoader(previous);
            loader.close();
        }
        return loader;
    }

    /**
     * This JVM's class path, plus a directory holding what a web application's Log4j2 finds for itself: that it runs in
     * a container, so it registers no JVM shutdown hook (the container stops it instead).
     */
    private URL[] webappClassPath() throws IOException {
        Path webappOnly = Files.createDirectories(directory.resolve("webapp"));
        Files.writeString(
                webappOnly.resolve("log4j2.component.properties"),
                "log4j2.isWebapp=true\nlog4j.shutdownHookEnabled=false\n");
        List<URL> urls = new ArrayList<>();
        urls.add(webappOnly.toUri().toURL());
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            urls.add(Path.of(entry).toUri().toURL());
        }
        return urls.toArray(URL[]::new);
    }

    private static long usedHeap() {
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }

    private static void forceGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Reconciliation.sleep(100);
        }
    }
}
