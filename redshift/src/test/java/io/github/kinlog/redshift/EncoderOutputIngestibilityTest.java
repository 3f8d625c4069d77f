package io.github.kinlog.redshift;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.kinlog.common.encode.EncoderSettings;
import io.github.kinlog.common.encode.EventEncoder;
import io.github.kinlog.common.event.LogEventView;
import io.github.kinlog.common.testing.RandomText;
import io.github.kinlog.common.testing.TestEvent;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Property-style: events built from a hostile corpus, combined at random, encoded under several limits. Every record
 * must be one Redshift ingests ({@link IngestibilityCheck} with the encoder's own limits).
 */
class EncoderOutputIngestibilityTest {
    private static final String PARTITION_KEY = "0123456789abcdef0123456789abcdef";

    /** One hostile ingredient each; an event takes a few of them. */
    private static final List<Consumer<HostileEvent>> CORPUS = List.of(
            e -> e.message(""),
            e -> e.message(null),
            e -> e.message("x".repeat(2 * 1024 * 1024)),
            e -> e.message("\u00e9\ud83d\ude00".repeat(3 * 1024 * 1024)), // ~20 MB of UTF-8
            e -> e.message(RandomText.of(e.random, e.random.nextInt(200_000))),
            e -> e.message(controlCharacters()),
            e -> e.message(
                    "\ud800\udc00\ud800 lone \udfff \u202Eevil\u202C e\u0301\u0301\u0301 \ud83d\udc69\u200d\ud83d\udcbb"),
            e -> e.error(new IllegalStateException((String) null)),
            e -> e.error(causeChain(1_000)),
            e -> e.error(cycle()),
            e -> e.error(withSuppressed()),
            e -> e.error(new Throwing()),
            e -> e.logger = RandomText.of(e.random, 70_000),
            e -> e.thread = "",
            e -> e.level = "\u0000",
            e -> {
                for (int i = 0; i < 10_000; i++) {
                    e.mdc("key-" + i, RandomText.of(e.random, 20));
                }
            },
            e -> e.mdc("huge", "v".repeat(1_000_000)),
            e -> e.mdc("", ""),
            e -> e.mdc(RandomText.of(e.random, 10), null),
            e -> e.mdc("k".repeat(70_000) + "a", "1").mdc("k".repeat(70_000) + "b", "2"),
            e -> e.field("big", new BigInteger("9".repeat(60)))
                    .field("bigger", BigInteger.ONE.shiftLeft(64))
                    .field("precise", new BigDecimal("1." + "1".repeat(50)))
                    .field("tiny", new BigDecimal("1E-60"))
                    .field("scaled", new BigDecimal("1E+50"))
                    .field("nan", Double.NaN)
                    .field("inf", Float.NEGATIVE_INFINITY)
                    .field("null", null),
            e -> e.field("bad", new Object() {
                @Override
                public String toString() {
                    throw new IllegalStateException("no");
                }
            }),
            e -> e.duplicateFieldKeys = true,
            e -> {
                for (int i = 0; i < 5_000; i++) {
                    e.markers.add("M" + i);
                    e.ndc.add(RandomText.of(e.random, 5));
                }
            },
            e -> e.time = Instant.parse("9999-12-31T23:59:59.999999999Z"),
            e -> e.time = Instant.ofEpochSecond(-62_200_000_000L),
            e -> e.time = Instant.ofEpochSecond(400_000_000_000L),
            e -> e.time = Instant.EPOCH);

    /** A limit pair: the encoder's and the checker's. */
    @ParameterizedTest(name = "maxString={0}")
    @ValueSource(ints = {65_535, 256, 1_000_000})
    void everyEncodedRecordIsIngestible(int maxStringBytes) {
        int maxRecordBytes = maxStringBytes == 256 ? 16 * 1024 : 1024 * 1024;
        EventEncoder encoder = new EventEncoder(new EncoderSettings(
                maxStringBytes,
                maxRecordBytes,
                100,
                "shop\ud800",
                "",
                "host\u0000",
                new LinkedHashMap<>(Map.of("region", "eu-\u202Ewest"))));
        IngestibilityCheck check = IngestibilityCheck.withLimits(maxRecordBytes, maxStringBytes);
        long seed = 20261124L + maxStringBytes;
        Random random = new Random(seed);
        int pkBytes = PARTITION_KEY.getBytes(StandardCharsets.UTF_8).length;

        for (int round = 0; round < 120; round++) {
            HostileEvent event = new HostileEvent(random);
            int ingredients = 1 + random.nextInt(4);
            StringBuilder used = new StringBuilder();
            for (int i = 0; i < ingredients; i++) {
                int pick = random.nextInt(CORPUS.size());
                used.append(pick).append(' ');
                CORPUS.get(pick).accept(event);
            }

            byte[] record = encoder.encode(event, pkBytes);
            IngestibilityCheck.Result result = check.check(record, PARTITION_KEY);

            assertThat(result.ingestible())
                    .as("seed %d round %d ingredients %s: %s", seed, round, used, result)
                    .isTrue();
        }
    }

    /**
     * Packed records: the encoder's records for a few events, joined into a JSON array as a packing producer does.
     * Each pack is ingestible under a record limit of exactly its size, and fails on its size alone one byte below.
     */
    @ParameterizedTest(name = "maxString={0}")
    @ValueSource(ints = {65_535, 256})
    void everyPackOfEncodedRecordsIsIngestibleWithinTheRecordLimit(int maxStringBytes) {
        int maxRecordBytes = maxStringBytes == 256 ? 16 * 1024 : 1024 * 1024;
        EventEncoder encoder = new EventEncoder(new EncoderSettings(
                maxStringBytes, maxRecordBytes, 100, "shop", "prod", "host", new LinkedHashMap<>()));
        long seed = 20261203L + maxStringBytes;
        Random random = new Random(seed);
        int pkBytes = PARTITION_KEY.getBytes(StandardCharsets.UTF_8).length;

        for (int round = 0; round < 40; round++) {
            List<byte[]> events = new ArrayList<>();
            int size = 1 + random.nextInt(5);
            for (int i = 0; i < size; i++) {
                HostileEvent event = new HostileEvent(random);
                // Everyday events, and now and then a hostile one.
                if (random.nextInt(3) == 0) {
                    CORPUS.get(random.nextInt(CORPUS.size())).accept(event);
                }
                events.add(encoder.encode(event, pkBytes));
            }
            byte[] pack = pack(events);
            int limit = pack.length + pkBytes;

            IngestibilityCheck.Result fits =
                    IngestibilityCheck.withLimits(limit, maxStringBytes).check(pack, PARTITION_KEY);
            IngestibilityCheck.Result over =
                    IngestibilityCheck.withLimits(limit - 1, maxStringBytes).check(pack, PARTITION_KEY);

            assertThat(fits.ingestible())
                    .as("seed %d round %d: %s", seed, round, fits)
                    .isTrue();
            assertThat(over.problems())
                    .as("seed %d round %d", seed, round)
                    .containsExactly(
                            "record is " + limit + " bytes with its partition key, above the limit of " + (limit - 1));
        }
    }

    /** {@code [} + the records joined by {@code ,} + {@code ]}. */
    private static byte[] pack(List<byte[]> records) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write('[');
        for (int i = 0; i < records.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.writeBytes(records.get(i));
        }
        out.write(']');
        return out.toByteArray();
    }

    private static String controlCharacters() {
        StringBuilder text = new StringBuilder();
        for (char c = 0; c < 0x20; c++) {
            text.append(c);
        }
        return text.append("\u007f\u0085\u2028\u2029\ufeff\uffff").toString();
    }

    private static Throwable causeChain(int depth) {
        Throwable error = new RuntimeException("root");
        for (int i = 1; i < depth; i++) {
            error = new RuntimeException("level " + i, error);
        }
        return error;
    }

    /** a -> b -> a, which initCause refuses to build, so getCause is overridden. */
    private static Throwable cycle() {
        Throwable[] other = new Throwable[1];
        Throwable a = new RuntimeException("a") {
            @Override
            public synchronized Throwable getCause() {
                return other[0];
            }
        };
        other[0] = new RuntimeException("b", a);
        return a;
    }

    private static Throwable withSuppressed() {
        Throwable error = new IllegalArgumentException("outer");
        for (int i = 0; i < 50; i++) {
            error.addSuppressed(new IllegalStateException("suppressed " + i, new RuntimeException("\ud800")));
        }
        return error;
    }

    /** An exception whose every accessor throws. */
    private static final class Throwing extends RuntimeException {
        @Override
        public String getMessage() {
            throw new IllegalStateException("getMessage");
        }

        @Override
        public String toString() {
            throw new IllegalStateException("toString");
        }

        @Override
        public StackTraceElement[] getStackTrace() {
            throw new IllegalStateException("getStackTrace");
        }
    }

    /** A test event that can also repeat its structured-field keys, as SLF4J key-value lists may. */
    private static final class HostileEvent extends TestEvent {
        final Random random;
        boolean duplicateFieldKeys;

        HostileEvent(Random random) {
            this.random = random;
        }

        @Override
        public void forEachField(LogEventView.KeyValueVisitor<Object> visitor) {
            super.forEachField(visitor);
            if (duplicateFieldKeys) {
                visitor.accept("dup", 1);
                visitor.accept("dup", "two");
                visitor.accept("dup", null);
            }
        }
    }
}
