package io.github.kinlog.logback;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.classic.spi.LoggingEventVO;
import ch.qos.logback.classic.spi.ThrowableProxy;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.kinlog.common.KinlogConfig;
import io.github.kinlog.common.encode.EventEncoder;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.Marker;
import org.slf4j.MarkerFactory;
import org.slf4j.event.KeyValuePair;

class LogbackEventViewTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final EventEncoder ENCODER =
            new EventEncoder(KinlogConfig.builder().buildEncoderSettings());
    private static final Logger LOGGER = LogbackContexts.newContext().getLogger("com.example.Shop");

    private static JsonNode encode(ILoggingEvent event, boolean includeLocation) throws IOException {
        return JSON.readTree(ENCODER.encode(new LogbackEventView(event, includeLocation), 0));
    }

    private static LoggingEvent event(String message, Object... arguments) {
        LoggingEvent event = new LoggingEvent("com.example.Shop", LOGGER, Level.WARN, message, null, arguments);
        event.setThreadName("worker-1");
        event.setInstant(Instant.parse("2026-11-24T04:11:51.555123456Z"));
        return event;
    }

    @Test
    void mapsTheCommonParts() throws IOException {
        LoggingEvent event = event("order {} for {}", 42, "ann");
        event.setMDCPropertyMap(Map.of("user_id", "42"));
        event.addKeyValuePair(new KeyValuePair("order_id", 42));
        event.addKeyValuePair(new KeyValuePair("paid", true));
        Marker audit = MarkerFactory.getDetachedMarker("AUDIT");
        Marker payment = MarkerFactory.getDetachedMarker("PAYMENT");
        payment.add(audit);
        event.addMarker(payment);
        event.setThrowableProxy(new ThrowableProxy(new IllegalStateException("declined")));

        JsonNode json = encode(event, false);

        assertThat(json.get("ts").asText()).isEqualTo("2026-11-24T04:11:51.555123Z");
        assertThat(json.get("level").asText()).isEqualTo("WARN");
        assertThat(json.get("logger").asText()).isEqualTo("com.example.Shop");
        assertThat(json.get("thread").asText()).isEqualTo("worker-1");
        assertThat(json.get("message").asText()).isEqualTo("order 42 for ann");
        assertThat(json.get("mdc").get("user_id").asText()).isEqualTo("42");
        assertThat(json.get("fields").get("order_id").asInt()).isEqualTo(42);
        assertThat(json.get("fields").get("paid").asBoolean()).isTrue();
        assertThat(JSON.convertValue(json.get("markers"), List.class)).containsExactly("PAYMENT", "AUDIT");
        assertThat(json.get("error").get("type").asText()).isEqualTo("java.lang.IllegalStateException");
        assertThat(json.get("error").get("message").asText()).isEqualTo("declined");
        assertThat(json.has("source")).isFalse();
    }

    @Test
    void aThrowableKnownOnlyByItsProxyIsRendered() throws IOException {
        IllegalStateException cause = new IllegalStateException("root");
        RuntimeException error = new RuntimeException("top", cause);
        error.addSuppressed(new IllegalArgumentException("also"));
        LoggingEvent event = event("failed");
        event.setThrowableProxy(new ThrowableProxy(error));
        // What a remote event carries: copies of the event and its proxy, with no throwable behind them.
        ILoggingEvent remote = LoggingEventVO.build(event);

        String stack = encode(remote, false).get("error").get("stack").asText();

        assertThat(stack)
                .startsWith("java.lang.RuntimeException: top\n\tat io.github.kinlog.logback.LogbackEventViewTest")
                .contains("\tSuppressed: java.lang.IllegalArgumentException: also")
                .contains("Caused by: java.lang.IllegalStateException: root");
    }

    @Test
    void callerDataOnlyWhenIncluded() throws IOException {
        LoggingEvent event = event("located");
        event.setCallerData(
                new StackTraceElement[] {new StackTraceElement("com.example.Shop", "order", "Shop.java", 7)});

        assertThat(encode(event, false).has("source")).isFalse();
        JsonNode source = encode(event, true).get("source");
        assertThat(source.get("class").asText()).isEqualTo("com.example.Shop");
        assertThat(source.get("line").asInt()).isEqualTo(7);
    }

    @Test
    void markersThatReferToEachOtherAreListedOnce() throws IOException {
        Marker a = MarkerFactory.getDetachedMarker("A");
        Marker b = MarkerFactory.getDetachedMarker("B");
        a.add(b);
        b.add(a);
        LoggingEvent event = event("cyclic");
        event.addMarker(a);

        assertThat(JSON.convertValue(encode(event, false).get("markers"), List.class))
                .containsExactly("A", "B");
    }
}
