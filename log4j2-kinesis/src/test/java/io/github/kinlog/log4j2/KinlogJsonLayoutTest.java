package io.github.kinlog.log4j2;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.impl.Log4jLogEvent;
import org.apache.logging.log4j.message.SimpleMessage;
import org.junit.jupiter.api.Test;

class KinlogJsonLayoutTest {
    @Test
    void writesOneJsonObjectPerLine() throws Exception {
        KinlogJsonLayout layout = KinlogJsonLayout.newBuilder()
                .setService("shop")
                .setFields(StaticField.createField("team", "payments"))
                .build();

        byte[] line = layout.toByteArray(Log4jLogEvent.newBuilder()
                .setLevel(Level.INFO)
                .setLoggerName("l")
                .setMessage(new SimpleMessage("hello"))
                .build());

        String text = new String(line, StandardCharsets.UTF_8);
        assertThat(text).endsWith("}\n").doesNotContain("}\n{");
        JsonNode json = new ObjectMapper().readTree(text);
        assertThat(json.get("message").asText()).isEqualTo("hello");
        assertThat(json.get("service").asText()).isEqualTo("shop");
        assertThat(json.get("team").asText()).isEqualTo("payments");
        assertThat(layout.getContentType()).startsWith("application/json");
    }

    @Test
    void theDelimiterCanBeChangedOrRemoved() {
        KinlogJsonLayout bare =
                KinlogJsonLayout.newBuilder().setEventDelimiter("").build();
        byte[] record = bare.toByteArray(
                Log4jLogEvent.newBuilder().setMessage(new SimpleMessage("x")).build());
        assertThat(new String(record, StandardCharsets.UTF_8)).endsWith("}");
    }

    @Test
    void invalidOptionsAreReportedAndNoLayoutIsMade() {
        try (StatusMessages messages = new StatusMessages()) {
            assertThat(KinlogJsonLayout.newBuilder().setMaxStringBytes(10).build())
                    .isNull();
            assertThat(messages.messages())
                    .anySatisfy(message -> assertThat(message).contains("maxStringBytes must be between 64"));
        }
    }
}
