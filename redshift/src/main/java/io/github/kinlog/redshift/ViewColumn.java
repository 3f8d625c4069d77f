package io.github.kinlog.redshift;

import java.util.List;

/**
 * One column of the typed events view: its name, where its value sits in the event JSON, and its SQL type. The
 * definition is dialect-neutral, so the Redshift views and any local stand-in read the same columns.
 *
 * @param path JSON member names from the event's root; empty for the Kinesis metadata columns
 */
public record ViewColumn(String name, List<String> path, ColumnType type, Origin origin, String description) {
    /** Where a column comes from. */
    public enum Origin {
        /** A column of the Kinesis source, kept by the streaming view. */
        KINESIS,
        /** A field of the event schema. */
        EVENT,
        /** A configured static field. */
        STATIC,
        /** An MDC entry or structured field promoted by the user. */
        PROMOTED
    }

    public ViewColumn {
        path = List.copyOf(path);
    }

    /** Whether a path member has upper-case letters, which Redshift reaches only with case-sensitive identifiers. */
    public boolean caseSensitive() {
        return path.stream().anyMatch(member -> !member.equals(member.toLowerCase(java.util.Locale.ROOT)));
    }
}
