package io.github.kinlog.logback;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class KinlogJsonEncoderTest {
    private static LoggingEvent event() {
        LoggerContext context = LogbackContexts.newContext();
        return new LoggingEvent("x", context.getLogger("l"), Level.INFO, "hello", null, null);
    }

    @Test
    void writesOneJsonObjectPerLine() throws Exception {
        KinlogJsonEncoder encoder = new KinlogJsonEncoder();
        encoder.setContext(LogbackContexts.newContext());
        encoder.setService("shop");
        StaticField team = new StaticField();
        team.setName("team");
        team.setValue("payments");
        encoder.addField(team);
        encoder.start();

        String line = new String(encoder.encode(event()), StandardCharsets.UTF_8);

        assertThat(line).endsWith("}\n");
        JsonNode json = new ObjectMapper().readTree(line);
        assertThat(json.get("message").asText()).isEqualTo("hello");
        assertThat(json.get("service").asText()).isEqualTo("shop");
        assertThat(json.get("team").asText()).isEqualTo("payments");
    }

    @Test
    void invalidOptionsLeaveItStoppedWithAnError() {
        LoggerContext context = LogbackContexts.newContext();
        KinlogJsonEncoder encoder = new KinlogJsonEncoder();
        encoder.setContext(context);
        encoder.setMaxStringBytes(10);
        encoder.start();

        assertThat(encoder.isStarted()).isFalse();
        assertThat(LogbackContexts.status(context))
                .anySatisfy(message -> assertThat(message).contains("maxStringBytes must be between 64"));
    }
}
