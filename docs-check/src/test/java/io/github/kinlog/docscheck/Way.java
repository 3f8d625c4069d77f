package io.github.kinlog.docscheck;

import java.time.Duration;
import java.util.List;

/** How the check treats one documented command. */
sealed interface Way {
    /** Runs to its end, from the repository's root; exit status 0, and its output contains the given text. */
    record Run(String expect, Duration within) implements Way {}

    /**
     * Starts and keeps running in the background (a server) until every document has been run; ready once its output
     * contains the given text. The ports it listens on must be free before it starts.
     */
    record Start(String readyWhen, List<Integer> ports) implements Way {}

    /** Not run here, for the reason given (an AWS account, a release, this very build, a long measurement). */
    record Skip(String reason) implements Way {}

    static Way run(String expect) {
        return new Run(expect, Duration.ofMinutes(10));
    }

    static Way start(String readyWhen, Integer... ports) {
        return new Start(readyWhen, List.of(ports));
    }

    static Way skip(String reason) {
        return new Skip(reason);
    }
}
