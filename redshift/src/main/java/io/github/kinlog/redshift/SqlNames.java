package io.github.kinlog.redshift;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Names in generated SQL: which are accepted, and how they are written. */
final class SqlNames {
    private SqlNames() {}

    /** Column and view names stay plain lower-case identifiers, so nobody has to quote them in queries. */
    private static final Pattern PLAIN = Pattern.compile("[a-z_][a-z0-9_]{0,126}");

    /** Words Redshift reserves that a generated name could plausibly take. */
    private static final Set<String> RESERVED = Set.of(
            "all",
            "analyse",
            "analyze",
            "and",
            "any",
            "as",
            "asc",
            "both",
            "case",
            "cast",
            "check",
            "column",
            "constraint",
            "create",
            "current_date",
            "current_time",
            "current_timestamp",
            "current_user",
            "default",
            "desc",
            "distinct",
            "do",
            "else",
            "end",
            "except",
            "false",
            "for",
            "foreign",
            "from",
            "grant",
            "group",
            "having",
            "in",
            "initially",
            "intersect",
            "into",
            "leading",
            "limit",
            "localtime",
            "localtimestamp",
            "new",
            "not",
            "null",
            "off",
            "offset",
            "old",
            "on",
            "only",
            "or",
            "order",
            "primary",
            "references",
            "select",
            "session_user",
            "some",
            "table",
            "then",
            "to",
            "trailing",
            "true",
            "union",
            "unique",
            "user",
            "using",
            "when",
            "where",
            "with");

    static void checkColumnName(String name) {
        if (name == null || !PLAIN.matcher(name).matches() || RESERVED.contains(name)) {
            throw new IllegalArgumentException("column name '" + name + "' must be a lower-case identifier"
                    + " (letters, digits, '_', not starting with a digit, at most 127) and not a reserved word");
        }
    }

    /** A view or schema name, optionally schema-qualified: each part a plain identifier. */
    static void checkRelationName(String what, String name) {
        String[] parts = name == null ? new String[] {""} : name.split("\\.", -1);
        if (parts.length > 2) {
            throw new IllegalArgumentException(what + " '" + name + "' has more than one '.'");
        }
        for (String part : parts) {
            if (!PLAIN.matcher(part).matches() || RESERVED.contains(part)) {
                throw new IllegalArgumentException(what + " '" + name + "' must be a lower-case identifier"
                        + " (letters, digits, '_', not starting with a digit) and not a reserved word,"
                        + " optionally schema.name");
            }
        }
    }

    /** The default column name for a key: lower case, other characters as '_'. */
    static String columnNameFor(String key) {
        String name = key.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        if (name.isEmpty() || Character.isDigit(name.charAt(0))) {
            name = "_" + name;
        }
        if (name.length() > 127) {
            name = name.substring(0, 127);
        }
        return RESERVED.contains(name) ? name + "_" : name;
    }

    /** A double-quoted identifier, for stream names and JSON member names, which may hold any character. */
    static String quoted(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    /** A single-quoted SQL string literal. */
    static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
