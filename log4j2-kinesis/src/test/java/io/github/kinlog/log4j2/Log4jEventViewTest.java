package io.github.kinlog.log4j2;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.kinlog.common.KinlogConfig;
import io.github.kinlog.common.encode.EventEncoder;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.Marker;
import org.apache.logging.log4j.MarkerManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.impl.Log4jLogEvent;
import org.apache.logging.log4j.core.time.MutableInstant;
import org.apache.logging.log4j.message.ParameterizedMessage;
import org.apache.logging.log4j.message.StringMapMessage;
import org.apache.logging.log4j.message.StructuredDataMessage;
import org.apache.logging.log4j.spi.DefaultThreadContextStack;
import org.apache.logging.log4j.util.SortedArrayStringMap;
import org.junit.jupiter.api.Test;

class Log4jEventViewTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final EventEncoder ENCODER =
            new EventEncoder(KinlogConfig.builder().buildEncoderSettings());

    private static JsonNode encode(LogEvent event, boolean includeLocation) throws IOException {
        return JSON.readTree(ENCODER.encode(new Log4jEventView(event, includeLocation), 0));
    }

    private static Log4jLogEvent.Builder event() {
        MutableInstant instant = new MutableInstant();
        instant.initFromEpochSecond(1_795_000_000L, 123_456_789);
        return Log4jLogEvent.newBuilder()
                .setLoggerName("com.example.Shop")
                .setLevel(Level.WARN)
                .setThreadName("worker-1")
                .setInstant(instant)
                .setMessage(new ParameterizedMessage("order {} for {}", 42, "ann"));
    }

    @Test
    void mapsTheCommonParts() throws IOException {
        SortedArrayStringMap context = new SortedArrayStringMap();
        context.putValue("user_id", "42");
        context.putValue("request_id", "r-1");
        DefaultThreadContextStack stack = new DefaultThreadContextStack(true);
        stack.push("outer");
        stack.push("inner");
        Marker parent = MarkerManager.getMarker("AUDIT");
        Marker child = MarkerManager.getMarker("PAYMENT").setParents(parent);

        JsonNode json = encode(
                event().setContextData(context)
                        .setContextStack(stack)
                        .setMarker(child)
                        .setThrown(new IllegalStateException("declined"))
                        .build(),
                false);

        assertThat(json.get("ts").asText()).isEqualTo("2026-11-18T11:06:40.123456Z");
        assertThat(json.get("level").asText()).isEqualTo("WARN");
        assertThat(json.get("logger").asText()).isEqualTo("com.example.Shop");
        assertThat(json.get("thread").asText()).isEqualTo("worker-1");
        assertThat(json.get("message").asText()).isEqualTo("order 42 for ann");
        assertThat(JSON.convertValue(json.get("mdc"), Map.class))
                .isEqualTo(Map.of("user_id", "42", "request_id", "r-1"));
        assertThat(JSON.convertValue(json.get("ndc"), List.class)).containsExactly("outer", "inner");
        assertThat(JSON.convertValue(json.get("markers"), List.class)).containsExactly("PAYMENT", "AUDIT");
        assertThat(json.get("error").get("type").asText()).isEqualTo("java.lang.IllegalStateException");
        assertThat(json.get("error").get("message").asText()).isEqualTo("declined");
        assertThat(json.has("source")).isFalse();
    }

    @Test
    void mapMessagesBecomeFields() throws IOException {
        StringMapMessage map = new StringMapMessage().with("message", "paid").with("order_id", "42");

        JsonNode json = encode(event().setMessage(map).build(), false);

        assertThat(json.get("message").asText()).isEqualTo("paid");
        assertThat(JSON.convertValue(json.get("fields"), Map.class)).isEqualTo(Map.of("order_id", "42"));
    }

    @Test
    void mapMessagesWithoutATextKeepTheirUsualText() throws IOException {
        JsonNode json =
                encode(event().setMessage(new StringMapMessage().with("a", "1")).build(), false);

        assertThat(json.get("message").asText()).isEqualTo("a=\"1\"");
        assertThat(json.get("fields").get("a").asText()).isEqualTo("1");
    }

    @Test
    void structuredDataMessagesKeepTheirTextAndData() throws IOException {
        StructuredDataMessage message = new StructuredDataMessage("order@1", "Order placed", "audit");
        message.put("order_id", "42");

        JsonNode json = encode(event().setMessage(message).build(), false);

        assertThat(json.get("message").asText()).isEqualTo("Order placed");
        assertThat(json.get("fields").get("order_id").asText()).isEqualTo("42");
    }

    @Test
    void sourceLocationOnlyWhenIncluded() throws IOException {
        LogEvent located = event().setSource(new StackTraceElement("com.example.Shop", "order", "Shop.java", 12))
                .build();

        assertThat(encode(located, false).has("source")).isFalse();
        JsonNode source = encode(located, true).get("source");
        assertThat(source.get("class").asText()).isEqualTo("com.example.Shop");
        assertThat(source.get("method").asText()).isEqualTo("order");
        assertThat(source.get("file").asText()).isEqualTo("Shop.java");
        assertThat(source.get("line").asInt()).isEqualTo(12);
    }
}
