package io.github.kinlog.samples.warehouse;

import io.github.kinlog.redshift.ColumnType;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What differs between the warehouse databases: how JSON is stored and navigated, and how a value is converted
 * without failing the query, as Redshift's casts from SUPER give NULL rather than an error.
 */
enum Dialect {
    DUCKDB {
        @Override
        String jsonType() {
            return "JSON";
        }

        @Override
        String json(List<String> path) {
            return "json_extract(payload, " + jsonPath(path) + ")";
        }

        @Override
        String text(List<String> path) {
            return "json_extract_string(payload, " + jsonPath(path) + ")";
        }

        @Override
        String convert(String text, ColumnType type) {
            return "TRY_CAST(" + text + " AS " + sqlType(type) + ")";
        }

        @Override
        String sqlType(ColumnType type) {
            return switch (type.base()) {
                case SUPER -> "JSON";
                case VARCHAR -> "VARCHAR";
                case DOUBLE_PRECISION -> "DOUBLE";
                default -> type.sql();
            };
        }

        @Override
        String minute(String timestamp) {
            return "strftime(date_trunc('minute', " + timestamp + "), '%H:%M')";
        }

        @Override
        String millisBetween(String from, String to) {
            return "date_diff('millisecond', " + from + ", " + to + ")";
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
        String jsonType() {
            return "JSONB";
        }

        @Override
        String json(List<String> path) {
            return "(payload #> " + arrayPath(path) + ")";
        }

        @Override
        String text(List<String> path) {
            return "(payload #>> " + arrayPath(path) + ")";
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
            return "CASE WHEN " + text + " ~ '" + shape + "' THEN CAST(" + text + " AS " + sqlType(type) + ") END";
        }

        @Override
        String sqlType(ColumnType type) {
            return switch (type.base()) {
                case SUPER -> "JSONB";
                case VARCHAR -> "TEXT";
                default -> type.sql();
            };
        }

        @Override
        String minute(String timestamp) {
            return "to_char(date_trunc('minute', " + timestamp + "), 'HH24:MI')";
        }

        @Override
        String millisBetween(String from, String to) {
            return "(EXTRACT(EPOCH FROM (" + to + " - " + from + ")) * 1000)";
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
    static Dialect of(String jdbcUrl) {
        if (jdbcUrl.startsWith("jdbc:duckdb:")) {
            return DUCKDB;
        }
        if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            return POSTGRESQL;
        }
        throw new IllegalArgumentException("the warehouse runs on DuckDB (jdbc:duckdb:...) or PostgreSQL"
                + " (jdbc:postgresql:...), not " + jdbcUrl.replaceAll("password=[^&;]*", "password=***"));
    }

    /** The column type that holds a JSON document. */
    abstract String jsonType();

    /** The JSON value at a path. */
    abstract String json(List<String> path);

    /** The text of the value at a path: a string's content, a number's digits. */
    abstract String text(List<String> path);

    /** {@code text} converted to {@code type}, or NULL when it does not convert. */
    abstract String convert(String text, ColumnType type);

    /** The database's name for a column type. */
    abstract String sqlType(ColumnType type);

    /** A timestamp's minute as HH:MM. */
    abstract String minute(String timestamp);

    /** Milliseconds from one timestamp to another. */
    abstract String millisBetween(String from, String to);
}
