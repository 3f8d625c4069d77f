package io.github.kinlog.common.encode;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import io.github.kinlog.common.event.LogEventView;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Writes one event as one JSON object in UTF-8 (the schema of {@link EventField}), within the configured limits:
 *
 * <ul>
 *   <li>every string value is at most {@code maxStringBytes} UTF-8 bytes, cut on a character boundary and marked;
 *   <li>the record, with the room the caller reserves for the partition key, is at most {@code maxRecordBytes}: an
 *       event that is too large has its largest parts (stack, message, mdc, fields, ...) shrunk until it fits, and a
 *       {@code truncated} object says what was cut. An event is never dropped for its size and the JSON is never cut.
 * </ul>
 *
 * <p>Lone surrogates become U+FFFD; control characters are escaped; everything else, emoji included, is written as
 * UTF-8. Thread-safe; encoding runs on the calling thread.
 */
public final class EventEncoder {
    /** Strings are cut to this when even fully shrunk parts leave a record too large. */
    static final int FALLBACK_STRING_BYTES = 256;

    /** Room left for the {@code truncated} object and markers when choosing a part's new budget. */
    private static final int SHRINK_SLACK = 96;

    private static final int MAX_SHRINK_ROUNDS = 16;

    final JsonFactory json;
    private final int maxStringBytes;
    private final int maxRecordBytes;
    final int maxStackFrames;
    final String service;
    final String env;
    final String host;
    final long pid = HostInfo.pid();
    final List<Map.Entry<SerializableString, String>> staticFields = new ArrayList<>();
    private final AtomicLong sequence = new AtomicLong();
    final EventIds ids = new EventIds();
    final TimestampFormatter timestamps = new TimestampFormatter();
    private final LongAdder truncatedEvents = new LongAdder();
    private final LongAdder shrunkEvents = new LongAdder();
    private final StripedSlots<Scratch> scratches = new StripedSlots<>();
    private final PartBudgets unlimited;

    public EventEncoder(EncoderSettings settings) {
        this.json = new JsonFactoryBuilder()
                // Reused generators write one event after another; nothing may stand between them.
                .rootValueSeparator((String) null)
                .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8)
                .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
                .recyclerPool(new StripedBufferPool())
                .build();
        this.maxStringBytes = settings.maxStringBytes();
        this.maxRecordBytes = settings.maxRecordBytes();
        this.maxStackFrames = settings.maxStackFrames();
        this.unlimited = PartBudgets.unlimited(maxStringBytes);
        this.service = settings.service();
        this.env = settings.env();
        this.host = settings.host() != null ? settings.host() : HostInfo.hostName();
        settings.staticFields()
                .forEach((name, value) ->
                        staticFields.add(new AbstractMap.SimpleImmutableEntry<>(new SerializedString(name), value)));
    }

    /** The event's JSON followed by {@code delimiter}: what a standalone layout writes to a file or a socket. */
    public byte[] encodeLine(LogEventView event, byte[] delimiter) {
        byte[] json = encode(event, 0);
        if (delimiter.length == 0) {
            return json;
        }
        byte[] line = Arrays.copyOf(json, json.length + delimiter.length);
        System.arraycopy(delimiter, 0, line, json.length, delimiter.length);
        return line;
    }

    /** A configured {@code eventDelimiter} as UTF-8; none when unset. */
    public static byte[] delimiter(String configured) {
        return configured == null ? new byte[0] : configured.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Encodes an event.
     *
     * @param reservedBytes bytes the record needs besides the JSON (the partition key's UTF-8 length)
     */
    public byte[] encode(LogEventView event, int reservedBytes) {
        long seq = sequence.incrementAndGet();
        int limit = maxRecordBytes - reservedBytes;
        Scratch scratch = scratches.acquire(Scratch::new);
        boolean reusable = false;
        try {
            EncodingAttempt attempt = new EncodingAttempt(this, event, seq, unlimited, scratch.out);
            attempt.writeWith(scratch.generator);
            // The generator is back between events; anything thrown before here leaves it unusable.
            reusable = true;
            if (attempt.size() > limit) {
                shrunkEvents.increment();
                attempt = shrink(event, seq, attempt, limit);
            }
            if (attempt.cut != null) {
                truncatedEvents.increment();
            }
            return attempt.out.toByteArray();
        } finally {
            if (reusable && scratch.out.reset()) {
                scratches.release(scratch);
            }
        }
    }

    /** Events that had any content cut. */
    public long truncatedEvents() {
        return truncatedEvents.sum();
    }

    /** Events that had to be shrunk to fit the record limit (a subset of {@link #truncatedEvents()}). */
    public long shrunkEvents() {
        return shrunkEvents.sum();
    }

    /** The size of the largest record any event can be cut down to: what the record limit must leave room for. */
    public int fallbackRecordBytes() {
        EncodingAttempt attempt = new EncodingAttempt(
                this, WorstCaseEvent.INSTANCE, Long.MAX_VALUE, PartBudgets.exhausted(), new ByteOutput());
        attempt.write();
        return attempt.size();
    }

    private EncodingAttempt shrink(LogEventView event, long seq, EncodingAttempt first, int limit) {
        PartBudgets budgets = unlimited;
        EncodingAttempt attempt = first;
        for (int round = 0; round < MAX_SHRINK_ROUNDS && attempt.size() > limit; round++) {
            ShrinkablePart largest = attempt.largestShrinkablePart(budgets);
            if (largest == null) {
                break;
            }
            int excess = attempt.size() - limit;
            int current = Math.min(budgets.of(largest), attempt.partSize(largest));
            budgets = budgets.with(largest, Math.max(0, current - excess - SHRINK_SLACK));
            attempt = new EncodingAttempt(this, event, seq, budgets, new ByteOutput());
            attempt.write();
        }
        if (attempt.size() > limit) {
            attempt = new EncodingAttempt(this, event, seq, PartBudgets.exhausted(), new ByteOutput());
            attempt.write();
        }
        return attempt;
    }

    /**
     * An output and a generator writing into it, kept between events: creating a generator per event costs more
     * than all the rest of the garbage an event makes.
     */
    private final class Scratch {
        final ByteOutput out = new ByteOutput();
        final JsonGenerator generator;

        Scratch() {
            try {
                generator = json.createGenerator(out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
