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
import java.util.Iterator;
import java.util.Map;

/** Checks records as a strict consumer would: UTF-8, one JSON object, string limits. */
public final class Records {
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private Records() {}

    /** Decodes strictly and parses; fails the test if the bytes are not one valid UTF-8 JSON object. */
    public static JsonNode parse(byte[] record) {
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
            JsonNode node = JSON.readTree(text);
            assertThat(node.isObject()).as("record is a JSON object").isTrue();
            return node;
        } catch (IOException e) {
            throw new AssertionError("record is not valid JSON: " + e + "\n" + abbreviate(text), e);
        }
    }

    /** Parses and checks every string (keys too) against {@code maxStringBytes} and for surrogates. */
    public static JsonNode parseWithin(byte[] record, int maxStringBytes) {
        JsonNode node = parse(record);
        checkStrings(node, maxStringBytes, "$");
        return node;
    }

    private static void checkStrings(JsonNode node, int maxStringBytes, String path) {
        if (node.isTextual()) {
            checkString(node.textValue(), maxStringBytes, path);
        } else if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                checkString(entry.getKey(), maxStringBytes, path + " key");
                checkStrings(entry.getValue(), maxStringBytes, path + "." + entry.getKey());
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                checkStrings(node.get(i), maxStringBytes, path + "[" + i + "]");
            }
        }
    }

    private static void checkString(String value, int maxStringBytes, String path) {
        int bytes = value.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > maxStringBytes) {
            fail(path + " has " + bytes + " UTF-8 bytes, over the limit of " + maxStringBytes);
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c)
                    && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                fail(path + " holds a lone surrogate at " + i);
            }
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 500 ? text : text.substring(0, 500) + "...";
    }
}
