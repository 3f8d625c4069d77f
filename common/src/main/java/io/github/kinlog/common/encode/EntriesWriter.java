package io.github.kinlog.common.encode;

import com.fasterxml.jackson.core.SerializableString;
import io.github.kinlog.common.event.LogEventView;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Writes one of the object or array parts, entry by entry, until its budget is spent; the entries that no
 * longer fit are counted as cut. The visitors are the adapters' iteration, which may throw: entries written
 * so far stay, and the JSON stays whole.
 */
final class EntriesWriter
        implements LogEventView.KeyValueVisitor<Object>, LogEventView.MarkerVisitor, LogEventView.ValueVisitor {
    private final EncodingAttempt attempt;
    private ShrinkablePart part;
    private SerializableString name;
    private int budget;
    private int used;
    private int start;
    private boolean full;
    private Set<Object> seenMarkers;
    /** Keys written so far, where they can repeat: structured fields (a list, not a map) and cut keys. */
    private Set<String> seenKeys;

    EntriesWriter(EncodingAttempt attempt) {
        this.attempt = attempt;
    }

    /** Starts on a part; one writer serves every part of an event in turn. */
    EntriesWriter start(ShrinkablePart part, SerializableString name) {
        this.part = part;
        this.name = name;
        this.budget = attempt.budgets.of(part);
        this.used = 0;
        this.start = -1;
        this.full = false;
        this.seenMarkers = null;
        this.seenKeys = null;
        return this;
    }

    void mdc() throws IOException {
        try {
            attempt.event.forEachMdc((key, value) -> accept(key, value));
        } catch (RuntimeException | LinkageError | StackOverflowError e) {
            // keep what was written
        }
        end(false);
    }

    void fields() throws IOException {
        try {
            attempt.event.forEachField(this);
        } catch (RuntimeException | LinkageError | StackOverflowError e) {
            // keep what was written
        }
        end(false);
    }

    void markers() throws IOException {
        try {
            attempt.event.forEachMarker(this);
        } catch (RuntimeException | LinkageError | StackOverflowError e) {
            // keep what was written
        }
        end(true);
    }

    void ndc() throws IOException {
        try {
            attempt.event.forEachNdc(this);
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
            if (key != null && part == ShrinkablePart.FIELDS && !firstUse(key)) {
                // A repeated key would make the record ambiguous JSON: the first value wins.
                attempt.noteCut(part.cutName, Math.min(Utf8Text.utf8Length(key), attempt.budgets.stringBytes()) + 4L);
                return;
            }
            Object value = FieldValues.normalize(rawValue);
            if (budget == Integer.MAX_VALUE) {
                open();
                writeKey(key);
                writeValue(value);
                return;
            }
            int keyBytes = key == null ? 0 : Math.min(Utf8Text.utf8Length(key), attempt.budgets.stringBytes()) + 3;
            int entryBytes = keyBytes + FieldValues.estimatedBytes(value, attempt.budgets.stringBytes()) + 1;
            if (full) {
                attempt.noteCut(part.cutName, entryBytes);
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
                attempt.value(((String) value), valueRoom, part.cutName);
                used = budget;
            } else {
                attempt.noteCut(part.cutName, entryBytes);
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
            if (Utf8Text.fitsAsIs(key, attempt.budgets.stringBytes())) {
                attempt.gen.writeFieldName(key);
                return;
            }
            Utf8Text.Fitted fitted = Utf8Text.fit(key, attempt.budgets.stringBytes());
            String text = fitted.text();
            // Two long keys can share their first maxStringBytes: number the later ones.
            for (int copy = 2; !firstUse(text); copy++) {
                text = Utf8Text.fit(key, attempt.budgets.stringBytes() - 12).text() + "~" + copy;
            }
            attempt.gen.writeFieldName(text);
            if (fitted.bytesCut() > 0) {
                attempt.noteCut(part.cutName, fitted.bytesCut());
            }
        }
    }

    private void writeValue(Object value) throws IOException {
        if (value == null) {
            attempt.gen.writeNull();
        } else if (value instanceof String) {
            attempt.value(((String) value), attempt.budgets.stringBytes(), part.cutName);
        } else if (value instanceof Boolean) {
            attempt.gen.writeBoolean(((Boolean) value));
        } else if (value instanceof Long) {
            attempt.gen.writeNumber(((Long) value));
        } else if (value instanceof Double) {
            attempt.gen.writeNumber(((Double) value));
        } else if (value instanceof BigDecimal) {
            attempt.gen.writeNumber(((BigDecimal) value).toPlainString());
        } else {
            attempt.value(FieldValues.text(value), attempt.budgets.stringBytes(), part.cutName);
        }
    }

    private void open() throws IOException {
        if (start < 0) {
            attempt.gen.writeFieldName(name);
            start = attempt.position();
            if (part.isArray) {
                attempt.gen.writeStartArray();
            } else {
                attempt.gen.writeStartObject();
            }
        }
    }

    private void end(boolean array) throws IOException {
        if (start < 0) {
            return;
        }
        if (array) {
            attempt.gen.writeEndArray();
        } else {
            attempt.gen.writeEndObject();
        }
        attempt.measure(part, start);
    }
}
