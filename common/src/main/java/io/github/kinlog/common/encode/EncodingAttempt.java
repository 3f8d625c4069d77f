package io.github.kinlog.common.encode;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import io.github.kinlog.common.event.LogEventView;
import io.github.kinlog.common.event.SourceLocation;
import io.github.kinlog.common.event.ThrowableView;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One pass over an event with given budgets, measuring what each shrinkable part took: the encoder writes a first
 * attempt with no budgets, and shrinks the largest part in further attempts until the record fits.
 */
final class EncodingAttempt {
    private final EventEncoder encoder;
    final LogEventView event;
    final long seq;
    final PartBudgets budgets;
    final ByteOutput out;
    final int[] partSizes = new int[ShrinkablePart.ALL.length];
    /** ShrinkablePart or field name to bytes cut; null until something is cut. */
    Map<String, Long> cut;

    JsonGenerator gen;

    EncodingAttempt(EventEncoder encoder, LogEventView event, long seq, PartBudgets budgets, ByteOutput out) {
        this.encoder = encoder;
        this.event = event;
        this.seq = seq;
        this.budgets = budgets;
        this.out = out;
    }

    int size() {
        return out.size();
    }

    int partSize(ShrinkablePart part) {
        return partSizes[part.ordinal()];
    }

    ShrinkablePart largestShrinkablePart(PartBudgets current) {
        ShrinkablePart largest = null;
        for (ShrinkablePart part : ShrinkablePart.ALL) {
            int size = partSize(part);
            if (size > part.emptySize && current.of(part) > 0 && (largest == null || size > partSize(largest))) {
                largest = part;
            }
        }
        return largest;
    }

    /** Writes the event with a generator of its own. */
    void write() {
        try (JsonGenerator generator = encoder.json.createGenerator(out)) {
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
        encoder.timestamps.format(second, nanos, chars);
        gen.writeFieldName(EventField.TS.encodedName());
        gen.writeString(chars, 0, TimestampFormatter.LENGTH);
        text(EventField.LEVEL, StackTraceRenderer.guardText(event::level, "level"));
        text(EventField.LOGGER, StackTraceRenderer.guardText(event::loggerName, "logger name"));
        text(EventField.THREAD, StackTraceRenderer.guardText(event::threadName, "thread name"));
        String message = StackTraceRenderer.guardText(event::message, "message");
        int start = position(EventField.MESSAGE.encodedName());
        value(message == null ? "" : message, budgets.of(ShrinkablePart.MESSAGE), "message");
        measure(ShrinkablePart.MESSAGE, start);
        if (encoder.service != null) {
            text(EventField.SERVICE, encoder.service);
        }
        if (encoder.env != null) {
            text(EventField.ENV, encoder.env);
        }
        text(EventField.HOST, encoder.host);
        gen.writeFieldName(EventField.PID.encodedName());
        gen.writeNumber(encoder.pid);
        gen.writeFieldName(EventField.SEQ.encodedName());
        gen.writeNumber(seq);
        encoder.ids.write(second * 1000 + nanos / 1_000_000, seq, chars);
        gen.writeFieldName(EventField.EVENT_ID.encodedName());
        gen.writeString(chars, 0, EventIds.LENGTH);
        gen.writeFieldName(EventField.SCHEMA_VERSION.encodedName());
        gen.writeNumber(EventField.SCHEMA_VERSION_NUMBER);
        for (Map.Entry<SerializableString, String> field : encoder.staticFields) {
            text(field.getKey(), field.getKey().getValue(), field.getValue());
        }
        EntriesWriter entries = new EntriesWriter(this);
        entries.start(ShrinkablePart.MDC, EventField.MDC.encodedName()).mdc();
        entries.start(ShrinkablePart.FIELDS, EventField.FIELDS.encodedName()).fields();
        entries.start(ShrinkablePart.MARKERS, EventField.MARKERS.encodedName()).markers();
        entries.start(ShrinkablePart.NDC, EventField.NDC.encodedName()).ndc();
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
            value(message, budgets.of(ShrinkablePart.ERROR_MESSAGE), NestedField.ERROR_MESSAGE.flatName());
            measure(ShrinkablePart.ERROR_MESSAGE, start);
        }
        int stackBudget = Math.min(budgets.of(ShrinkablePart.STACK), budgets.stringBytes());
        Utf8Text.Fitted stack = StackTraceRenderer.render(error, encoder.maxStackFrames, stackBudget);
        int start = position(NestedField.ERROR_STACK.encodedName());
        // Already within budget; fit() only repairs surrogates here.
        gen.writeString(Utf8Text.fit(stack.text(), stackBudget).text());
        measure(ShrinkablePart.STACK, start);
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
        value(text == null ? "" : text, budgets.stringBytes(), cutName);
    }

    /** Writes a string value within {@code budget} bytes (and the string limit). */
    void value(String text, int budget, String cutName) throws IOException {
        int limit = Math.min(budget, budgets.stringBytes());
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
    int position(SerializableString name) throws IOException {
        gen.writeFieldName(name);
        return position();
    }

    int position() {
        return out.size() + gen.getOutputBuffered();
    }

    void measure(ShrinkablePart part, int start) {
        partSizes[part.ordinal()] += position() - start;
    }
}
