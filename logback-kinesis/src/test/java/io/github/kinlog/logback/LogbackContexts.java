package io.github.kinlog.logback;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import ch.qos.logback.core.status.Status;
import java.net.URL;
import java.util.List;
import org.slf4j.MDC;

/** Starts a Logback context of its own from a configuration file among the test resources. */
final class LogbackContexts {
    private LogbackContexts() {}

    static LoggerContext start(String resource) {
        LoggerContext context = newContext();
        context.setName(resource);
        configure(context, resource);
        return context;
    }

    /** Reads a configuration into the context, as after a reset. */
    static void configure(LoggerContext context, String resource) {
        URL url = LogbackContexts.class.getClassLoader().getResource(resource);
        if (url == null) {
            throw new IllegalArgumentException("No test resource " + resource);
        }
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        try {
            configurator.doConfigure(url);
        } catch (JoranException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A context as SLF4J's provider would make it. Logback 1.5 reads the MDC through the context's adapter, which must
     * be the one {@code org.slf4j.MDC} writes to.
     */
    static LoggerContext newContext() {
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(MDC.getMDCAdapter());
        return context;
    }

    static KinesisAppender kinesis(LoggerContext context, String name) {
        return (KinesisAppender)
                context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).getAppender(name);
    }

    /** Every status message of the context, with its level. */
    static List<String> status(LoggerContext context) {
        return context.getStatusManager().getCopyOfStatusList().stream()
                .map(status -> level(status) + " " + status.getMessage())
                .toList();
    }

    private static String level(Status status) {
        return switch (status.getLevel()) {
            case Status.ERROR -> "ERROR";
            case Status.WARN -> "WARN";
            default -> "INFO";
        };
    }
}
