package io.github.kinlog.common.encode;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.kinlog.common.event.LogEventView;
import io.github.kinlog.common.testing.RandomText;
import io.github.kinlog.common.testing.Records;
import io.github.kinlog.common.testing.TestEvent;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class EventEncoderTest {
    private static final int MAX_STRING = 65_535;
    private static final int MAX_RECORD = 1_048_576;
    private static final Pattern TS = EventField.TS_FORMAT;

    private static EventEncoder encoder(int maxStringBytes, int maxRecordBytes) {
        return new EventEncoder(
                new EncoderSettings(maxStringBytes, maxRecordBytes, 100, null, null, "host-1", Map.of()));
    }

    private static EventEncoder encoder() {
        return encoder(MAX_STRING, MAX_RECORD);
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void typicalEventHasTheSchemaFieldsInOrder() {
        JsonNode json = Records.parse(encoder().encode(TestEvent.typical(), 16));

        assertThat(fieldNames(json))
                .containsExactly(
                        "ts",
                        "level",
                        "logger",
                        "thread",
                        "message",
                        "host",
                        "pid",
                        "seq",
                        "event_id",
                        "schema_version",
                        "mdc");
        assertThat(json.get("ts").asText()).isEqualTo("2026-11-24T04:11:51.555123Z");
        assertThat(json.get("level").asText()).isEqualTo("INFO");
        assertThat(json.get("logger").asText()).isEqualTo("com.example.Shop");
        assertThat(json.get("thread").asText()).isEqualTo("main");
        assertThat(json.get("message").asText()).isEqualTo("Order 1234 placed by user 42 for 99.95 EUR");
        assertThat(json.get("host").asText()).isEqualTo("host-1");
        assertThat(json.get("pid").asLong()).isEqualTo(ProcessHandle.current().pid());
        assertThat(json.get("seq").asLong()).isEqualTo(1);
        assertThat(json.get("schema_version").asInt()).isEqualTo(EventField.SCHEMA_VERSION_NUMBER);
        assertThat(json.get("mdc").get("user_id").asText()).isEqualTo("42");
        assertThat(json.get("mdc").size()).isEqualTo(3);
    }

    @Test
    void everySchemaFieldCanAppearAndNoOtherDoes() {
        EventEncoder encoder = new EventEncoder(new EncoderSettings(
                MAX_STRING, MAX_RECORD, 100, "shop", "prod", null, new LinkedHashMap<>(Map.of("region", "eu-west-1"))));
        TestEvent event = TestEvent.typical().field("order_id", 1234).error(new IllegalStateException("boom"));
        event.markers.add("AUDIT");
        event.ndc.add("outer");
        event.source = new io.github.kinlog.common.event.SourceLocation("com.example.Shop", "order", "Shop.java", 42);
        event.message = "x".repeat(MAX_STRING + 10);

        JsonNode json = Records.parse(encoder.encode(event, 0));

        Set<String> schema = EventField.reservedNames();
        List<String> names = fieldNames(json);
        names.remove("region");
        assertThat(schema).containsAll(names);
        assertThat(names).containsAll(schema);
        assertThat(json.get("service").asText()).isEqualTo("shop");
        assertThat(json.get("env").asText()).isEqualTo("prod");
        assertThat(json.get("region").asText()).isEqualTo("eu-west-1");
        assertThat(json.get("host").asText()).isEqualTo(HostInfo.hostName());
        assertThat(json.get("source").get("line").asInt()).isEqualTo(42);
        assertThat(json.get("fields").get("order_id").asInt()).isEqualTo(1234);
    }

    @Test
    void timestampsHaveExactlySixFractionalDigitsInUtc() {
        TestEvent event = new TestEvent();
        EventEncoder encoder = encoder();
        Map<Instant, String> cases = Map.of(
                Instant.parse("2026-11-24T04:11:51.555123456Z"), "2026-11-24T04:11:51.555123Z",
                Instant.parse("2026-01-01T00:00:00Z"), "2026-01-01T00:00:00.000000Z",
                Instant.parse("1999-12-31T23:59:59.999999999Z"), "1999-12-31T23:59:59.999999Z",
                Instant.parse("2024-02-29T12:34:56.000007Z"), "2024-02-29T12:34:56.000007Z");
        cases.forEach((time, expected) -> {
            event.time = time;
            assertThat(Records.parse(encoder.encode(event, 0)).get("ts").asText())
                    .isEqualTo(expected)
                    .matches(TS);
        });
    }

    /**
     * The typed Redshift view converts ts with a plain CAST to TIMESTAMP, which recognises ISO-8601 such as
     * 2019-02-11T05:09:12.195Z (docs: automatic-recognition.html) with fractional seconds down to microseconds
     * (r_DATEFORMAT_and_TIMEFORMAT_strings.html). Every ts must be of that form and mean the event's instant.
     */
    @Test
    void tsIsTheIso8601FormRedshiftCastsToTimestampForEveryInstant() {
        Pattern documented = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,6})?Z");
        assertThat("2019-02-11T05:09:12.195Z").matches(documented);
        EventEncoder encoder = encoder();
        TestEvent event = new TestEvent();
        Random random = new Random(11);
        long first = Instant.parse("0001-01-01T00:00:00Z").getEpochSecond();
        long last = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
        for (int i = 0; i < 20_000; i++) {
            event.time = Instant.ofEpochSecond(
                    first + (long) (random.nextDouble() * (last - first)), random.nextInt(1_000_000_000));
            String ts = Records.parse(encoder.encode(event, 0)).get("ts").asText();

            assertThat(ts).matches(TS).matches(documented);
            assertThat(Instant.parse(ts)).isEqualTo(event.time.truncatedTo(java.time.temporal.ChronoUnit.MICROS));
        }
        event.time = Instant.parse("-0001-06-01T00:00:00Z");
        assertThat(Records.parse(encoder.encode(event, 0)).get("ts").asText())
                .startsWith("0001-")
                .matches(TS);
    }

    @Test
    void repeatedFieldKeysKeepTheFirstValueAndAreCounted() {
        TestEvent event = new TestEvent() {
            @Override
            public void forEachField(KeyValueVisitor<Object> visitor) {
                visitor.accept("order", 1);
                visitor.accept("order", 2);
                visitor.accept("user", "u");
            }
        };

        JsonNode json = Records.parseWithin(encoder().encode(event, 0), MAX_STRING);

        assertThat(json.get("fields").get("order").asInt()).isEqualTo(1);
        assertThat(fieldNames(json.get("fields"))).containsExactly("order", "user");
        assertThat(json.get("truncated").get("fields").asLong()).isPositive();
    }

    @Test
    void eventIdsAreUniqueTimeOrderedVersion7Uuids() {
        EventEncoder encoder = encoder();
        TestEvent event = new TestEvent();
        Set<String> ids = new HashSet<>();
        long seq = 0;
        for (int i = 0; i < 20_000; i++) {
            event.time = Instant.ofEpochMilli(1_795_000_000_000L + i / 7);
            JsonNode json = Records.parse(encoder.encode(event, 0));
            String id = json.get("event_id").asText();
            UUID uuid = UUID.fromString(id);
            assertThat(uuid.version()).isEqualTo(7);
            assertThat(uuid.variant()).isEqualTo(2);
            assertThat(uuid.getMostSignificantBits() >>> 16).isEqualTo(event.time.toEpochMilli());
            assertThat(ids.add(id)).as("id %s is new", id).isTrue();
            assertThat(json.get("seq").asLong()).isEqualTo(++seq);
        }
        // A second instance (another host, or a restart) draws other random bits.
        String other = Records.parse(encoder().encode(event, 0)).get("event_id").asText();
        assertThat(ids).doesNotContain(other);
    }

    @Test
    void loneSurrogatesBecomeReplacementCharactersAndEmojiSurviveAsUtf8() {
        String text = "a\uD83D\uDE00b\uD83Dc\uDE00d\uD83D";
        byte[] record = encoder().encode(new TestEvent().message(text), 0);

        JsonNode json = Records.parse(record);
        assertThat(json.get("message").asText()).isEqualTo("a\uD83D\uDE00b\uFFFDc\uFFFDd\uFFFD");
        assertThat(new String(record, StandardCharsets.UTF_8))
                .contains("a\uD83D\uDE00b")
                .doesNotContain("\\u");
        assertThat(indexOf(record, new byte[] {(byte) 0xF0, (byte) 0x9F, (byte) 0x98, (byte) 0x80}))
                .isPositive();
    }

    @Test
    void controlCharactersAreEscaped() {
        StringBuilder all = new StringBuilder();
        for (char c = 0; c < 0x20; c++) {
            all.append(c);
        }
        byte[] record = encoder().encode(new TestEvent().message(all + "\u007f\u2028end"), 0);

        for (byte b : record) {
            assertThat(b & 0xFF).as("raw control byte").isGreaterThanOrEqualTo(0x20);
        }
        assertThat(Records.parse(record).get("message").asText()).isEqualTo(all + "\u007f\u2028end");
    }

    @Test
    void randomUnicodeAlwaysGivesValidJsonThatRoundTrips() {
        Random random = new Random(7);
        EventEncoder encoder = encoder(512, 16 * 1024);
        for (int i = 0; i < 3_000; i++) {
            TestEvent event = new TestEvent().message(RandomText.of(random, random.nextInt(300)));
            event.logger = RandomText.of(random, random.nextInt(40));
            event.mdc(RandomText.of(random, 5), RandomText.of(random, random.nextInt(50)));
            event.field(RandomText.of(random, 5), RandomText.of(random, random.nextInt(50)));

            JsonNode json = Records.parseWithin(encoder.encode(event, 0), 512);

            String expected = Utf8Text.repairSurrogates(event.message);
            String actual = json.get("message").asText();
            if (json.has("truncated")) {
                assertThat(expected).startsWith(actual.substring(0, actual.indexOf("\u2026[truncated ")));
            } else {
                assertThat(actual).isEqualTo(expected);
                assertThat(json.get("logger").asText()).isEqualTo(Utf8Text.repairSurrogates(event.logger));
            }
        }
    }

    @Test
    void aStringAtTheLimitIsKeptAndOneByteMoreIsCutOnACharacterBoundary() {
        EventEncoder encoder = encoder(100, MAX_RECORD);

        JsonNode exact = Records.parse(encoder.encode(new TestEvent().message("x".repeat(100)), 0));
        assertThat(exact.get("message").asText()).isEqualTo("x".repeat(100));
        assertThat(exact.has("truncated")).isFalse();

        JsonNode over = Records.parseWithin(encoder.encode(new TestEvent().message("x".repeat(101)), 0), 100);
        String cut = over.get("message").asText();
        assertThat(cut).startsWith("xxxx").endsWith(" bytes]");
        assertThat(utf8(cut)).isLessThanOrEqualTo(100);
        int kept = cut.indexOf('\u2026');
        assertThat(cut).endsWith("\u2026[truncated " + (101 - kept) + " bytes]");
        assertThat(over.get("truncated").get("message").asLong()).isEqualTo(101 - kept);

        // Four-byte characters are never split: the kept part is whole emoji.
        String emoji = "\uD83D\uDE00".repeat(40);
        String cutEmoji = Records.parseWithin(encoder.encode(new TestEvent().message(emoji), 0), 100)
                .get("message")
                .asText();
        String keptEmoji = cutEmoji.substring(0, cutEmoji.indexOf('\u2026'));
        assertThat(keptEmoji.length() % 2).isZero();
        assertThat(emoji).startsWith(keptEmoji);
    }

    @Test
    void aRecordAtTheLimitIsKeptAndOneByteMoreIsShrunkToFit() {
        int limit = 16 * 1024;
        int reserved = 20;
        EventEncoder encoder = encoder(MAX_STRING, limit);
        TestEvent event = new TestEvent();
        int base = encoder.encode(event.message(""), reserved).length;
        String fits = "m".repeat(limit - reserved - base);

        byte[] exact = encoder.encode(event.message(fits), reserved);
        assertThat(exact.length + reserved).isEqualTo(limit);
        assertThat(Records.parse(exact).has("truncated")).isFalse();
        assertThat(encoder.shrunkEvents()).isZero();

        byte[] over = encoder.encode(event.message(fits + "m"), reserved);
        assertThat(over.length + reserved).isLessThanOrEqualTo(limit);
        JsonNode json = Records.parse(over);
        assertThat(json.get("truncated").get("message").asLong()).isPositive();
        assertThat(json.get("message").asText()).startsWith("mmm").contains("\u2026[truncated ");
        assertThat(encoder.shrunkEvents()).isEqualTo(1);
        assertThat(encoder.truncatedEvents()).isEqualTo(1);
    }

    @Test
    void hugeEventsAreShrunkPartByPartAndNeverLost() {
        EventEncoder encoder = encoder();
        TestEvent event = TestEvent.typical();
        event.message = "m".repeat(2 * 1024 * 1024);
        for (int i = 0; i < 10_000; i++) {
            event.mdc("key" + i, "value-" + "v".repeat(i % 200));
        }
        for (int i = 0; i < 2_000; i++) {
            event.field("f" + i, "w".repeat(300));
        }
        event.error = chain(1_000);

        byte[] record = encoder.encode(event, 256);

        assertThat(record.length + 256).isLessThanOrEqualTo(MAX_RECORD);
        JsonNode json = Records.parseWithin(record, MAX_STRING);
        JsonNode cut = json.get("truncated");
        assertThat(cut.get("message").asLong()).isPositive();
        assertThat(json.get("error").get("type").asText()).isEqualTo("java.lang.RuntimeException");
        assertThat(json.get("seq").asLong()).isEqualTo(1);
        // Shrinking starts with the largest parts and keeps what fits of each.
        assertThat(json.get("mdc").size()).isPositive();
        assertThat(cut.has("mdc") || cut.has("fields") || cut.has("error_stack"))
                .isTrue();
    }

    @Test
    void manySmallEntriesAreDroppedFromTheEndWhenTheyDoNotFit() {
        int limit = 16 * 1024;
        EventEncoder encoder = encoder(MAX_STRING, limit);
        TestEvent event = new TestEvent();
        for (int i = 0; i < 10_000; i++) {
            event.mdc("k" + i, "v" + i);
        }

        byte[] record = encoder.encode(event, 0);

        assertThat(record.length).isLessThanOrEqualTo(limit);
        JsonNode json = Records.parse(record);
        JsonNode mdc = json.get("mdc");
        assertThat(mdc.size()).isBetween(100, 9_999);
        Iterator<String> names = mdc.fieldNames();
        for (int i = 0; names.hasNext(); i++) {
            assertThat(names.next()).isEqualTo("k" + i);
        }
        assertThat(json.get("truncated").get("mdc").asLong()).isPositive();
    }

    @Test
    void stackTracesShowCausesSuppressedSharedFramesAndCycles() {
        IllegalStateException top = new IllegalStateException("top");
        IllegalArgumentException cause = new IllegalArgumentException("the cause");
        top.initCause(cause);
        top.addSuppressed(new UnsupportedOperationException("suppressed one"));
        RuntimeException a = new RuntimeException("a");
        RuntimeException b = new RuntimeException("b", a);
        a.initCause(b);
        cause.initCause(a);

        JsonNode error =
                Records.parse(encoder().encode(new TestEvent().error(top), 0)).get("error");

        assertThat(error.get("type").asText()).isEqualTo("java.lang.IllegalStateException");
        assertThat(error.get("message").asText()).isEqualTo("top");
        String stack = error.get("stack").asText();
        assertThat(stack)
                .startsWith(
                        "java.lang.IllegalStateException: top\n\tat io.github.kinlog.common.encode.EventEncoderTest.")
                .contains("\tSuppressed: java.lang.UnsupportedOperationException: suppressed one")
                .contains("Caused by: java.lang.IllegalArgumentException: the cause")
                .contains("Caused by: java.lang.RuntimeException: a")
                .contains("Caused by: java.lang.RuntimeException: b")
                .contains("[CIRCULAR REFERENCE: java.lang.RuntimeException: a]")
                .containsPattern("\t\\.\\.\\. \\d+ more");
    }

    @Test
    void theFrameLimitAppliesToEachThrowable() {
        EventEncoder encoder =
                new EventEncoder(new EncoderSettings(MAX_STRING, MAX_RECORD, 3, null, null, "h", Map.of()));
        RuntimeException error = new RuntimeException("deep");
        StackTraceElement[] frames = new StackTraceElement[50];
        for (int i = 0; i < frames.length; i++) {
            frames[i] = new StackTraceElement("com.example.C" + i, "m", "C.java", i);
        }
        error.setStackTrace(frames);

        String stack = Records.parse(encoder.encode(new TestEvent().error(error), 0))
                .get("error")
                .get("stack")
                .asText();

        assertThat(stack.lines().filter(line -> line.startsWith("\tat "))).hasSize(3);
        assertThat(stack).endsWith("\t... 47 frames omitted");
    }

    @Test
    void misbehavingThrowablesAndValuesDoNotBreakTheRecord() {
        RuntimeException nasty = new RuntimeException() {
            @Override
            public String getMessage() {
                throw new IllegalStateException("getMessage is broken");
            }

            @Override
            public String getLocalizedMessage() {
                throw new IllegalStateException("getLocalizedMessage is broken");
            }

            @Override
            public String toString() {
                throw new IllegalStateException("toString is broken");
            }
        };
        Object badValue = new Object() {
            @Override
            public String toString() {
                throw new IllegalStateException("broken toString");
            }
        };
        Object recursive = new Object() {
            @Override
            public String toString() {
                return toString();
            }
        };
        TestEvent event = new TestEvent().error(nasty).field("bad", badValue).field("recursive", recursive);

        JsonNode json = Records.parse(encoder().encode(event, 0));

        assertThat(json.get("error").get("message").asText())
                .isEqualTo("[java.lang.IllegalStateException while reading the message]");
        assertThat(json.get("error").get("stack").asText()).contains("while reading the message");
        assertThat(json.get("fields").get("bad").asText())
                .startsWith("[java.lang.IllegalStateException in toString() of ");
        assertThat(json.get("fields").get("recursive").asText()).startsWith("[java.lang.StackOverflowError");
    }

    @Test
    void fieldValuesKeepTheirJsonTypes() {
        TestEvent event = new TestEvent()
                .field("int", 7)
                .field("long", 1L << 40)
                .field("double", 2.5)
                .field("nan", Double.NaN)
                .field("big", new BigDecimal("12345678901234567890.123"))
                .field("huge", new BigDecimal("1." + "0".repeat(40)))
                .field("scaled", new BigDecimal("1E+3"))
                .field("bigint", java.math.BigInteger.valueOf(Long.MAX_VALUE))
                .field("bigger", java.math.BigInteger.ONE.shiftLeft(64))
                .field("bool", true)
                .field("null", null)
                .field("text", "t")
                .field("enum", Thread.State.RUNNABLE)
                .field("list", List.of(1, 2));

        byte[] record = encoder().encode(event, 0);
        JsonNode fields = Records.parse(record).get("fields");

        assertThat(fields.get("int").isIntegralNumber()).isTrue();
        assertThat(fields.get("long").asLong()).isEqualTo(1L << 40);
        assertThat(fields.get("double").asDouble()).isEqualTo(2.5);
        assertThat(fields.get("nan").asText()).isEqualTo("NaN");
        assertThat(new String(record, StandardCharsets.UTF_8)).contains("\"big\":12345678901234567890.123");
        // Beyond what Redshift's DECIMAL and BIGINT hold: text, so nothing is rounded.
        assertThat(fields.get("huge").isTextual()).isTrue();
        assertThat(new String(record, StandardCharsets.UTF_8)).contains("\"scaled\":1000");
        assertThat(fields.get("bigint").asLong()).isEqualTo(Long.MAX_VALUE);
        assertThat(fields.get("bigger").asText()).isEqualTo("18446744073709551616");
        assertThat(fields.get("bool").asBoolean()).isTrue();
        assertThat(fields.get("null").isNull()).isTrue();
        assertThat(fields.get("text").asText()).isEqualTo("t");
        assertThat(fields.get("enum").asText()).isEqualTo("RUNNABLE");
        assertThat(fields.get("list").asText()).isEqualTo("[1, 2]");
    }

    @Test
    void aFailingAdapterKeepsWhatWasWrittenAndTheJsonWhole() {
        TestEvent event = new TestEvent() {
            @Override
            public void forEachMdc(KeyValueVisitor<String> visitor) {
                visitor.accept("first", "1");
                throw new java.util.ConcurrentModificationException();
            }

            @Override
            public String threadName() {
                throw new IllegalStateException("no thread");
            }
        };

        JsonNode json = Records.parse(encoder().encode(event, 0));

        assertThat(json.get("mdc").get("first").asText()).isEqualTo("1");
        assertThat(json.get("thread").asText()).startsWith("[java.lang.IllegalStateException");
    }

    @Test
    void markerGraphsWithCyclesAreWalkedOnce() {
        LogEventView cyclic = new TestEvent() {
            @Override
            public void forEachMarker(MarkerVisitor visitor) {
                walk(visitor, "A");
            }

            private void walk(MarkerVisitor visitor, String name) {
                // A -> B -> A: an adapter stops where the visitor says the marker was seen.
                if (visitor.visit(name, name)) {
                    walk(visitor, name.equals("A") ? "B" : "A");
                }
            }
        };

        JsonNode markers = Records.parse(encoder().encode(cyclic, 0)).get("markers");

        assertThat(markers).hasSize(2);
        assertThat(markers.get(0).asText()).isEqualTo("A");
        assertThat(markers.get(1).asText()).isEqualTo("B");
    }

    @Test
    void theSmallestShrunkRecordIsSmall() {
        assertThat(encoder().fallbackRecordBytes()).isBetween(1_000, 6_000);
    }

    private static RuntimeException chain(int depth) {
        RuntimeException error = new RuntimeException("level 0 " + "e".repeat(100));
        for (int i = 1; i < depth; i++) {
            error = new RuntimeException("level " + i, error);
        }
        return error;
    }

    private static int utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
