package io.github.kinlog.samples.warehouse;

import io.github.kinlog.redshift.ColumnType;
import io.github.kinlog.redshift.ViewColumn;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The local databases' side of the warehouse design: how JSON is stored and navigated, and how a value converts
 * without failing the statement, as Redshift's casts from SUPER give NULL rather than an error.
 */
public enum Dialect implements io.github.kinlog.redshift.Dialect {
    DUCKDB {
        @Override
        public String payloadType() {
            return "JSON";
        }

        @Override
        public String type(ColumnType type) {
            return switch (type.base()) {
                case SUPER -> "JSON";
                case VARCHAR -> "VARCHAR";
                case DOUBLE_PRECISION -> "DOUBLE";
                default -> type.sql();
            };
        }

        @Override
        String json(List<String> path) {
            return "json_extract(" + EVENT + ", " + jsonPath(path) + ")";
        }

        @Override
        String text(List<String> path) {
            return "json_extract_string(" + EVENT + ", " + jsonPath(path) + ")";
        }

        /** json_type names the top-level type in capitals: ARRAY, OBJECT, VARCHAR, ... (JSON functions). */
        @Override
        public String isObject(String json) {
            return "json_type(" + json + ") = 'OBJECT'";
        }

        @Override
        public String isArray(String json) {
            return "json_type(" + json + ") = 'ARRAY'";
        }

        /**
         * json_each gives a row per element of an array, its index from 0 as VARCHAR in key (cast, so that 10 comes
         * after 9); given another value it gives that value's members or the value itself, never an error (JSON table
         * functions, https://duckdb.org/docs/stable/data/json/json_functions.html).
         */
        @Override
        public String elements(String array) {
            return "LATERAL (SELECT value AS " + EVENT + ", CAST(key AS BIGINT) AS " + EVENT_INDEX + " FROM json_each("
                    + array + ")) AS elements";
        }

        @Override
        String convert(String text, ColumnType type) {
            return "TRY_CAST(" + text + " AS " + type(type) + ")";
        }

        /** DuckDB keeps one writer per row: of two loads at once, the second to delete the batch fails, unharmed. */
        @Override
        public String lock(String table) {
            return null;
        }

        @Override
        public String daysBefore(int days, String timestamp) {
            return "(" + timestamp + " - INTERVAL " + days + " DAY)";
        }

        @Override
        public String millisBetween(String from, String to) {
            return "date_diff('millisecond', " + from + ", " + to + ")";
        }

        @Override
        String minute(String timestamp) {
            return "strftime(date_trunc('minute', " + timestamp + "), '%H:%M')";
        }

        private String jsonPath(List<String> path) {
            return "'$"
                    + path.stream()
                            .map(m -> ".\"" + m.replace("'", "''").replace("\"", "\\\"") + "\"")
                            .collect(Collectors.joining())
                    + "'";
        }
    },

    POSTGRESQL {
        @Override
        public String payloadType() {
            return "JSONB";
        }

        @Override
        public String type(ColumnType type) {
            return switch (type.base()) {
                case SUPER -> "JSONB";
                case VARCHAR -> "TEXT";
                default -> type.sql();
            };
        }

        @Override
        String json(List<String> path) {
            return "(" + EVENT + " #> " + arrayPath(path) + ")";
        }

        @Override
        String text(List<String> path) {
            return "(" + EVENT + " #>> " + arrayPath(path) + ")";
        }

        @Override
        public String isObject(String json) {
            return "jsonb_typeof(" + json + ") = 'object'";
        }

        @Override
        public String isArray(String json) {
            return "jsonb_typeof(" + json + ") = 'array'";
        }

        /**
         * jsonb_array_elements fails on anything but an array, and nothing promises that the condition on the record
         * is applied before the function runs, so it is given an empty array instead. WITH ORDINALITY numbers the
         * elements from 1 (https://www.postgresql.org/docs/current/functions-json.html,
         * https://www.postgresql.org/docs/current/queries-table-expressions.html).
         */
        @Override
        public String elements(String array) {
            return "LATERAL (SELECT value AS " + EVENT + ", ordinality - 1 AS " + EVENT_INDEX
                    + " FROM jsonb_array_elements(CASE WHEN " + isArray(array) + " THEN " + array
                    + " ELSE '[]' END) WITH ORDINALITY) AS elements";
        }

        @Override
        String convert(String text, ColumnType type) {
            // PostgreSQL has no TRY_CAST: convert only text of the type's shape, NULL otherwise.
            String shape = switch (type.base()) {
                case SMALLINT, INTEGER, BIGINT -> "^-?[0-9]{1,18}$";
                case DECIMAL, REAL, DOUBLE_PRECISION -> "^-?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?$";
                case BOOLEAN -> "^(true|false)$";
                case DATE -> "^[0-9]{4}-[0-9]{2}-[0-9]{2}$";
                case TIMESTAMP, TIMESTAMPTZ ->
                    "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]{1,6})?Z$";
                default -> throw new IllegalArgumentException("no conversion to " + type);
            };
            return "CASE WHEN " + text + " ~ '" + shape + "' THEN CAST(" + text + " AS " + type(type) + ") END";
        }

        /** Redshift's LOCK: a second load waits here until the first commits, then finds the batch gone. */
        @Override
        public String lock(String table) {
            return "LOCK TABLE " + table + " IN EXCLUSIVE MODE";
        }

        @Override
        public String daysBefore(int days, String timestamp) {
            return "(" + timestamp + " - INTERVAL '" + days + " days')";
        }

        @Override
        public String millisBetween(String from, String to) {
            return "CAST(EXTRACT(EPOCH FROM (" + to + " - " + from + ")) * 1000 AS BIGINT)";
        }

        @Override
        String minute(String timestamp) {
            return "to_char(date_trunc('minute', " + timestamp + "), 'HH24:MI')";
        }

        private String arrayPath(List<String> path) {
            return "'{"
                    + path.stream()
                            .map(m -> "\""
                                    + m.replace("\\", "\\\\")
                                            .replace("\"", "\\\"")
                                            .replace("'", "''") + "\"")
                            .collect(Collectors.joining(","))
                    + "}'";
        }
    };

    /** The database a JDBC URL names: DuckDB or PostgreSQL. */
    public static Dialect of(String jdbcUrl) {
        if (jdbcUrl.startsWith("jdbc:duckdb:")) {
            return DUCKDB;
        }
        if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            return POSTGRESQL;
        }
        throw new IllegalArgumentException("the warehouse runs on DuckDB (jdbc:duckdb:...) or PostgreSQL"
                + " (jdbc:postgresql:...), not " + jdbcUrl.replaceAll("password=[^&;]*", "password=***"));
    }

    @Override
    public String read(ViewColumn column) {
        if (column.path().isEmpty()) {
            return column.name();
        }
        return switch (column.type().base()) {
            case SUPER -> json(column.path());
            case VARCHAR -> text(column.path());
            default -> convert(text(column.path()), column.type());
        };
    }

    /** No sort keys or encodings to choose: the local databases decide for themselves. */
    @Override
    public String eventsTableOptions() {
        return "";
    }

    /** The JSON value at a path of the event. */
    abstract String json(List<String> path);

    /** The text of the value at a path of the event: a string's content, a number's digits. */
    abstract String text(List<String> path);

    /** {@code text} converted to {@code type}, or NULL when it does not convert. */
    abstract String convert(String text, ColumnType type);

    /** A timestamp's minute as HH:MM. */
    abstract String minute(String timestamp);
}
