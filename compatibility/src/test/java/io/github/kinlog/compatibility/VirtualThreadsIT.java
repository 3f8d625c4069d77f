package io.github.kinlog.compatibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.kinlog.testsupport.KinesisEndpoint;
import io.github.kinlog.testsupport.KinesisExtension;
import io.github.kinlog.testsupport.TestStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import jdk.jfr.consumer.RecordedClass;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * 10,000 virtual threads log at once through the Logback appender, on a JDK 21 or newer, with a buffer small enough
 * that callers wait for room (bufferFullPolicy block). Every event must be delivered, and Java Flight Recorder must
 * see no monitor of Kinlog's entered with contention or waited on, and no virtual thread pinned or blocked on any
 * monitor under the appender.
 */
@ExtendWith(KinesisExtension.class)
class VirtualThreadsIT {
    private static final int THREADS = 10_000;

    @TempDir
    Path scratch;

    @Test
    void tenThousandVirtualThreadsAreNeitherPinnedNorBlockedOnAMonitorByKinlog(KinesisEndpoint kinesis)
            throws Exception {
        Optional<Path> jdk = Jdks.withVirtualThreads();
        assumeTrue(jdk.isPresent(), "no JDK 21 or newer here: set -Dkinlog.compat.java to one");
        TestStream stream = kinesis.createStream(kinesis.uniqueStreamName("virtual"), 2);
        Path recording = scratch.resolve("locks.jfr");
        Path settings = scratch.resolve("caller-path-locks.jfc");
        try (InputStream jfc = VirtualThreadsIT.class.getResourceAsStream("/caller-path-locks.jfc")) {
            Files.copy(jfc, settings);
        }

        String output = ContractRun.in(scratch)
                .java(jdk.get())
                .version(ContractRun.NEWEST_LOGBACK)
                .property("kinlog.bufferBytes", "1049600") // the least allowed: about 2,000 events
                .property("kinlog.bufferFullPolicy", "block")
                .property("kinlog.maxBlockMs", "120000")
                // Sending slower than 10,000 threads log, so that they wait for room.
                .property("kinlog.maxBatchRecords", "20")
                .property("kinlog.maxInFlight", "1")
                .property("kinlog.shutdownTimeoutMs", "60000")
                .jvmOption("-XX:StartFlightRecording=filename=" + recording + ",settings=" + settings)
                .run(VirtualThreadsProgram.class, stream, kinesis, Integer.toString(THREADS));

        assertThat(output)
                .contains(VirtualThreadsProgram.COUNTS + " accepted=" + (THREADS + 1) + " sent=" + (THREADS + 1)
                        + " dropped=0");
        List<String> kinlogMonitors = new ArrayList<>();
        for (RecordedEvent event : RecordingFile.readAllEvents(recording)) {
            String name = event.getEventType().getName();
            if (!name.equals("jdk.JavaMonitorEnter")
                    && !name.equals("jdk.JavaMonitorWait")
                    && !name.equals("jdk.VirtualThreadPinned")) {
                continue;
            }
            // A virtual thread waiting on a monitor is unmounted, and its event keeps no useful stack: the monitor's
            // class tells whose it is. (Stopping joins the sender thread, a wait on the main thread, not a caller's.)
            RecordedClass monitor = event.hasField("monitorClass") ? event.getClass("monitorClass") : null;
            RecordedThread thread = event.getThread("eventThread");
            boolean virtual = thread != null && thread.hasField("virtual") && thread.getBoolean("virtual");
            if (virtual && monitor != null && monitor.getName().startsWith("io.github.kinlog.")) {
                kinlogMonitors.add(name + " on " + monitor.getName() + " by " + event.getThread("eventThread"));
            } else if (event.getStackTrace() != null
                    && underAppender(event.getStackTrace().getFrames())) {
                kinlogMonitors.add(name + " " + event.getStackTrace().getFrames());
            }
        }
        assertThat(kinlogMonitors).isEmpty();
    }

    /**
     * Whether the event happened inside a Kinlog appender's append. Class loading is left out: the JDK takes its
     * loader's lock once per class, the first time any code needs it, whichever thread that is.
     */
    private static boolean underAppender(List<RecordedFrame> frames) {
        for (RecordedFrame frame : frames) {
            if (frame.getMethod().getType().getName().equals(ClassLoader.class.getName())
                    && frame.getMethod().getName().equals("loadClass")) {
                return false;
            }
        }
        for (RecordedFrame frame : frames) {
            String type = frame.getMethod().getType().getName();
            if (type.startsWith("io.github.kinlog.")
                    && frame.getMethod().getName().equals("append")) {
                return true;
            }
        }
        return false;
    }
}
