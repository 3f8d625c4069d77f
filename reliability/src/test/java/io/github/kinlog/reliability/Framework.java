package io.github.kinlog.reliability;

import io.github.kinlog.testsupport.KinesisEndpoint;
import io.github.kinlog.testsupport.TestStream;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/** The two frameworks Kinlog has appenders for, each started from a configuration file as an application would. */
enum Framework {
    LOG4J2,
    LOGBACK;

    /**
     * Starts a logging system of its own with one Kinesis appender writing to {@code stream} at {@code endpoint}, with
     * these appender options on top (names as in the README's reference table).
     */
    LoggingApp start(String stream, URI endpoint, Map<String, String> options) {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("streamName", stream);
        all.put("region", "us-east-1");
        all.put("endpoint", endpoint.toString());
        all.putAll(options);
        return switch (this) {
            case LOG4J2 -> new Log4j2App(stream, all);
            case LOGBACK -> new LogbackApp(stream, all);
        };
    }

    /** Starts against the stream's own endpoint (kinesis-mock), with its credentials exported for the SDK. */
    LoggingApp start(TestStream stream, Map<String, String> options) {
        KinesisEndpoint kinesis = stream.endpoint();
        Fleet.exportCredentials(kinesis);
        return start(stream.name(), kinesis.endpointOverride().orElseThrow(), options);
    }

    /** The name in reports. */
    String display() {
        return this == LOG4J2 ? "Log4j2" : "Logback";
    }

    static String xmlEscape(String value) {
        return value.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
