package io.github.kinlog.common.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Checks records as a strict consumer would: UTF-8, one JSON object, and what Redshift ingests. */
public final class Records {
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private Records() {}

    /** Decodes strictly and parses; fails the test if the bytes are not one valid UTF-8 JSON object. */
    public static JsonNode parse(byte[] record) {
        JsonNode node = parseAny(record);
        assertThat(node.isObject()).as("record is a JSON object").isTrue();
        return node;
    }

    /**
     * The events in a record of either format, each checked as {@link #parseWithin} checks a record: the record's one
     * object, or the objects of a packed record's array (never empty, nothing but objects).
     */
    public static List<JsonNode> eventsWithin(byte[] record, int maxStringBytes) {
        JsonNode node = parseAny(record);
        String text = new String(record, StandardCharsets.UTF_8);
        List<JsonNode> events = new ArrayList<>();
        if (node.isArray()) {
            assertThat(node.size()).as("a packed record holds events").isPositive();
            node.forEach(events::add);
        } else {
            events.add(node);
        }
        for (JsonNode event : events) {
            assertThat(event.isObject()).as("every event is a JSON object").isTrue();
            checkStrings(event, "$", maxStringBytes, text);
        }
        return events;
    }

    private static JsonNode parseAny(byte[] record) {
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(record))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new AssertionError("record is not valid UTF-8: " + e, e);
        }
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new AssertionError("record is not valid JSON: " + e + "\n" + abbreviate(text), e);
        }
    }

    /**
     * Parses, and checks that every string in the record, names included, is at most {@code maxStringBytes} UTF-8
     * bytes, as Redshift requires. (The whole ingestibility check lives in kinlog-redshift, which depends on this
     * module; its tests run the encoder's output through it.)
     */
    public static JsonNode parseWithin(byte[] record, int maxStringBytes) {
        JsonNode node = parse(record);
        checkStrings(node, "$", maxStringBytes, new String(record, StandardCharsets.UTF_8));
        return node;
    }

    private static void checkStrings(JsonNode node, String path, int maxStringBytes, String record) {
        if (node.isTextual()) {
            assertWithin(node.textValue(), path, maxStringBytes, record);
        }
        node.fields().forEachRemaining(field -> {
            assertWithin(field.getKey(), path + " (a name)", maxStringBytes, record);
            checkStrings(field.getValue(), path + "." + field.getKey(), maxStringBytes, record);
        });
        for (int i = 0; node.isArray() && i < node.size(); i++) {
            checkStrings(node.get(i), path + "[" + i + "]", maxStringBytes, record);
        }
    }

    private static void assertWithin(String text, String path, int maxStringBytes, String record) {
        int bytes = text.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > maxStringBytes) {
            fail(path + " is " + bytes + " UTF-8 bytes, over " + maxStringBytes + "\n" + abbreviate(record));
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 500 ? text : text.substring(0, 500) + "...";
    }
}
