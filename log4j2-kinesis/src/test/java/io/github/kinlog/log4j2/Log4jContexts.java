package io.github.kinlog.log4j2;

import java.net.URISyntaxException;
import java.net.URL;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.logging.log4j.core.LoggerContext;

/** Starts a LoggerContext of its own from a configuration file among the test resources. */
final class Log4jContexts {
    private static final AtomicInteger COUNTER = new AtomicInteger();

    private Log4jContexts() {}

    static LoggerContext start(String resource) {
        URL url = Log4jContexts.class.getClassLoader().getResource(resource);
        if (url == null) {
            throw new IllegalArgumentException("No test resource " + resource);
        }
        try {
            LoggerContext context =
                    new LoggerContext("test-" + COUNTER.incrementAndGet() + "-" + resource, null, url.toURI());
            context.start();
            return context;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static KinesisAppender kinesis(LoggerContext context, String name) {
        return context.getConfiguration().getAppender(name);
    }
}
