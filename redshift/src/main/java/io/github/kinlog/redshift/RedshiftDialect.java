package io.github.kinlog.redshift;

import static io.github.kinlog.redshift.SqlNames.quoted;

import java.util.stream.Collectors;

/**
 * Amazon Redshift: SUPER navigation with casts, which give NULL rather than an error; PartiQL to unnest packed records;
 * a table sorted by ts.
 */
final class RedshiftDialect implements Dialect {
    static final RedshiftDialect INSTANCE = new RedshiftDialect();

    private RedshiftDialect() {}

    @Override
    public String type(ColumnType type) {
        return type.sql();
    }

    @Override
    public String payloadType() {
        return "SUPER";
    }

    @Override
    public String read(ViewColumn column) {
        if (column.path().isEmpty()) {
            return column.name();
        }
        String navigation =
                EVENT + column.path().stream().map(m -> "." + quoted(m)).collect(Collectors.joining());
        return column.type().base() == ColumnType.Base.SUPER
                ? navigation
                : "CAST(" + navigation + " AS " + column.type().sql() + ")";
    }

    /** IS_OBJECT and IS_ARRAY are false for every other value, null included (r_is_object.html, r_is_array.html). */
    @Override
    public String isObject(String json) {
        return "IS_OBJECT(" + json + ")";
    }

    @Override
    public String isArray(String json) {
        return "IS_ARRAY(" + json + ")";
    }

    /**
     * PartiQL's unnesting: {@code x AS y AT z} iterates over the array x, with z the element's index from 0
     * (query-super.html, "Unnesting"). The documentation does not say what it does with a value that is not an array,
     * so the design reads only arrays through it.
     */
    @Override
    public String elements(String array) {
        return array + " AS " + EVENT + " AT " + EVENT_INDEX;
    }

    /**
     * Time leads the sort key, as AWS advises for data queried by recent time ranges: a filter on ts reads only the
     * blocks of its range. No join argues for a distribution key (dashboards aggregate; the load's check against the
     * table joins a small batch, which Redshift broadcasts), so Redshift chooses the distribution, and the encodings.
     */
    @Override
    public String eventsTableOptions() {
        return "\nDISTSTYLE AUTO\nSORTKEY (ts)\nENCODE AUTO";
    }

    @Override
    public String lock(String table) {
        return "LOCK " + table;
    }

    @Override
    public String daysBefore(int days, String timestamp) {
        return "DATEADD(day, -" + days + ", " + timestamp + ")";
    }

    @Override
    public String millisBetween(String from, String to) {
        return "DATEDIFF(millisecond, " + from + ", " + to + ")";
    }
}
