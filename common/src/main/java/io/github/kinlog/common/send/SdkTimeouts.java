package io.github.kinlog.common.send;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;

/**
 * Bounds each call and its one attempt (the SDK's retries are off, {@link SdkRetries}) at {@code requestTimeout} with
 * the SDK's own timeouts, which interrupt the call and abort its HTTP request.
 *
 * <p>The SDK arms two timers per call and cancels them when the call returns. Its default timer pool (five threads)
 * keeps cancelled timers queued until they would have fired, so at 20 requests a second a timer thread wakes 40 times
 * a second, {@code requestTimeout} after each call, for nothing: about 0.3 µs of CPU per event at 10,000 events a
 * second. Where the SDK takes a timer pool of the application's (newer SDKs; 2.14 has no such option), Kinlog gives it
 * one thread of its own that drops a timer as soon as it is cancelled, and so wakes only to arm the next one or when a
 * call really runs late.
 */
final class SdkTimeouts {
    private static final boolean OWN_TIMER = hasMethod(
            ClientOverrideConfiguration.Builder.class, "scheduledExecutorService", ScheduledExecutorService.class);

    private SdkTimeouts() {}

    /**
     * Sets the call and attempt timeouts; where the SDK allows it, on a timer thread of Kinlog's, added to
     * {@code owned} to be shut down when the transport closes (the SDK never shuts down a pool it was given).
     */
    static ClientOverrideConfiguration.Builder bound(
            ClientOverrideConfiguration.Builder override, Duration timeout, String name, List<AutoCloseable> owned) {
        override.apiCallAttemptTimeout(timeout).apiCallTimeout(timeout);
        if (OWN_TIMER) {
            ScheduledThreadPoolExecutor timer =
                    new ScheduledThreadPoolExecutor(1, KinlogThreads.factory("kinlog-timeout-" + name));
            timer.setRemoveOnCancelPolicy(true);
            owned.add(timer::shutdownNow);
            ownTimer(override, timer);
        }
        return override;
    }

    // A method of its own, so that an SDK without the option never links the call that names it.
    private static void ownTimer(ClientOverrideConfiguration.Builder override, ScheduledExecutorService timer) {
        override.scheduledExecutorService(timer);
    }

    private static boolean hasMethod(Class<?> type, String name, Class<?>... parameters) {
        try {
            type.getMethod(name, parameters);
            return true;
        } catch (NoSuchMethodException | LinkageError e) {
            return false;
        }
    }
}
