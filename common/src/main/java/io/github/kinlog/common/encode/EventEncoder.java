package io.github.kinlog.common.encode;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import io.github.kinlog.common.event.LogEventView;
import io.github.kinlog.common.event.SourceLocation;
import io.github.kinlog.common.event.ThrowableView;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

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

    private final JsonFactory json;
    private final int maxStringBytes;
    private final int maxRecordBytes;
    private final int maxStackFrames;
    private final String service;
    private final String env;
    private final String host;
    private final long pid = HostInfo.pid();
    private final List<Map.Entry<SerializableString, String>> staticFields = new ArrayList<>();
    private final AtomicLong sequence = new AtomicLong();
    private final EventIds ids = new EventIds();
    private final TimestampFormatter timestamps = new TimestampFormatter();
    private final LongAdder truncatedEvents = new LongAdder();
    private final LongAdder shrunkEvents = new LongAdder();
    private final StripedSlots<Scratch> scratches = new StripedSlots<>();
    private final Budgets unlimited;

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
        this.unlimited = Budgets.unlimited(maxStringBytes);
        this.service = settings.service();
        this.env = settings.env();
        this.host = settings.host() != null ? settings.host() : HostInfo.hostName();
        settings.staticFields()
                .forEach((name, value) ->
                        staticFields.add(new AbstractMap.SimpleImmutableEntry<>(new SerializedString(name), value)));
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
            Attempt attempt = new Attempt(event, seq, unlimited, scratch.out);
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
        Attempt attempt = new Attempt(WorstCaseEvent.INSTANCE, Long.MAX_VALUE, Budgets.exhausted(), new ByteOutput());
        attempt.write();
        return attempt.size();
    }

    private Attempt shrink(LogEventView event, long seq, Attempt first, int limit) {
        Budgets budgets = unlimited;
        Attempt attempt = first;
        for (int round = 0; round < MAX_SHRINK_ROUNDS && attempt.size() > limit; round++) {
            Part largest = attempt.largestShrinkablePart(budgets);
            if (largest == null) {
                break;
            }
            int excess = attempt.size() - limit;
            int current = Math.min(budgets.of(largest), attempt.partSize(largest));
            budgets = budgets.with(largest, Math.max(0, current - excess - SHRINK_SLACK));
            attempt = new Attempt(event, seq, budgets, new ByteOutput());
            attempt.write();
        }
        if (attempt.size() > limit) {
            attempt = new Attempt(event, seq, Budgets.exhausted(), new ByteOutput());
            attempt.write();
        }
        return attempt;
    }

    /** One pass over the event with given budgets, measuring what each shrinkable part took. */
    private final class Attempt {
        final LogEventView event;
        final long seq;
        final Budgets budgets;
        final ByteOutput out;
        final int[] partSizes = new int[PARTS.length];
        /** Part or field name to bytes cut; null until something is cut. */
        Map<String, Long> cut;

        private JsonGenerator gen;

        Attempt(LogEventView event, long seq, Budgets budgets, ByteOutput out) {
            this.event = event;
            this.seq = seq;
            this.budgets = budgets;
            this.out = out;
        }

        int size() {
            return out.size();
        }

        int partSize(Part part) {
            return partSizes[part.ordinal()];
        }

        Part largestShrinkablePart(Budgets current) {
            Part largest = null;
            for (Part part : PARTS) {
                int size = partSize(part);
                if (size > part.emptySize && current.of(part) > 0 && (largest == null || size > partSize(largest))) {
                    largest = part;
                }
            }
            return largest;
        }

        /** Writes the event with a generator of its own. */
        void write() {
            try (JsonGenerator generator = json.createGenerator(out)) {
                gen = generator;
                writeEvent();
            } catch (IOException e) {
                // Writing to memory cannot fail; this would be a bug.
                throw new UncheckedIOException(e);
            }
        }

        /** Writes the event with a generator kept for reuse, leaving it ready for the next event. */
        void writeWith(JsonGenerator generator) {
            try {
                gen = generator;
                writeEvent();
                generator.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private void writeEvent() throws IOException {
            gen.writeStartObject();
            char[] chars = out.chars;
            long second = event.epochSecond();
            int nanos = event.nanoOfSecond();
            timestamps.format(second, nanos, chars);
            gen.writeFieldName(EventField.TS.encodedName());
            gen.writeString(chars, 0, TimestampFormatter.LENGTH);
            text(EventField.LEVEL, guardText(event::level, "level"));
            text(EventField.LOGGER, guardText(event::loggerName, "logger name"));
            text(EventField.THREAD, guardText(event::threadName, "thread name"));
            String message = guardText(event::message, "message");
            int start = position(EventField.MESSAGE.encodedName());
            value(message == null ? "" : message, budgets.of(Part.MESSAGE), "message");
            measure(Part.MESSAGE, start);
            if (service != null) {
                text(EventField.SERVICE, service);
            }
            if (env != null) {
                text(EventField.ENV, env);
            }
            text(EventField.HOST, host);
            gen.writeFieldName(EventField.PID.encodedName());
            gen.writeNumber(pid);
            gen.writeFieldName(EventField.SEQ.encodedName());
            gen.writeNumber(seq);
            ids.write(second * 1000 + nanos / 1_000_000, seq, chars);
            gen.writeFieldName(EventField.EVENT_ID.encodedName());
            gen.writeString(chars, 0, EventIds.LENGTH);
            gen.writeFieldName(EventField.SCHEMA_VERSION.encodedName());
            gen.writeNumber(EventField.SCHEMA_VERSION_NUMBER);
            for (Map.Entry<SerializableString, String> field : staticFields) {
                text(field.getKey(), field.getKey().getValue(), field.getValue());
            }
            EntriesWriter entries = new EntriesWriter();
            entries.start(Part.MDC, EventField.MDC.encodedName()).mdc();
            entries.start(Part.FIELDS, EventField.FIELDS.encodedName()).fields();
            entries.start(Part.MARKERS, EventField.MARKERS.encodedName()).markers();
            entries.start(Part.NDC, EventField.NDC.encodedName()).ndc();
            writeError();
            writeSource();
            writeCut();
            gen.writeEndObject();
        }

        private void writeError() throws IOException {
            ThrowableView error = StackTraceRenderer.guard(event::error, null);
            if (error == null) {
                return;
            }
            gen.writeFieldName(EventField.ERROR.encodedName());
            gen.writeStartObject();
            text(NestedField.ERROR_TYPE, StackTraceRenderer.guardText(error::className, "type"));
            String message = StackTraceRenderer.guardText(error::message, "message");
            if (message != null) {
                int start = position(NestedField.ERROR_MESSAGE.encodedName());
                value(message, budgets.of(Part.ERROR_MESSAGE), NestedField.ERROR_MESSAGE.flatName());
                measure(Part.ERROR_MESSAGE, start);
            }
            int stackBudget = Math.min(budgets.of(Part.STACK), budgets.stringBytes);
            Utf8Text.Fitted stack = StackTraceRenderer.render(error, maxStackFrames, stackBudget);
            int start = position(NestedField.ERROR_STACK.encodedName());
            // Already within budget; fit() only repairs surrogates here.
            gen.writeString(Utf8Text.fit(stack.text(), stackBudget).text());
            measure(Part.STACK, start);
            if (stack.bytesCut() > 0) {
                noteCut(NestedField.ERROR_STACK.flatName(), stack.bytesCut());
            }
            gen.writeEndObject();
        }

        private void writeSource() throws IOException {
            SourceLocation source = StackTraceRenderer.guard(event::source, null);
            if (source == null) {
                return;
            }
            gen.writeFieldName(EventField.SOURCE.encodedName());
            gen.writeStartObject();
            if (source.className() != null) {
                text(NestedField.SOURCE_CLASS, source.className());
            }
            if (source.methodName() != null) {
                text(NestedField.SOURCE_METHOD, source.methodName());
            }
            if (source.fileName() != null) {
                text(NestedField.SOURCE_FILE, source.fileName());
            }
            if (source.line() >= 0) {
                gen.writeFieldName(NestedField.SOURCE_LINE.encodedName());
                gen.writeNumber(source.line());
            }
            gen.writeEndObject();
        }

        private void writeCut() throws IOException {
            if (cut == null) {
                return;
            }
            gen.writeFieldName(EventField.TRUNCATED.encodedName());
            gen.writeStartObject();
            for (Map.Entry<String, Long> entry : cut.entrySet()) {
                gen.writeFieldName(entry.getKey());
                gen.writeNumber(entry.getValue());
            }
            gen.writeEndObject();
        }

        /** Writes a named string field within the string limit. */
        private void text(EventField field, String text) throws IOException {
            text(field.encodedName(), field.jsonName(), text);
        }

        /** A cut in a nested field is reported under its flat name, such as error_type. */
        private void text(NestedField field, String text) throws IOException {
            text(field.encodedName(), field.flatName(), text);
        }

        private void text(SerializableString name, String cutName, String text) throws IOException {
            gen.writeFieldName(name);
            value(text == null ? "" : text, budgets.stringBytes, cutName);
        }

        /** Writes a string value within {@code budget} bytes (and the string limit). */
        private void value(String text, int budget, String cutName) throws IOException {
            int limit = Math.min(budget, budgets.stringBytes);
            if (Utf8Text.fitsAsIs(text, limit)) {
                gen.writeString(text);
                return;
            }
            Utf8Text.Fitted fitted = Utf8Text.fit(text, limit);
            gen.writeString(fitted.text());
            if (fitted.bytesCut() > 0) {
                noteCut(cutName, fitted.bytesCut());
            }
        }

        void noteCut(String name, long bytes) {
            if (cut == null) {
                cut = new LinkedHashMap<>();
            }
            cut.merge(name, bytes, Long::sum);
        }

        /** Writes the field name and returns where its value starts. */
        private int position(SerializableString name) throws IOException {
            gen.writeFieldName(name);
            return position();
        }

        private int position() {
            return out.size() + gen.getOutputBuffered();
        }

        private void measure(Part part, int start) {
            partSizes[part.ordinal()] += position() - start;
        }

        /**
         * Writes one of the object or array parts, entry by entry, until its budget is spent; the entries that no
         * longer fit are counted as cut. The visitors are the adapters' iteration, which may throw: entries written
         * so far stay, and the JSON stays whole.
         */
        private final class EntriesWriter
                implements LogEventView.KeyValueVisitor<Object>, LogEventView.MarkerVisitor, LogEventView.ValueVisitor {
            private Part part;
            private SerializableString name;
            private int budget;
            private int used;
            private int start;
            private boolean full;
            private Set<Object> seenMarkers;
            /** Keys written so far, where they can repeat: structured fields (a list, not a map) and cut keys. */
            private Set<String> seenKeys;

            /** Starts on a part; one writer serves every part of an event in turn. */
            EntriesWriter start(Part part, SerializableString name) {
                this.part = part;
                this.name = name;
                this.budget = budgets.of(part);
                this.used = 0;
                this.start = -1;
                this.full = false;
                this.seenMarkers = null;
                this.seenKeys = null;
                return this;
            }

            void mdc() throws IOException {
                try {
                    event.forEachMdc((key, value) -> accept(key, value));
                } catch (RuntimeException | LinkageError | StackOverflowError e) {
                    // keep what was written
                }
                end(false);
            }

            void fields() throws IOException {
                try {
                    event.forEachField(this);
                } catch (RuntimeException | LinkageError | StackOverflowError e) {
                    // keep what was written
                }
                end(false);
            }

            void markers() throws IOException {
                try {
                    event.forEachMarker(this);
                } catch (RuntimeException | LinkageError | StackOverflowError e) {
                    // keep what was written
                }
                end(true);
            }

            void ndc() throws IOException {
                try {
                    event.forEachNdc(this);
                } catch (RuntimeException | LinkageError | StackOverflowError e) {
                    // keep what was written
                }
                end(true);
            }

            @Override
            public void accept(String key, Object value) {
                if (key != null) {
                    entry(key, value);
                }
            }

            @Override
            public boolean visit(Object marker, String markerName) {
                if (seenMarkers == null) {
                    seenMarkers = Collections.newSetFromMap(new IdentityHashMap<>());
                }
                if (!seenMarkers.add(marker == null ? markerName : marker)) {
                    return false;
                }
                if (markerName != null) {
                    entry(null, markerName);
                }
                return true;
            }

            @Override
            public void accept(String value) {
                if (value != null) {
                    entry(null, value);
                }
            }

            /** Writes one entry (a key and value, or an array element with a null key) if the budget allows. */
            private void entry(String key, Object rawValue) {
                try {
                    if (key != null && part == Part.FIELDS && !firstUse(key)) {
                        // A repeated key would make the record ambiguous JSON: the first value wins.
                        noteCut(part.cutName, Math.min(Utf8Text.utf8Length(key), budgets.stringBytes) + 4L);
                        return;
                    }
                    Object value = FieldValues.normalize(rawValue);
                    if (budget == Integer.MAX_VALUE) {
                        open();
                        writeKey(key);
                        writeValue(value);
                        return;
                    }
                    int keyBytes = key == null ? 0 : Math.min(Utf8Text.utf8Length(key), budgets.stringBytes) + 3;
                    int entryBytes = keyBytes + FieldValues.estimatedBytes(value, budgets.stringBytes) + 1;
                    if (full) {
                        noteCut(part.cutName, entryBytes);
                        return;
                    }
                    int room = budget - used;
                    if (entryBytes <= room) {
                        open();
                        writeKey(key);
                        writeValue(value);
                        used += entryBytes;
                        return;
                    }
                    full = true;
                    // A long text value may still fit in part: cut it rather than lose the whole entry.
                    int valueRoom = room - keyBytes - 3;
                    if (value instanceof String && valueRoom >= 64) {
                        open();
                        writeKey(key);
                        value(((String) value), valueRoom, part.cutName);
                        used = budget;
                    } else {
                        noteCut(part.cutName, entryBytes);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            private boolean firstUse(String key) {
                if (seenKeys == null) {
                    seenKeys = new HashSet<>();
                }
                return seenKeys.add(key);
            }

            private void writeKey(String key) throws IOException {
                if (key != null) {
                    if (Utf8Text.fitsAsIs(key, budgets.stringBytes)) {
                        gen.writeFieldName(key);
                        return;
                    }
                    Utf8Text.Fitted fitted = Utf8Text.fit(key, budgets.stringBytes);
                    String text = fitted.text();
                    // Two long keys can share their first maxStringBytes: number the later ones.
                    for (int copy = 2; !firstUse(text); copy++) {
                        text = Utf8Text.fit(key, budgets.stringBytes - 12).text() + "~" + copy;
                    }
                    gen.writeFieldName(text);
                    if (fitted.bytesCut() > 0) {
                        noteCut(part.cutName, fitted.bytesCut());
                    }
                }
            }

            private void writeValue(Object value) throws IOException {
                if (value == null) {
                    gen.writeNull();
                } else if (value instanceof String) {
                    value(((String) value), budgets.stringBytes, part.cutName);
                } else if (value instanceof Boolean) {
                    gen.writeBoolean(((Boolean) value));
                } else if (value instanceof Long) {
                    gen.writeNumber(((Long) value));
                } else if (value instanceof Double) {
                    gen.writeNumber(((Double) value));
                } else if (value instanceof BigDecimal) {
                    gen.writeNumber(((BigDecimal) value).toPlainString());
                } else {
                    value(FieldValues.text(value), budgets.stringBytes, part.cutName);
                }
            }

            private void open() throws IOException {
                if (start < 0) {
                    gen.writeFieldName(name);
                    start = position();
                    if (part.isArray) {
                        gen.writeStartArray();
                    } else {
                        gen.writeStartObject();
                    }
                }
            }

            private void end(boolean array) throws IOException {
                if (start < 0) {
                    return;
                }
                if (array) {
                    gen.writeEndArray();
                } else {
                    gen.writeEndObject();
                }
                measure(part, start);
            }
        }
    }

    private static String guardText(Supplier<String> call, String what) {
        return StackTraceRenderer.guardText(call, what);
    }

    private static final Part[] PARTS = Part.values();

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

    /** Parts that can be shrunk to make a record fit. */
    enum Part {
        MESSAGE(EventField.MESSAGE.jsonName(), false, 2),
        ERROR_MESSAGE(NestedField.ERROR_MESSAGE.flatName(), false, 2),
        STACK(NestedField.ERROR_STACK.flatName(), false, 2),
        MDC(EventField.MDC.jsonName(), false, 2),
        FIELDS(EventField.FIELDS.jsonName(), false, 2),
        MARKERS(EventField.MARKERS.jsonName(), true, 2),
        NDC(EventField.NDC.jsonName(), true, 2);

        final String cutName;
        final boolean isArray;
        /** The size of the part's JSON when nothing of it is left ("" or {} or []). */
        final int emptySize;

        Part(String cutName, boolean isArray, int emptySize) {
            this.cutName = cutName;
            this.isArray = isArray;
            this.emptySize = emptySize;
        }
    }

    /** Byte budgets per part, and for every string. */
    private static final class Budgets {
        private final int stringBytes;
        private final int[] parts;

        Budgets(int stringBytes, int[] parts) {
            this.stringBytes = stringBytes;
            this.parts = parts;
        }

        int stringBytes() {
            return stringBytes;
        }

        int[] parts() {
            return parts;
        }

        static Budgets unlimited(int maxStringBytes) {
            int[] parts = new int[PARTS.length];
            Arrays.fill(parts, Integer.MAX_VALUE);
            return new Budgets(maxStringBytes, parts);
        }

        /** Every part emptied and every string short: the smallest record an event can become. */
        static Budgets exhausted() {
            return new Budgets(FALLBACK_STRING_BYTES, new int[PARTS.length]);
        }

        int of(Part part) {
            return parts[part.ordinal()];
        }

        Budgets with(Part part, int budget) {
            int[] copy = parts.clone();
            copy[part.ordinal()] = budget;
            return new Budgets(stringBytes, copy);
        }
    }
}
