package io.github.kinlog.common.encode;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How structured field values are written: booleans and finite numbers as JSON literals, null as null, everything
 * else as text. Text comes from {@code toString()}, which user code may have broken: a failure becomes a note.
 */
final class FieldValues {
    private FieldValues() {}

    /** The value as it will be written: a Boolean, Long, Double, BigDecimal, String, or null. */
    static Object normalize(Object value) {
        if (value == null || value instanceof String || value instanceof Boolean || value instanceof Long) {
            return value;
        }
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof AtomicInteger || value instanceof AtomicLong) {
            return ((Number) value).longValue();
        }
        if (value instanceof Double || value instanceof Float) {
            double number = ((Number) value).doubleValue();
            return Double.isFinite(number) ? (Object) number : Double.toString(number);
        }
        if (value instanceof BigInteger) {
            return ((BigInteger) value).bitLength() < 64
                    ? (Object) ((BigInteger) value).longValue()
                    : ((BigInteger) value).toString();
        }
        if (value instanceof BigDecimal) {
            // A negative scale would print as 1E+5; plain digits read the same everywhere.
            BigDecimal plain =
                    ((BigDecimal) value).scale() < 0 ? ((BigDecimal) value).setScale(0) : ((BigDecimal) value);
            return Math.max(plain.precision(), plain.scale()) <= MAX_DECIMAL_PRECISION
                    ? plain
                    : ((BigDecimal) value).toString();
        }
        if (value instanceof Enum<?>) {
            return ((Enum<?>) value).name();
        }
        return text(value);
    }

    /** Redshift's DECIMAL holds 38 digits; larger numbers are written as text so nothing is rounded on the way. */
    static final int MAX_DECIMAL_PRECISION = 38;

    /** {@code String.valueOf(value)}, or a note if {@code toString()} fails. */
    static String text(Object value) {
        try {
            String text = String.valueOf(value);
            return text == null ? "null" : text;
        } catch (RuntimeException | LinkageError | StackOverflowError e) {
            return "[" + e.getClass().getName() + " in toString() of "
                    + value.getClass().getName() + "]";
        }
    }

    /** About how many bytes a normalized value takes in JSON, for budgeting; text counts as if cut to the limit. */
    static int estimatedBytes(Object normalized, int maxStringBytes) {
        if (normalized == null) {
            return 4;
        }
        if (normalized instanceof String) {
            return Math.min(Utf8Text.utf8Length(((String) normalized)), maxStringBytes) + 2;
        }
        return normalized.toString().length();
    }
}
