package io.github.kinlog.redshift;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import io.github.kinlog.common.encode.EventField;
import io.github.kinlog.common.encode.Utf8Text;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Tells whether a Kinesis record would be ingested by the generated streaming view and read back whole by the load
 * and the live view: valid UTF-8 JSON within the record limit, either one event (a JSON object) or a packed record (a
 * JSON array of one or more events); every event with a {@code ts} they convert, every string within Redshift's
 * limit, every number one Redshift holds. Used by the tests over hostile input, and by users who want to check
 * records of their own.
 */
public final class IngestibilityCheck {
    /** Kinesis: a record's data and partition key together. */
    public static final int DEFAULT_MAX_RECORD_BYTES = 1024 * 1024;

    /** The longest VARCHAR, and the longest string SUPER holds unless the larger limit is turned on. */
    public static final int DEFAULT_MAX_STRING_BYTES = 65_535;

    /** SUPER's deepest nesting of objects and arrays. */
    static final int MAX_DEPTH = 1000;

    private static final int MAX_DECIMAL_DIGITS = 38;

    private final int maxRecordBytes;
    private final int maxStringBytes;
    private final JsonFactory json;

    private IngestibilityCheck(int maxRecordBytes, int maxStringBytes) {
        this.maxRecordBytes = maxRecordBytes;
        this.maxStringBytes = maxStringBytes;
        this.json = new JsonFactoryBuilder()
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxStringLength(Integer.MAX_VALUE)
                        .maxNameLength(Integer.MAX_VALUE)
                        .maxNestingDepth(MAX_DEPTH)
                        .maxNumberLength(10_000)
                        .build())
                .build();
    }

    /** The limits of a stream and cluster with default settings. */
    public static IngestibilityCheck defaults() {
        return new IngestibilityCheck(DEFAULT_MAX_RECORD_BYTES, DEFAULT_MAX_STRING_BYTES);
    }

    /** Other limits: a stream with a larger record size, or strings of up to 16,000,000 bytes turned on in SUPER. */
    public static IngestibilityCheck withLimits(int maxRecordBytes, int maxStringBytes) {
        if (maxRecordBytes < 1 || maxStringBytes < 1) {
            throw new IllegalArgumentException("limits must be positive");
        }
        return new IngestibilityCheck(maxRecordBytes, maxStringBytes);
    }

    /** Checks a record's data, as if sent with an empty partition key. */
    public Result check(byte[] data) {
        return check(data, "");
    }

    /** Checks a record's data and partition key. */
    public Result check(byte[] data, String partitionKey) {
        List<String> problems = new ArrayList<>();
        long size = (long) data.length + Utf8Text.utf8Length(partitionKey);
        if (size > maxRecordBytes) {
            problems.add("record is " + size + " bytes with its partition key, above the limit of " + maxRecordBytes);
        }
        if (data.length == 0) {
            problems.add("record is empty");
            return new Result(problems);
        }
        if (!validUtf8(data)) {
            problems.add("record is not valid UTF-8");
            return new Result(problems);
        }
        if (data.length >= 3 && (data[0] & 0xFF) == 0xEF && (data[1] & 0xFF) == 0xBB && (data[2] & 0xFF) == 0xBF) {
            problems.add("record starts with a byte order mark");
        }
        try (JsonParser parser = json.createParser(data)) {
            JsonToken first = parser.nextToken();
            if (first == JsonToken.START_OBJECT) {
                walkObject(parser, "", true, problems);
            } else if (first == JsonToken.START_ARRAY) {
                walkPack(parser, problems);
            } else {
                problems.add("record is not a JSON object nor an array of them");
                return new Result(problems);
            }
            if (parser.nextToken() != null) {
                problems.add("record holds more than one JSON value");
            }
        } catch (JsonProcessingException e) {
            problems.add("record is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException | RuntimeException e) {
            problems.add("record could not be read as JSON: " + e);
        }
        return new Result(problems);
    }

    /**
     * Walks a packed record, whose START_ARRAY was just read: each element must be an event, as a record of its own
     * would be. The load reads only the objects of a pack, so anything else there would be lost.
     */
    private void walkPack(JsonParser parser, List<String> problems) throws IOException {
        int index = 0;
        for (JsonToken element = parser.nextToken(); element != JsonToken.END_ARRAY; element = parser.nextToken()) {
            if (element == JsonToken.START_OBJECT) {
                walkObject(parser, "[" + index + "]", true, problems);
            } else {
                problems.add("[" + index + "] is not a JSON object: a packed record holds only events");
                parser.skipChildren();
            }
            index++;
        }
        if (index == 0) {
            problems.add("record is an empty array: a packed record holds at least one event");
        }
    }

    /**
     * Walks the object whose START_OBJECT was just read, at {@code path}; an event is a record's object or a pack's
     * element.
     */
    private void walkObject(JsonParser parser, String path, boolean event, List<String> problems) throws IOException {
        boolean sawTs = false;
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_OBJECT; token = parser.nextToken()) {
            String name = parser.currentName();
            String at = path.isEmpty() ? name : path + "." + name;
            checkString(name, "name of " + at, problems);
            JsonToken value = parser.nextToken();
            if (event && EventField.TS.jsonName().equals(name)) {
                sawTs = true;
                if (value != JsonToken.VALUE_STRING
                        || !EventField.TS_FORMAT.matcher(parser.getText()).matches()) {
                    problems.add(at + " is not of the form 2026-11-24T04:11:51.555123Z: " + parser.getText());
                }
            }
            walkValue(parser, value, at, problems);
        }
        if (event && !sawTs) {
            problems.add((path.isEmpty() ? "record" : path) + " has no ts");
        }
    }

    private void walkValue(JsonParser parser, JsonToken value, String at, List<String> problems) throws IOException {
        switch (value) {
            case START_OBJECT -> walkObject(parser, at, false, problems);
            case START_ARRAY -> {
                int index = 0;
                for (JsonToken element = parser.nextToken();
                        element != JsonToken.END_ARRAY;
                        element = parser.nextToken()) {
                    walkValue(parser, element, at + "[" + index++ + "]", problems);
                }
            }
            case VALUE_STRING -> checkString(parser.getText(), at, problems);
            case VALUE_NUMBER_INT -> {
                if (parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
                    problems.add(at + " is an integer beyond 64 bits");
                }
            }
            case VALUE_NUMBER_FLOAT -> checkDecimal(parser, at, problems);
            default -> {
                // true, false and null need nothing
            }
        }
    }

    private void checkString(String text, String at, List<String> problems) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                // VARCHAR refuses code points U+D800 to U+DFFF, which a JSON escape can still spell.
                problems.add(at + " holds an unpaired surrogate at index " + i);
                return;
            }
        }
        int bytes = Utf8Text.utf8Length(text);
        if (bytes > maxStringBytes) {
            problems.add(at + " is " + bytes + " UTF-8 bytes, above the string limit of " + maxStringBytes);
        }
    }

    private static void checkDecimal(JsonParser parser, String at, List<String> problems) throws IOException {
        String text = parser.getText();
        if (text.indexOf('e') >= 0 || text.indexOf('E') >= 0) {
            double number = Double.parseDouble(text);
            if (!Double.isFinite(number)) {
                problems.add(at + " is out of the range of DOUBLE PRECISION: " + text);
            }
            return;
        }
        BigDecimal number = new BigDecimal(text);
        if (Math.max(number.precision(), number.scale()) > MAX_DECIMAL_DIGITS) {
            problems.add(at + " has more than " + MAX_DECIMAL_DIGITS + " digits, more than DECIMAL holds: " + text);
        }
    }

    private static boolean validUtf8(byte[] data) {
        try {
            // Java's decoder refuses overlong forms and encoded surrogates, as Redshift does.
            StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(data));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** The outcome: no problems means the record would be ingested and read back whole. */
    public record Result(List<String> problems) {
        public Result {
            problems = List.copyOf(problems);
        }

        public boolean ingestible() {
            return problems.isEmpty();
        }

        @Override
        public String toString() {
            return ingestible() ? "ingestible" : "not ingestible: " + String.join("; ", problems);
        }
    }
}
