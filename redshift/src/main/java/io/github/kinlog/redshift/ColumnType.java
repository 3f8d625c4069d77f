package io.github.kinlog.redshift;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A SQL type for a view column, limited to the types a JSON value converts to. Parsed from what users write
 * ({@code varchar(64)}, {@code bigint}, {@code decimal(12,2)}) so nothing else reaches the generated SQL.
 */
public record ColumnType(Base base, int length, int scale) {
    /** The type families; {@code length} is the VARCHAR length or DECIMAL precision, 0 where none applies. */
    public enum Base {
        VARCHAR,
        SMALLINT,
        INTEGER,
        BIGINT,
        DECIMAL,
        REAL,
        DOUBLE_PRECISION,
        BOOLEAN,
        DATE,
        TIMESTAMP,
        TIMESTAMPTZ,
        SUPER
    }

    public static final int MAX_VARCHAR = 65_535;

    public static final ColumnType TEXT = new ColumnType(Base.VARCHAR, MAX_VARCHAR, 0);
    public static final ColumnType BIGINT = new ColumnType(Base.BIGINT, 0, 0);
    public static final ColumnType INTEGER = new ColumnType(Base.INTEGER, 0, 0);
    public static final ColumnType TIMESTAMP = new ColumnType(Base.TIMESTAMP, 0, 0);
    public static final ColumnType SUPER = new ColumnType(Base.SUPER, 0, 0);

    private static final Pattern SYNTAX = Pattern.compile(
            "\\s*([a-z0-9 ]+?)\\s*(?:\\(\\s*([0-9]+)\\s*(?:,\\s*([0-9]+)\\s*)?\\))?\\s*", Pattern.CASE_INSENSITIVE);

    public static ColumnType varchar(int length) {
        return new ColumnType(Base.VARCHAR, length, 0);
    }

    /** Parses a type as written in SQL; throws IllegalArgumentException naming the accepted types otherwise. */
    public static ColumnType parse(String text) {
        Matcher m = SYNTAX.matcher(text);
        if (!m.matches()) {
            throw unknown(text);
        }
        String name = m.group(1).toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        Integer first = m.group(2) == null ? null : Integer.valueOf(m.group(2));
        Integer second = m.group(3) == null ? null : Integer.valueOf(m.group(3));
        Base base = switch (name) {
            case "varchar", "character varying", "text" -> Base.VARCHAR;
            case "smallint", "int2" -> Base.SMALLINT;
            case "int", "integer", "int4" -> Base.INTEGER;
            case "bigint", "int8" -> Base.BIGINT;
            case "decimal", "numeric" -> Base.DECIMAL;
            case "real", "float4" -> Base.REAL;
            case "double precision", "float8", "float" -> Base.DOUBLE_PRECISION;
            case "boolean", "bool" -> Base.BOOLEAN;
            case "date" -> Base.DATE;
            case "timestamp" -> Base.TIMESTAMP;
            case "timestamptz" -> Base.TIMESTAMPTZ;
            case "super" -> Base.SUPER;
            default -> throw unknown(text);
        };
        if (base == Base.VARCHAR) {
            int length = first == null ? 256 : first;
            if (second != null || length < 1 || length > MAX_VARCHAR) {
                throw new IllegalArgumentException("varchar takes one length from 1 to " + MAX_VARCHAR + ": " + text);
            }
            return varchar(length);
        }
        if (base == Base.DECIMAL) {
            int precision = first == null ? 18 : first;
            int scale = second == null ? 0 : second;
            if (precision < 1 || precision > 38 || scale > precision) {
                throw new IllegalArgumentException(
                        "decimal takes a precision of 1 to 38 and a scale up to it: " + text);
            }
            return new ColumnType(base, precision, scale);
        }
        if (first != null) {
            throw new IllegalArgumentException(name + " takes no length: " + text);
        }
        return new ColumnType(base, 0, 0);
    }

    private static IllegalArgumentException unknown(String text) {
        return new IllegalArgumentException("unknown column type '" + text + "'; use varchar(n), smallint, integer,"
                + " bigint, decimal(p,s), real, double precision, boolean, date, timestamp, timestamptz or super");
    }

    /** The type as Redshift writes it. */
    public String sql() {
        return switch (base) {
            case VARCHAR -> "VARCHAR(" + length + ")";
            case DECIMAL -> "DECIMAL(" + length + "," + scale + ")";
            case DOUBLE_PRECISION -> "DOUBLE PRECISION";
            default -> base.name();
        };
    }

    @Override
    public String toString() {
        return sql();
    }
}
