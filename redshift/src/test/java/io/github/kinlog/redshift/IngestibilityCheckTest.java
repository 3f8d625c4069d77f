package io.github.kinlog.redshift;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IngestibilityCheckTest {
    private static final String TS = "\"ts\":\"2026-11-24T04:11:51.555123Z\"";
    private final IngestibilityCheck check = IngestibilityCheck.defaults();

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(String before, byte[] middle, String after) {
        byte[] a = utf8(before);
        byte[] c = utf8(after);
        byte[] all = new byte[a.length + middle.length + c.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(middle, 0, all, a.length, middle.length);
        System.arraycopy(c, 0, all, a.length + middle.length, c.length);
        return all;
    }

    @Test
    void aWellFormedEventPasses() {
        IngestibilityCheck.Result result = check.check(utf8("{" + TS
                + ",\"message\":\"caf\u00e9 \ud83d\ude00 \\u0000\\n\",\"n\":-12,\"d\":0.001,\"f\":1.5E-300,"
                + "\"mdc\":{\"a\":\"b\"},\"ndc\":[\"x\",null,true]}"));

        assertThat(result.ingestible()).as(result.toString()).isTrue();
    }

    @Test
    void aPackedRecordOfWellFormedEventsPasses() {
        for (String record : List.of(
                "[{" + TS + ",\"event_id\":\"a\"}]",
                "[{" + TS + ",\"event_id\":\"a\"},{" + TS + ",\"event_id\":\"b\",\"mdc\":{\"k\":[1,2]}}]",
                " [ {" + TS + "} ,\n{" + TS + "} ] ")) {
            IngestibilityCheck.Result result = check.check(utf8(record));

            assertThat(result.ingestible()).as(record + ": " + result).isTrue();
        }
    }

    @Test
    void aPackedRecordIsRejectedForAnyElementThatIsNotAnEvent() {
        Map<String, String> cases = new java.util.LinkedHashMap<>();
        cases.put("[]", "empty array");
        cases.put("[1]", "[0] is not a JSON object");
        cases.put("[{" + TS + "},\"text\"]", "[1] is not a JSON object");
        cases.put("[{" + TS + "},null]", "[1] is not a JSON object");
        cases.put("[[{" + TS + "}]]", "[0] is not a JSON object");
        cases.put("[{" + TS + "},[{" + TS + "}]]", "[1] is not a JSON object");
        cases.put("[{" + TS + "},{\"m\":1}]", "[1] has no ts");
        cases.put("[{" + TS + "},{\"ts\":\"yesterday\"}]", "[1].ts is not of the form");
        cases.put("[{" + TS + ",\"m\":\"\\ud800\"}]", "[0].m holds an unpaired surrogate");
        cases.put("[{" + TS + ",\"n\":18446744073709551616}]", "[0].n is an integer beyond 64 bits");
        cases.put("[{" + TS + "}][{" + TS + "}]", "more than one JSON value");
        cases.put("[{" + TS + "},]", "not valid JSON");
        cases.put("[{" + TS + "}", "not valid JSON");

        cases.forEach((record, reason) -> {
            IngestibilityCheck.Result result = check.check(utf8(record));
            assertThat(result.ingestible()).as(record).isFalse();
            assertThat(result.toString()).as(record).contains(reason);
        });
    }

    @Test
    void everyStringOfEveryPackedEventIsWithinTheLimit() {
        String big = "\"m\":\"" + "\u00e9".repeat(32_768) + "\"";

        assertThat(check.check(utf8("[{" + TS + "},{" + TS + "," + big + "}]")).toString())
                .contains("[1].m is 65536 UTF-8 bytes, above the string limit of 65535");
    }

    @Test
    void everyKindOfBadRecordIsRejectedWithItsReason() {
        Map<byte[], String> cases = new java.util.LinkedHashMap<>();
        cases.put(new byte[0], "empty");
        cases.put(concat("{" + TS + ",\"m\":\"", new byte[] {(byte) 0xC3}, "\"}"), "not valid UTF-8");
        cases.put(concat("{" + TS + ",\"m\":\"", new byte[] {(byte) 0xC0, (byte) 0xAF}, "\"}"), "not valid UTF-8");
        cases.put(
                concat("{" + TS + ",\"m\":\"", new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, "\"}"),
                "not valid UTF-8");
        cases.put(concat("", new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, "{" + TS + "}"), "byte order mark");
        cases.put(utf8("\"text\""), "not a JSON object nor an array");
        cases.put(utf8("12"), "not a JSON object nor an array");
        cases.put(utf8("{" + TS + "}{" + TS + "}"), "more than one JSON value");
        cases.put(utf8("{" + TS + "} x"), "not valid JSON");
        cases.put(utf8("{" + TS + ",\"m\":\"x\""), "not valid JSON");
        cases.put(utf8("{" + TS + ",\"m\":NaN}"), "not valid JSON");
        cases.put(utf8("{" + TS + ",\"m\":1,\"m\":2}"), "Duplicate field");
        cases.put(utf8("{" + TS + ",\"m\":\"\\ud800x\"}"), "unpaired surrogate");
        cases.put(utf8("{" + TS + ",\"\\udc00\":1}"), "surrogate");
        cases.put(utf8("{" + TS + ",\"m\":\"" + "\u00e9".repeat(32_768) + "\"}"), "above the string limit");
        cases.put(utf8("{" + TS + ",\"" + "k".repeat(65_536) + "\":1}"), "above the string limit");
        cases.put(utf8("{\"m\":1}"), "no ts");
        cases.put(utf8("{\"ts\":\"2026-11-24 04:11:51.555123Z\"}"), "ts is not of the form");
        cases.put(utf8("{\"ts\":\"2026-11-24T04:11:51.555Z\"}"), "ts is not of the form");
        cases.put(utf8("{\"ts\":\"2026-13-24T04:11:51.555123Z\"}"), "ts is not of the form");
        cases.put(utf8("{\"ts\":1764000000}"), "ts is not of the form");
        cases.put(utf8("{" + TS + ",\"n\":18446744073709551616}"), "beyond 64 bits");
        cases.put(utf8("{" + TS + ",\"n\":1.000000000000000000000000000000000000001}"), "more than 38 digits");
        cases.put(utf8("{" + TS + ",\"n\":1e400}"), "out of the range");
        cases.put(utf8("{" + TS + ",\"a\":" + "[".repeat(1001) + "]".repeat(1001) + "}"), "not valid JSON");

        cases.forEach((record, reason) -> {
            IngestibilityCheck.Result result = check.check(record);
            String text = new String(record, StandardCharsets.UTF_8);
            assertThat(result.ingestible())
                    .as(text.substring(0, Math.min(text.length(), 80)))
                    .isFalse();
            assertThat(result.toString()).contains(reason);
        });
    }

    @Test
    void theRecordLimitCountsThePartitionKey() {
        IngestibilityCheck small = IngestibilityCheck.withLimits(100, 65_535);
        String padding = "x".repeat(100 - utf8("{" + TS + ",\"m\":\"\"}").length);
        byte[] record = utf8("{" + TS + ",\"m\":\"" + padding + "\"}");

        assertThat(record).hasSize(100);
        assertThat(small.check(record).ingestible()).isTrue();
        assertThat(small.check(record, "k").toString()).contains("101 bytes with its partition key");
    }

    @Test
    void theRecordLimitCountsAPackedRecordWhole() {
        String event = "{" + TS + "}";
        byte[] two = utf8("[" + event + "," + event + "]");
        IngestibilityCheck exact = IngestibilityCheck.withLimits(two.length, 65_535);

        assertThat(exact.check(two).ingestible()).isTrue();
        assertThat(exact.check(utf8("[" + event + "," + event + "," + event + "]"))
                        .toString())
                .contains("above the limit of " + two.length);
    }

    @Test
    void stringsAreMeasuredAsStoredNotAsEscaped() {
        // Six bytes of JSON escape per character, one byte once stored: 65,535 of them fit.
        String escaped = "\\u0001".repeat(65_535);

        assertThat(check.check(utf8("{" + TS + ",\"m\":\"" + escaped + "\"}")).ingestible())
                .isTrue();
        assertThat(check.check(utf8("{" + TS + ",\"m\":\"" + escaped + "x\"}")).ingestible())
                .isFalse();
    }
}
