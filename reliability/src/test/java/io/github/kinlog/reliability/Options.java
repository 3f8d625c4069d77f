package io.github.kinlog.reliability;

import java.util.LinkedHashMap;
import java.util.Map;

/** Appender options for a case, by the names of the README's reference table. */
final class Options {
    /** Not an appender option: routes the AWS SDK's and Kinlog's own DEBUG logging to the appender. */
    static final String SDK_DEBUG = "sdkDebugLogging";

    /** Not an appender option: Log4j2's configuration without its JVM shutdown hook, as in a web application. */
    static final String NO_SHUTDOWN_HOOK = "noShutdownHook";

    /** Not an appender option: Logback prints its status messages on the console. */
    static final String CONSOLE_STATUS = "consoleStatus";

    private Options() {}

    /**
     * Short timings, so that a case's retries and recoveries happen within seconds. The request timeout stays at its
     * default: kinesis-mock keeps working on a request the client gave up on, so a short one would only add load.
     */
    static Map<String, String> quick() {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("lingerMs", "50");
        options.put("retryBackoffMs", "50");
        options.put("retryMaxBackoffMs", "1000");
        options.put("shutdownTimeoutMs", "10000");
        options.put("flushOnExit", "false");
        options.put("jmx", "false");
        return options;
    }

    static Map<String, String> quick(String... overrides) {
        Map<String, String> options = quick();
        for (int i = 0; i < overrides.length; i += 2) {
            options.put(overrides[i], overrides[i + 1]);
        }
        return options;
    }
}
