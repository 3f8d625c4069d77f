package io.github.kinlog.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Events an application can make by accident or an attacker on purpose, each logged through a {@link LoggingApp}
 * under a logger of its own ({@code hostile.NN}), with what must hold for the record it becomes (besides being valid,
 * Redshift-ingestible JSON, which every record must be).
 */
final class HostileCases {
    static final String LOGGER_PREFIX = "hostile.";
    private static final int MAX_STRING = 65_535;

    /** One case: how to log it, and what the record must show. */
    record Case(int number, String name, Logs logs, Consumer<JsonNode> expect) {
        String logger() {
            return LOGGER_PREFIX + String.format("%02d", number);
        }
    }

    @FunctionalInterface
    interface Logs {
        void log(LoggingApp app, String logger);
    }

    private final List<Case> cases = new ArrayList<>();

    private HostileCases() {}

    static List<Case> all() {
        HostileCases c = new HostileCases();
        c.message(
                "empty message", "", e -> assertThat(e.get("message").asText()).isEmpty());
        c.add("null message", (app, logger) -> app.info(logger, (String) null), e -> {});
        c.message("2 MB message", "x".repeat(2_000_000), HostileCases::messageCut);
        c.message("20 MB message", "y".repeat(20_000_000), HostileCases::messageCut);
        c.message("2 MB of 4-byte characters", "\uD83D\uDE00".repeat(500_000), HostileCases::messageCut);
        c.message("unpaired high surrogate", "a\uD800b", e -> messageIs(e, "a\uFFFDb"));
        c.message("unpaired low surrogate at the end", "ab\uDC00", e -> messageIs(e, "ab\uFFFD"));
        c.message("surrogates in the wrong order", "\uDC00\uD800", e -> messageIs(e, "\uFFFD\uFFFD"));
        c.message("NUL", "a\u0000b", e -> messageIs(e, "a\u0000b"));
        String c0 = IntStream.concat(IntStream.range(0, 32), IntStream.of(127))
                .mapToObj(Character::toString)
                .collect(Collectors.joining());
        c.message("every C0 control character and DEL", c0, e -> messageIs(e, c0));
        String c1 =
                IntStream.rangeClosed(0x80, 0x9F).mapToObj(Character::toString).collect(Collectors.joining())
                        + "\u2028\u2029\u0085";
        c.message("C1 controls, line and paragraph separators", c1, e -> messageIs(e, c1));
        String bidi = "\u05E9\u05DC\u05D5\u05DD \u202Eevil\u202C \u0645\u0631\u062D\u0628\u0627 \u200F\u2066x\u2069";
        c.message("right-to-left text and bidi overrides", bidi, e -> messageIs(e, bidi));
        String zalgo = "e" + "\u0301".repeat(1000) + "\u0489\u20DD";
        c.message("1,000 combining marks on one letter", zalgo, e -> messageIs(e, zalgo));
        String emoji = "\uD83D\uDC69\u200D\uD83D\uDC69\u200D\uD83D\uDC67\u200D\uD83D\uDC66 "
                + "\uD83C\uDFF3\uFE0F\u200D\uD83C\uDF08 \uD83C\uDDEF\uD83C\uDDF5 \uD83D\uDC4D\uD83C\uDFFD";
        c.message("emoji: ZWJ sequences, flags, skin tones", emoji, e -> messageIs(e, emoji));
        String nonCharacters = "\uFEFFstart \uFFFE\uFFFF \uDBFF\uDFFF";
        c.message("BOM and noncharacters", nonCharacters, e -> messageIs(e, nonCharacters));
        String injection = "\"}, \"level\": \"FATAL\", \"x\": {\"\\";
        c.message("JSON injection in the message", injection, e -> {
            messageIs(e, injection);
            assertThat(e.get("level").asText()).isEqualTo("INFO");
        });
        c.add(
                "parameter whose toString() throws",
                (app, logger) -> app.info(logger, "value {}", new Hostile.ThrowingToString()),
                e -> assertThat(e.get("message").asText()).startsWith("value "));
        c.add(
                "parameter whose toString() returns null",
                (app, logger) -> app.info(logger, "value {}", new Hostile.NullToString()),
                e -> assertThat(e.get("message").asText()).startsWith("value "));
        c.add(
                "parameter whose toString() is 5 MB",
                (app, logger) -> app.info(logger, "value {}", new Hostile.HugeToString(5_000_000)),
                HostileCases::messageCut);
        c.add(
                "parameter array that contains itself",
                (app, logger) -> {
                    Object[] self = new Object[2];
                    self[0] = "first";
                    self[1] = self;
                    app.info(logger, "array {}", (Object) self);
                },
                e -> assertThat(e.get("message").asText()).startsWith("array "));
        c.add(
                "parameter whose toString() logs through the same appender",
                (app, logger) -> app.info(logger, "value {}", new Hostile.LoggingToString(app, logger + ".inner")),
                e -> assertThat(e.get("message").asText()).contains("logged while formatted"));
        c.add(
                "structured field whose toString() logs through the same appender",
                (app, logger) -> app.withFields(
                        logger, Map.of("logs", new Hostile.LoggingToString(app, logger + ".inner")), "field logs"),
                e -> assertThat(e.at("/fields/logs").asText()).isEqualTo("logged while formatted"));
        c.error("exception with a null message", new IllegalStateException((String) null), e -> {
            assertThat(e.at("/error/type").asText()).isEqualTo("java.lang.IllegalStateException");
            assertThat(e.at("/error/message").isMissingNode()).isTrue();
        });
        c.error("1,000-deep cause chain", Hostile.causeChain(1000), HostileCases::stackWithinLimits);
        c.error("cyclic causes", Hostile.cyclicCauses(), e -> {
            stackWithinLimits(e);
            assertThat(e.at("/error/stack").asText()).contains("CIRCULAR REFERENCE");
        });
        c.error("100 suppressed exceptions, one of them cyclic", Hostile.suppressed(100), e -> {
            stackWithinLimits(e);
            assertThat(e.at("/error/stack").asText()).contains("Suppressed:");
        });
        c.error(
                "exception whose toString() throws",
                new Hostile.ThrowingToStringException(),
                e -> assertThat(e.at("/error/type").asText())
                        .isEqualTo(Hostile.ThrowingToStringException.class.getName()));
        c.error(
                "exception whose getMessage() and getStackTrace() throw",
                new Hostile.BrokenException(),
                e -> assertThat(e.at("/error/type").asText()).isEqualTo(Hostile.BrokenException.class.getName()));
        c.error(
                "exception with a 2 MB message",
                new RuntimeException("m".repeat(2_000_000)),
                e -> assertThat(e.at("/error/message")
                                .asText()
                                .getBytes(java.nio.charset.StandardCharsets.UTF_8)
                                .length)
                        .isLessThanOrEqualTo(MAX_STRING));
        c.error("StackOverflowError", Hostile.stackOverflow(), HostileCases::stackWithinLimits);
        Map<String, String> manyEntries = new LinkedHashMap<>();
        for (int i = 0; i < 10_000; i++) {
            manyEntries.put("key" + i, "value " + i);
        }
        c.add(
                "10,000 MDC entries",
                (app, logger) -> app.withMdc(logger, manyEntries, "many"),
                e -> assertThat(e.get("mdc").size()).isPositive());
        c.add(
                "a 1 MB MDC value",
                (app, logger) -> app.withMdc(logger, Map.of("big", "v".repeat(1_000_000)), "big value"),
                e -> assertThat(e.at("/mdc/big").asText().length()).isLessThanOrEqualTo(MAX_STRING));
        Map<String, String> oddKeys = new LinkedHashMap<>();
        oddKeys.put("", "empty key");
        oddKeys.put("k".repeat(70_000), "70 KB key");
        oddKeys.put("ctl\u0000\u001F\uD800", "control characters and a lone surrogate in the key");
        c.add(
                "MDC keys: empty, 70 KB, control characters",
                (app, logger) -> app.withMdc(logger, oddKeys, "keys"),
                e -> {
                    assertThat(e.get("mdc").has("")).isTrue();
                    e.get("mdc")
                            .fieldNames()
                            .forEachRemaining(
                                    key -> assertThat(key.getBytes(java.nio.charset.StandardCharsets.UTF_8).length)
                                            .isLessThanOrEqualTo(MAX_STRING));
                });
        c.add(
                "a marker that is its own parent",
                (app, logger) -> app.withCyclicMarker(logger, "cyclic marker"),
                e -> assertThat(e.get("markers").toString()).contains("CYCLE"));
        c.add(
                "a chain of 1,000 markers",
                (app, logger) -> app.withMarkerChain(logger, 1000, "marker chain"),
                e -> assertThat(e.get("markers").size()).isPositive());
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("nan", Double.NaN);
        fields.put("infinity", Double.NEGATIVE_INFINITY);
        fields.put("huge_integer", BigInteger.TWO.pow(200));
        fields.put("long_decimal", new BigDecimal("1234567890123456789012345678901234567890.123456789"));
        fields.put("min_long", Long.MIN_VALUE);
        fields.put("throws", new Hostile.ThrowingToString());
        fields.put("megabyte", "f".repeat(1_000_000));
        fields.put("f".repeat(70_000), "70 KB key");
        c.add(
                "structured fields: NaN, 200-bit integer, throwing value, 1 MB value, 70 KB key",
                (app, logger) -> app.withFields(logger, fields, "fields"),
                e -> {
                    assertThat(e.at("/fields/nan").isTextual()).isTrue();
                    assertThat(e.at("/fields/huge_integer").asText())
                            .isEqualTo(BigInteger.TWO.pow(200).toString());
                    assertThat(e.at("/fields/min_long").asLong()).isEqualTo(Long.MIN_VALUE);
                });
        c.add(
                "thread name of 100 KB with a lone surrogate",
                (app, logger) -> Hostile.onThread("t\uD800" + "n".repeat(100_000), () -> app.info(logger, "thread")),
                e -> assertThat(e.get("thread").asText().length()).isLessThanOrEqualTo(MAX_STRING));
        c.add(
                "logger name of 100 KB",
                (app, logger) -> app.info(logger + "." + "l".repeat(100_000), "long logger"),
                e -> assertThat(e.get("logger").asText().length()).isLessThanOrEqualTo(MAX_STRING));
        c.add(
                "the caller's thread is interrupted",
                (app, logger) -> {
                    Thread.currentThread().interrupt();
                    try {
                        app.info(logger, "interrupted caller");
                        assertThat(Thread.currentThread().isInterrupted())
                                .as("the interrupt is left for the application")
                                .isTrue();
                    } finally {
                        Thread.interrupted();
                    }
                },
                e -> messageIs(e, "interrupted caller"));
        return List.copyOf(c.cases);
    }

    private void add(String name, Logs logs, Consumer<JsonNode> expect) {
        cases.add(new Case(cases.size() + 1, name, logs, expect));
    }

    private void message(String name, String message, Consumer<JsonNode> expect) {
        add(name, (app, logger) -> app.info(logger, message), expect);
    }

    private void error(String name, Throwable error, Consumer<JsonNode> expect) {
        add(name, (app, logger) -> app.error(logger, "failure", error), expect);
    }

    private static void messageIs(JsonNode event, String expected) {
        assertThat(event.get("message").asText()).isEqualTo(expected);
    }

    private static void messageCut(JsonNode event) {
        assertThat(event.get("message").asText().getBytes(java.nio.charset.StandardCharsets.UTF_8).length)
                .isLessThanOrEqualTo(MAX_STRING);
        assertThat(event.at("/truncated/message").asLong()).isPositive();
    }

    private static void stackWithinLimits(JsonNode event) {
        assertThat(event.at("/error/stack").asText()).isNotEmpty();
    }
}
